package uk.starred.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;

import org.junit.ClassRule;
import org.junit.Test;

/**
 * The JSON REST API of the running demo distribution, as an integration calls it: with the
 * reference host's HTTP Basic sign-in, commands in JSON, a clear 4xx for every bad request and
 * nothing changed by one. (No browser: this class needs only the distribution.)
 */
public class RestApiBrowserIT {

    @ClassRule
    public static final DemoDistribution demo = new DemoDistribution();

    private static final String API = "/starred/api/v1";
    private static final String CHILD = "DEMO-000-S2";
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    public void theOpenApiDocumentDescribesTheApi() throws Exception {
        HttpResponse<String> doc = send("GET", API + "/openapi.json", null, null, null);
        assertEquals(200, doc.statusCode());
        assertTrue(doc.body(), doc.body().contains("\"openapi\": \"3.0.3\""));
        assertTrue(doc.body().contains("/concerns/{concernId}/escalate"));
    }

    @Test
    public void noOneSignedInIsAnswered401() throws Exception {
        HttpResponse<String> answer = send("GET", API + "/children/" + CHILD + "/concerns", null, null, null);
        assertEquals(401, answer.statusCode());
        assertTrue(answer.body(), answer.body().contains("Sign in first"));
        assertEquals(401, send("GET", API + "/procedures", "demo-iro", "wrong", null).statusCode());
    }

    @Test
    public void anIroRaisesAConcernInJsonAndEveryBadRequestIsRefusedWithItsReason() throws Exception {
        String due = LocalDate.now(ZoneId.of("Europe/London")).plusDays(10).toString();
        String count = concernsOf(CHILD);

        HttpResponse<String> form = send("POST", API + "/children/" + CHILD + "/concerns", "demo-iro", "demo",
                "origin=STARRED_DECISION");
        assertEquals("a form post is not JSON", 415, form.statusCode());

        HttpResponse<String> wrong = sendJson(API + "/children/" + CHILD + "/concerns", "demo-iro",
                "{\"origin\":\"STARRED\",\"reasons\":[\"DRIFT_OR_DELAY\"],\"description\":\"x\",\"remedyWanted\":\"y\","
                        + "\"remedyDueBy\":\"tomorrow\",\"responsiblePerson\":\"demo-team-manager\"}");
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body(), wrong.body().contains("\"field\":\"origin\""));
        assertTrue(wrong.body(), wrong.body().contains("\"field\":\"remedyDueBy\""));

        HttpResponse<String> unknown = sendJson(API + "/children/" + CHILD + "/concerns", "demo-iro",
                "{\"colour\":\"red\"}");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body(), unknown.body().contains("is not a field of this command"));

        HttpResponse<String> notJson = sendJson(API + "/children/" + CHILD + "/concerns", "demo-iro", "{origin");
        assertEquals(400, notJson.statusCode());

        HttpResponse<String> notTheirs = sendJson(API + "/children/" + CHILD + "/concerns", "demo-team-manager",
                "{\"procedure\":\"seed-000-starred-decisions@2.0.0\",\"origin\":\"STARRED_DECISION\","
                        + "\"reasons\":[\"DRIFT_OR_DELAY\"],\"description\":\"Drift.\","
                        + "\"remedyWanted\":\"A plan.\",\"remedyDueBy\":\"" + due + "\",\"responsiblePerson\":\"demo-team-manager\"}");
        assertEquals("only the child's IRO raises", 403, notTheirs.statusCode());
        assertEquals("no refusal changed anything", count, concernsOf(CHILD));

        HttpResponse<String> raised = sendJson(API + "/children/" + CHILD + "/concerns", "demo-iro",
                "{\"procedure\":\"seed-000-starred-decisions@2.0.0\",\"origin\":\"STARRED_DECISION\",\"reasons\":[\"DRIFT_OR_DELAY\"],"
                        + "\"description\":\"Drift in the permanence plan.\",\"remedyWanted\":\"A permanence plan.\","
                        + "\"remedyDueBy\":\"" + due + "\",\"responsiblePerson\":\"demo-team-manager\"}");
        assertEquals(raised.body(), 201, raised.statusCode());
        String location = raised.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);

        HttpResponse<String> projected = send("GET", API + "/concerns/" + id + "/projection", "demo-iro", "demo", null);
        assertEquals(projected.body(), 200, projected.statusCode());
        assertTrue(projected.body(), projected.body().contains("\"lastStage\":"));
        assertTrue(projected.body(), projected.body().contains("\"end\":\"20"));

        HttpResponse<String> stale = sendJson(API + "/concerns/" + id + "/respond", "demo-team-manager",
                "{\"version\":99,\"kind\":\"AGREE\"}");
        assertEquals("a command on a version not read", 409, stale.statusCode());
        HttpResponse<String> responded = sendJson(API + "/concerns/" + id + "/respond", "demo-team-manager",
                "{\"version\":0,\"kind\":\"AGREE\"}");
        assertEquals(responded.body(), 200, responded.statusCode());
        assertTrue(responded.body(), responded.body().contains("\"kind\":\"AGREE\""));

        assertEquals(404, send("GET", API + "/concerns/not-a-concern", "demo-iro", "demo", null).statusCode());
        assertEquals(404, sendJson(API + "/concerns/" + id + "/explode", "demo-iro", "{}").statusCode());
        assertEquals(405, send("GET", API + "/concerns/" + id + "/resolve", "demo-iro", "demo", null).statusCode());
        HttpResponse<String> figures = send("GET", API + "/oversight/figures?from=2026-01-01&to=2025-01-01",
                "demo-iro-manager", "demo", null);
        assertEquals(400, figures.statusCode());
        assertEquals("figures are for oversight", 403, send("GET", API + "/oversight/figures?from=2026-01-01&to=2026-02-01",
                "demo-iro", "demo", null).statusCode());
    }

    @Test
    public void anIroRecognisesGoodPracticeAndTheIroManagerHasItInTheReportByTeam() throws Exception {
        HttpResponse<String> none = sendJson(API + "/children/" + CHILD + "/good-practice", "demo-iro",
                "{\"staffId\":\"demo-social-worker\"}");
        assertEquals(400, none.statusCode());
        assertTrue(none.body(), none.body().contains("practice"));
        HttpResponse<String> notTheWorker = sendJson(API + "/children/" + CHILD + "/good-practice",
                "demo-social-worker", "{\"staffId\":\"demo-team-manager\",\"practice\":\"Good supervision\"}");
        assertEquals(403, notTheWorker.statusCode());

        HttpResponse<String> recognised = sendJson(API + "/children/" + CHILD + "/good-practice", "demo-iro",
                "{\"staffId\":\"demo-social-worker\",\"practice\":\"Saw the child every week through the move\"}");
        assertEquals(recognised.body(), 201, recognised.statusCode());
        assertTrue(recognised.body(), recognised.body().contains("\"team\":\"Looked After Children Team 2\""));
        HttpResponse<String> forChild = send("GET", API + "/children/" + CHILD + "/good-practice", "demo-team-manager",
                "demo", null);
        assertEquals(200, forChild.statusCode());
        assertTrue(forChild.body(), forChild.body().contains("Saw the child every week through the move"));

        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String period = "?from=" + today + "&to=" + today.plusDays(1);
        HttpResponse<String> csv = send("GET", API + "/oversight/good-practice.csv" + period, "demo-iro-manager", "demo",
                null);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body(), csv.body().contains("recognised_at,child_id,team,person,recognised_by,practice\r\n"));
        assertTrue(csv.body(), csv.body().contains("Looked After Children Team 2,Sam Lewis (Social Worker)"));
        assertEquals("the report is for oversight", 403, send("GET", API + "/oversight/good-practice" + period,
                "demo-iro", "demo", null).statusCode());
    }

    @Test
    public void theServiceManagerDisagreesWithAReviewsDecisionsAndTheIroIsToldInTheManagersWords() throws Exception {
        String child = "DEMO-002-S2";
        HttpResponse<String> timetable = send("GET", API + "/children/" + child + "/reviews", "demo-service-manager",
                "demo", null);
        assertEquals(timetable.body(), 200, timetable.statusCode());
        assertTrue(timetable.body(), timetable.body().contains("\"decisions\":\"AWAITED\""));
        assertTrue(timetable.body(), timetable.body().contains("\"attendees\":[\"demo-social-worker\","
                + "\"demo-team-manager\",\"demo-service-manager\"]"));
        String version = timetable.body().replaceFirst("(?s).*\"version\":(\\d+).*", "$1");

        HttpResponse<String> noReasons = sendJson(API + "/children/" + child + "/reviews/disagree",
                "demo-service-manager", "{\"version\":" + version + ",\"review\":1}");
        assertEquals(noReasons.body(), 400, noReasons.statusCode());
        assertTrue(noReasons.body(), noReasons.body().contains("reasons"));
        HttpResponse<String> notTheManager = sendJson(API + "/children/" + child + "/reviews/disagree", "demo-iro",
                "{\"version\":" + version + ",\"review\":1,\"reasons\":\"Decision 2 is not funded\"}");
        assertEquals(notTheManager.body(), 403, notTheManager.statusCode());
        HttpResponse<String> unknown = sendJson(API + "/children/" + child + "/reviews/agree", "demo-service-manager",
                "{}");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body(), unknown.body().contains("disagree"));

        HttpResponse<String> disputed = sendJson(API + "/children/" + child + "/reviews/disagree",
                "demo-service-manager", "{\"version\":" + version + ",\"review\":1,\"reasons\":\"Decision 2: the"
                        + " placement move is not funded\"}");
        assertEquals(disputed.body(), 200, disputed.statusCode());
        assertTrue(disputed.body(), disputed.body().contains("\"decisions\":\"DISPUTED\""));
        HttpResponse<String> again = sendJson(API + "/children/" + child + "/reviews/disagree", "demo-service-manager",
                "{\"version\":" + version + ",\"review\":1,\"reasons\":\"Twice\"}");
        assertEquals("the version read is out of date", 409, again.statusCode());
        HttpResponse<String> history = send("GET", API + "/children/" + child + "/reviews", "demo-iro", "demo", null);
        assertTrue(history.body(), history.body().contains("Decision 2: the placement move is not funded"));
    }

    @Test
    public void theIroSetsTheNextReviewOnlyWithinTheStatutoryTimescaleAndTheSocialWorkerRecordsACaseSummary()
            throws Exception {
        String child = "DEMO-002-S4";
        HttpResponse<String> read = send("GET", API + "/children/" + child + "/reviews", "demo-iro", "demo", null);
        assertEquals(read.body(), 200, read.statusCode());
        assertTrue(read.body(), read.body().contains("\"iroAppointedOn\":\""));
        String version = read.body().replaceFirst("(?s).*\"version\":(\\d+).*", "$1");
        String dueBy = read.body().replaceFirst("(?s).*\"number\":2,[^}]*?\"dueBy\":\"([0-9-]+)\".*", "$1");
        LocalDate statutory = LocalDate.parse(dueBy);

        HttpResponse<String> beyond = sendJson(API + "/children/" + child + "/reviews/next-review-scheduled",
                "demo-iro", "{\"version\":" + version + ",\"on\":\"" + statutory.plusDays(1) + "\"}");
        assertEquals(beyond.body(), 400, beyond.statusCode());
        assertTrue(beyond.body(), beyond.body().contains("within the statutory timescales: review 2 is due by "
                + statutory));
        HttpResponse<String> notTheIro = sendJson(API + "/children/" + child + "/reviews/next-review-scheduled",
                "demo-social-worker", "{\"version\":" + version + ",\"on\":\"" + statutory + "\"}");
        assertEquals(notTheIro.body(), 403, notTheIro.statusCode());
        HttpResponse<String> set = sendJson(API + "/children/" + child + "/reviews/next-review-scheduled", "demo-iro",
                "{\"version\":" + version + ",\"on\":\"" + statutory.minusWeeks(2) + "\",\"reason\":\"The child"
                        + " asked for an early review\"}");
        assertEquals(set.body(), 200, set.statusCode());
        assertTrue(set.body(), set.body().contains("\"scheduledFor\":\"" + statutory.minusWeeks(2) + "\""));

        String next = set.body().replaceFirst("(?s).*\"version\":(\\d+).*", "$1");
        HttpResponse<String> summary = sendJson(API + "/children/" + child + "/reviews/case-summary-completed",
                "demo-social-worker", "{\"version\":" + next + ",\"on\":\"" + LocalDate.now(ZoneId.of("Europe/London"))
                        + "\"}");
        assertEquals(summary.body(), 200, summary.statusCode());
        assertTrue(summary.body(), summary.body().contains("\"completedBy\":\"demo-social-worker\""));
    }

    @Test
    public void aCommandFromAnotherSiteIsRefused() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(demo.url(API + "/children/" + CHILD + "/concerns")))
                .header("Authorization", basic("demo-iro", "demo")).header("Content-Type", "application/json")
                .header("Origin", "https://elsewhere.example").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(403, answer.statusCode());
        assertTrue(answer.body(), answer.body().contains("elsewhere.example"));
    }

    @Test
    public void theIroManagerExportsEverythingHeldAboutAChildAndSeesWhoLookedAtIt() throws Exception {
        String child = "DEMO-000-S4";
        assertEquals(200, send("GET", API + "/children/" + child + "/concerns", "demo-team-manager", "demo", null)
                .statusCode());
        assertEquals("only those with oversight export", 403, send("GET", API + "/children/" + child
                + "/subject-access", "demo-iro", "demo", null).statusCode());

        HttpResponse<String> export = send("GET", API + "/children/" + child + "/subject-access", "demo-iro-manager",
                "demo", null);
        assertEquals(export.body(), 200, export.statusCode());
        for (String part : List.of("\"concerns\":[{", "\"auditTrail\":[{", "\"messages\":[{",
                "\"records\":\"SUBJECT_ACCESS_EXPORT\"", "\"madeBy\":\"demo-iro-manager\"")) {
            assertTrue(part + " in " + export.body().substring(0, 300), export.body().contains(part));
        }

        HttpResponse<String> log = send("GET", API + "/oversight/access-log?child=" + child, "demo-iro-manager",
                "demo", null);
        assertEquals(log.body(), 200, log.statusCode());
        boolean looked = false;
        for (com.fasterxml.jackson.databind.JsonNode entry : new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(log.body())) {
            looked |= entry.get("staffId").asText().equals("demo-team-manager")
                    && entry.get("childId").asText().equals(child) && entry.get("records").asText().equals("CONCERNS");
        }
        assertTrue("the Team Manager's look is on record: " + log.body(), looked);
        HttpResponse<String> csv = send("GET", API + "/oversight/access-log.csv?child=" + child, "demo-iro-manager",
                "demo", null);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body(), csv.body().startsWith("\uFEFFviewed_at,staff_id,person,child_id,records"));
        assertEquals("a period is needed without a child", 400, send("GET", API + "/oversight/access-log",
                "demo-iro-manager", "demo", null).statusCode());
        assertEquals(403, send("GET", API + "/oversight/access-log?child=" + child, "demo-iro", "demo", null)
                .statusCode());
    }

    private String concernsOf(String child) throws Exception {
        HttpResponse<String> list = send("GET", API + "/children/" + child + "/concerns", "demo-iro", "demo", null);
        assertEquals(200, list.statusCode());
        return Integer.toString(list.body().split("\"raisedAt\"").length - 1);
    }

    private HttpResponse<String> sendJson(String path, String user, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(demo.url(path))).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user, "demo")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String method, String path, String user, String password, String form)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(demo.url(path))).timeout(Duration.ofSeconds(30));
        if (user != null) {
            builder.header("Authorization", basic(user, password));
        }
        if (form != null) {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
