package uk.starred.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.ClassRule;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo council's year, made through the engine with the demo's clock: challenges raised across the last
 * twelve months by three teams' own chairs, with every kind of ending, so the figures have a history; and each
 * team's people see their own team's children. (No browser: the REST API of the demo distribution.)
 */
public class DemoHistoryIT {

    @ClassRule
    public static final DemoDistribution demo = new DemoDistribution();

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode get(String path, String user) throws Exception {
        DemoClient.Answer answer = new DemoClient(demo).send("GET", DemoClient.API + path, user, null);
        assertEquals(answer.body(), 200, answer.status());
        return JSON.readTree(answer.body());
    }

    @Test
    public void theFiguresHaveAYearOfChallengesRaisedAcrossItsMonthsAndEndedEveryWay() throws Exception {
        LocalDate thisMonth = LocalDate.now(ZoneId.of("Europe/London")).withDayOfMonth(1);
        int monthsWithChallenges = 0;
        for (int i = 1; i <= 11; i++) {
            LocalDate from = thisMonth.minusMonths(i);
            JsonNode month = get("/oversight/figures?from=" + from + "&to=" + from.plusMonths(1), "demo-iro-manager");
            if (month.path("raised").asInt() > 0) {
                monthsWithChallenges++;
            }
        }
        assertTrue("challenges raised in " + monthsWithChallenges + " of the last 11 whole months",
                monthsWithChallenges >= 10);
        JsonNode year = get("/oversight/figures?from=" + thisMonth.minusMonths(11) + "&to=" + thisMonth.plusMonths(1),
                "demo-iro-manager");
        assertTrue(year.toString(), year.path("raised").asInt() >= 54);
        assertTrue("resolved, some within days and some late: " + year, year.path("resolved").asInt() >= 20
                && year.path("medianWorkingDaysToResolve").asDouble() > 0);
        assertTrue("withdrawn: " + year, year.path("withdrawn").asInt() > 0);
        assertTrue("referred to CAFCASS: " + year, year.path("cafcassReferrals").asInt() > 0);
        assertTrue("the child protection team's too: " + year, year.path("childProtection").asInt() >= 18);

        JsonNode overdue = get("/oversight/open-concerns?overdue=yes&limit=500", "demo-iro-manager");
        long teams = 0;
        for (JsonNode row : overdue) {
            if (row.path("concern").path("childId").asText().startsWith("DEMO-TEAM-")) {
                teams++;
            }
        }
        assertTrue("some of the teams' challenges are open and overdue today", teams > 0);
    }

    @Test
    public void eachTeamsPeopleSeeTheirOwnTeamsChildrenAndNotAnothers() throws Exception {
        assertTrue(get("/children/DEMO-TEAM-RIVERSIDE-1/concerns", "riverside-team-manager").size() > 0);
        assertEquals("another team's child shows its manager nothing", 0,
                get("/children/DEMO-TEAM-HILLSIDE-1/concerns", "riverside-team-manager").size());
        assertTrue(get("/children/DEMO-TEAM-PARKSIDE-2/concerns", "parkside-cpc").size() > 0);
        assertEquals(0, get("/children/DEMO-TEAM-RIVERSIDE-2/concerns", "parkside-cpc").size());
        JsonNode concern = get("/children/DEMO-TEAM-RIVERSIDE-1/concerns", "riverside-iro").get(0);
        assertEquals("raised by the team's own IRO", "riverside-iro", concern.path("raisedBy").asText());
    }

    @Test
    public void integratorsReadTheTwelveMonthsAndTheAnnualReportAsJson() throws Exception {
        JsonNode trends = get("/oversight/trends", "demo-head-of-service");
        assertEquals(12, trends.path("months").size());
        JsonNode raised = trends.path("series").get(0);
        assertEquals("raised", raised.path("key").asText());
        long total = 0;
        for (JsonNode figure : raised.path("figures")) {
            total += figure.path("value").asLong();
            assertEquals("each figure names the concerns behind it", figure.path("value").asInt(),
                    figure.path("concerns").size());
        }
        assertTrue("the year's challenges month by month: " + total, total >= 54);
        assertTrue(trends.path("teams").toString(), trends.path("teams").toString().contains("Safeguarding Team Parkside"));

        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        int year = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        JsonNode report = get("/oversight/annual-report/" + year, "demo-iro-manager");
        assertEquals(year, report.path("year").path("startYear").asInt());
        assertEquals(6, report.path("columns").size());
        assertEquals("raised", report.path("tables").get(0).path("key").asText());
        DemoClient.Answer wrong = new DemoClient(demo).send("GET", DemoClient.API + "/oversight/annual-report/last",
                "demo-iro-manager", null);
        assertEquals(400, wrong.status());
        assertTrue(wrong.body(), wrong.body().contains("year"));
        DemoClient.Answer refused = new DemoClient(demo).send("GET", DemoClient.API + "/oversight/trends",
                "riverside-iro", null);
        assertEquals("an IRO has no oversight of the service", 403, refused.status());
    }
}
