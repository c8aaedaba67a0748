package uk.starred.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TestRule;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Stored cross-site scripting: twenty hostile payloads written through the REST API into the free-text fields
 * a concern, its communications, its response and agreed action, its CAFCASS referral, good practice, a
 * request for more time and its refusal, and a family update keep,
 * then every screen that shows them opened in Chromium, as the IRO, the Team Manager and the IRO Service
 * Manager: the child's case screen and alert area, the host's case notes, the oversight screen, the CAFCASS
 * referral pack and the subject access document. Not one payload runs; the text is shown as typed; no cell of
 * any CSV download (open concerns, figures, good practice, access log) is one a spreadsheet would run.
 */
public class StoredXssBrowserIT {

    private static final Chromium chromium = new Chromium();
    private static final DemoDistribution demo = new DemoDistribution();

    @ClassRule
    public static final RuleChain browserAndDemo = RuleChain.outerRule(chromium).around(demo);

    @Rule
    public final TestRule screenshotOnFailure = chromium.screenshotOnFailure();

    private static final String API = "/starred/api/v1";
    /** A looked-after child of the demo under seed 002, whose CAFCASS rule is "at any point". */
    private static final String CHILD = "DEMO-002-S1";
    private static final String PROCEDURE = "seed-002-looked-after-reviews@2.1.0";

    /** Twenty ways to run script from stored text, each marking the window with its own number if it runs. */
    static final List<String> PAYLOADS = payloads();

    private static List<String> payloads() {
        List<String> vectors = List.of("<script>window.starredXss=%d</script>", "<img src=x onerror=\"window.starredXss=%d\">",
                "<svg onload=\"window.starredXss=%d\">", "\"><script>window.starredXss=%d</script>",
                "'><img src=x onerror=window.starredXss=%d>", "<iframe srcdoc=\"<script>parent.starredXss=%d</script>\">",
                "<body onload=window.starredXss=%d>", "<a href=\"javascript:window.starredXss=%d\">x</a>",
                "<details open ontoggle=\"window.starredXss=%d\">", "<input autofocus onfocus=\"window.starredXss=%d\">",
                "</textarea><script>window.starredXss=%d</script>", "</title><script>window.starredXss=%d</script>",
                "<math><mtext><img src=x onerror=window.starredXss=%d>", "<object data=\"javascript:window.starredXss=%d\">",
                "<video><source onerror=\"window.starredXss=%d\">", "<style>@import 'javascript:window.starredXss=%d'</style>",
                "<marquee onstart=\"window.starredXss=%d\">", "<div style=\"background:url(javascript:window.starredXss=%d)\">",
                "{{constructor.constructor('window.starredXss=%d')()}}", "<scr<script>ipt>window.starredXss=%d</script>");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            out.add(String.format(vectors.get(i), i + 1));
        }
        return List.copyOf(out);
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    public void noStoredPayloadRunsOnAnyScreenAndEveryOneIsShownAsTyped() throws Exception {
        String due = LocalDate.now(ZoneId.of("Europe/London")).plusDays(10).toString();
        String concern = created(post(API + "/children/" + CHILD + "/concerns", "demo-iro", Map.of(
                "procedure", PROCEDURE, "origin", "CONCERN_OUTSIDE_REVIEW", "reasons", List.of("DRIFT_IN_PLAN"),
                "description", PAYLOADS.get(0),
                "remedyWanted", PAYLOADS.get(1), "remedyDueBy", due, "responsiblePerson", "demo-team-manager")));
        for (int i = 2; i < PAYLOADS.size(); i++) {
            long version = version(concern);
            ok(post(API + "/concerns/" + concern + "/record-communication", "demo-iro", Map.of("version", version,
                    "withWhom", PAYLOADS.get(i), "channel", "email " + i, "summary", PAYLOADS.get(i))));
        }
        // the Team Manager agrees, with reasons and an agreed action of their own words
        ok(post(API + "/concerns/" + concern + "/respond", "demo-team-manager", Map.of("version", version(concern),
                "kind", "AGREE", "reasons", PAYLOADS.get(6), "agreedAction", List.of(PAYLOADS.get(7)),
                "agreedActionResponsible", List.of("demo-team-manager"), "agreedActionDueBy", List.of(due))));
        ok(post(API + "/children/" + CHILD + "/good-practice", "demo-iro", Map.of("staffId", "demo-social-worker",
                "practice", "=HYPERLINK(\"http://evil.example\",\"x\") " + PAYLOADS.get(3))));
        ok(post(API + "/concerns/" + concern + "/consider-cafcass", "demo-iro", Map.of("version", version(concern),
                "reason", PAYLOADS.get(4))));
        ok(post(API + "/concerns/" + concern + "/refer-to-cafcass", "demo-iro", Map.of("version", version(concern),
                "mode", "CONCURRENT", "reason", PAYLOADS.get(5))));

        WebDriver driver = chromium.driver();
        for (String[] view : List.of(new String[] {"demo-iro", "/host/children/" + CHILD + "?tab=dispute-resolution&concern="
                + concern}, new String[] {"demo-team-manager", "/host/children/" + CHILD + "?tab=dispute-resolution"},
                new String[] {"demo-iro", "/host/children/" + CHILD + "?tab=case-notes"},
                new String[] {"demo-iro", "/host/children/" + CHILD + "?tab=dispute-resolution&view=cafcass-pack&concern="
                        + concern},
                new String[] {"demo-iro-manager", "/host/oversight"},
                new String[] {"demo-iro-manager", "/host/children/" + CHILD
                        + "?tab=dispute-resolution&view=subject-access"})) {
            signIn(view[0]);
            driver.get(demo.url(view[1]));
            if (view[1].contains("case-notes")) {
                // case notes reach the host's file through the outbox, a round or two after the commands
                new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
                    d.navigate().refresh();
                    return d.findElement(By.tagName("main")).getText().contains("window.starredXss=");
                });
            } else if (!view[1].contains("oversight")) {
                assertTrue(view[1] + ": the stored text is on the page", driver.findElement(By.tagName("main"))
                        .getText().contains("window.starredXss="));
            }
            assertEquals(view[1] + ": no payload ran", null, ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return window.starredXss === undefined ? null : window.starredXss;"));
            assertEquals(view[1] + ": no element came from the text", 0L, ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return document.querySelectorAll('main script, main img[src=\"x\"], main svg[onload],"
                            + " main iframe, main object, main video, main marquee, main [onerror], main [onload]').length;"));
            driver.manage().deleteAllCookies();
        }

        // the text is there, as typed, where the IRO reads the concern
        signIn("demo-iro");
        driver.get(demo.url("/host/children/" + CHILD + "?tab=dispute-resolution&concern=" + concern));
        String shown = driver.findElement(By.tagName("main")).getText();
        for (String payload : PAYLOADS) {
            assertTrue("shown as typed: " + payload, shown.contains(payload));
        }

        // a spreadsheet never runs a cell of the downloads as a formula
        String csv = get(API + "/oversight/good-practice.csv?from=" + LocalDate.now(ZoneId.of("Europe/London"))
                + "&to=" + LocalDate.now(ZoneId.of("Europe/London")).plusDays(1), "demo-iro-manager");
        assertNothingWrittenInTheLog();
        assertTrue(csv, csv.contains("'=HYPERLINK("));
        assertTrue(csv, !csv.contains(",=HYPERLINK(") && !csv.contains(",\"=HYPERLINK("));
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        String tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1).toString();
        for (String download : List.of("/oversight/open-concerns.csv", "/oversight/figures.csv?from=" + today
                + "&to=" + tomorrow, "/oversight/good-practice.csv?from=" + today + "&to=" + tomorrow,
                "/oversight/access-log.csv?child=" + CHILD)) {
            String body = get(API + download, "demo-iro-manager");
            List<List<String>> rows = parseCsv(body);
            assertTrue(download + " has rows: " + body, rows.size() > 1);
            for (List<String> row : rows) {
                for (String cell : row) {
                    assertFalse(download + ": a cell a spreadsheet would run: " + cell, !cell.isEmpty()
                            && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+"));
                }
            }
        }
    }

    /** The family update and the request for more time, their free text stored hostile and shown as typed. */
    @Test
    public void noPayloadRunsFromAFamilyUpdateOrARequestForMoreTime() throws Exception {
        String alert = json.readTree(get(API + "/children/DEMO-004-S2/concerns", "demo-cpc")).get(0).get("id")
                .asText();
        JsonNode stages = json.readTree(get(API + "/concerns/" + alert, "demo-cpc")).get("stages");
        LocalDate due = java.time.Instant.parse(stages.get(stages.size() - 1).get("dueAt").asText())
                .atZone(ZoneId.of("Europe/London")).toLocalDate();
        ok(post(API + "/concerns/" + alert + "/request-more-time", "demo-team-manager", Map.of("version",
                version(alert, "demo-cpc"), "explanation", PAYLOADS.get(8), "until", due.plusDays(5).toString())));
        ok(post(API + "/concerns/" + alert + "/decide-more-time", "demo-cpc", Map.of("version", version(alert, "demo-cpc"),
                "granted", "false", "reasons", PAYLOADS.get(9))));

        String dispute = json.readTree(get(API + "/children/DEMO-003-S1/concerns", "demo-iro")).get(0).get("id")
                .asText();
        ok(post(API + "/concerns/" + dispute + "/record-family-update", "demo-iro", Map.of("version",
                version(dispute), "sentTo", PAYLOADS.get(10), "channel", PAYLOADS.get(11), "text", PAYLOADS.get(12))));

        WebDriver driver = chromium.driver();
        for (String[] view : List.of(
                new String[] {"demo-cpc", "/host/children/DEMO-004-S2?tab=dispute-resolution&concern=" + alert},
                new String[] {"demo-team-manager", "/host/children/DEMO-004-S2?tab=dispute-resolution"},
                new String[] {"demo-iro", "/host/children/DEMO-003-S1?tab=dispute-resolution&concern=" + dispute},
                new String[] {"demo-iro-manager", "/host/children/DEMO-004-S2?tab=dispute-resolution&view=subject-access"},
                new String[] {"demo-iro-manager", "/host/children/DEMO-003-S1?tab=dispute-resolution&view=subject-access"})) {
            signIn(view[0]);
            driver.get(demo.url(view[1]));
            assertTrue(view[1] + ": the stored text is on the page", driver.findElement(By.tagName("main"))
                    .getText().contains("window.starredXss="));
            assertEquals(view[1] + ": no payload ran", null, ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return window.starredXss === undefined ? null : window.starredXss;"));
            assertEquals(view[1] + ": no element came from the text", 0L, ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return document.querySelectorAll('main script, main img[src=\"x\"], main svg[onload],"
                            + " main iframe, main object, main video, main marquee, main [onerror], main [onload],"
                            + " main details[ontoggle], main input[onfocus]').length;"));
            driver.manage().deleteAllCookies();
        }
        signIn("demo-iro");
        driver.get(demo.url("/host/children/DEMO-003-S1?tab=dispute-resolution&concern=" + dispute));
        String shown = driver.findElement(By.tagName("main")).getText();
        for (String payload : PAYLOADS.subList(10, 13)) {
            assertTrue("shown as typed: " + payload, shown.contains(payload));
        }
        driver.manage().deleteAllCookies();
        assertNothingWrittenInTheLog();
    }

    /** Every free-text field above carries a payload: none of it, and no child's id, may reach the server's log. */
    private static void assertNothingWrittenInTheLog() throws Exception {
        assertEquals("nothing anyone wrote, and no child's id, in the log", List.of(), LogLines.holding(
                new String(java.nio.file.Files.readAllBytes(demo.karafLog()), StandardCharsets.UTF_8).lines().toList(),
                "starredXss", "HYPERLINK",
                "DEMO-0"));
    }

    /** Rows of RFC 4180 text: quoted cells may hold commas, quotes and line breaks. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        return rows;
    }

    private void signIn(String user) {
        WebDriver driver = chromium.driver();
        driver.get(demo.url("/host/login"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/host/children"));
    }

    private long version(String concern) throws Exception {
        return version(concern, "demo-iro");
    }

    private long version(String concern, String user) throws Exception {
        return json.readTree(get(API + "/concerns/" + concern, user)).get("version").asLong();
    }

    private static String created(HttpResponse<String> answer) {
        assertEquals(answer.body(), 201, answer.statusCode());
        return answer.body().replaceFirst("(?s)^\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }

    private static void ok(HttpResponse<String> answer) {
        assertTrue(answer.statusCode() + " " + answer.body(), answer.statusCode() == 200 || answer.statusCode() == 201);
    }

    private HttpResponse<String> post(String path, String user, Map<String, Object> body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(demo.url(path))).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String get(String path, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(demo.url(path))).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
