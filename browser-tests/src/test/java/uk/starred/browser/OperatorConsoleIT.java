package uk.starred.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.ClassRule;
import org.junit.Test;

/**
 * The demo distribution as operators use it: its console as a council's build does ({@code bin/client -b}
 * checking a descriptor before it is deployed, every problem printed and a refused file failing the run), and
 * its health checks and metrics as monitoring reads them. (No browser: this class needs only the distribution.)
 */
public class OperatorConsoleIT {

    @ClassRule
    public static final DemoDistribution demo = new DemoDistribution();

    private static final Path SEED_004 = Path.of("..", "procedures", "seed-004-alert-process", "src", "main",
            "resources", "OSGI-INF", "starred", "seed-004-alert-process.yaml");

    @Test
    public void aSoundDescriptorPassesAndARefusedOneFailsTheBatchRunListingEveryProblem() throws Exception {
        String seed = Files.readString(SEED_004, StandardCharsets.UTF_8);
        Path sound = demo.home().resolve("council-alerts.yaml");
        Files.writeString(sound, seed.replace("id: seed-004-alert-process", "id: council-alerts"));
        DemoDistribution.ConsoleRun passed = demo.console("starred:procedure-validate " + sound);
        assertEquals(passed.output(), 0, passed.exitStatus());
        assertTrue(passed.output(), passed.output().contains("council-alerts.yaml is a sound procedure:"
                + " council-alerts@2.1.0 (format 2), 4 stages, 14 reasons"));

        Path broken = demo.home().resolve("broken-alerts.yaml");
        Files.writeString(broken, seed.replace("timescale: 72 working hours", "timescale: 72 workng hours")
                .replace("responders: [TEAM_MANAGER]\n    # \"to be resolved", "responders: [TEAM_MANGER]\n    # \"to be resolved"));
        DemoDistribution.ConsoleRun refused = demo.console("starred:procedure-validate " + broken);
        assertNotEquals("a refused descriptor fails the run: " + refused.output(), 0, refused.exitStatus());
        assertTrue(refused.output(), refused.output().contains("broken-alerts.yaml would be refused, 2 problem(s):"));
        assertTrue(refused.output(), refused.output().contains("'72 workng hours' is not a timescale"));
        assertTrue(refused.output(), refused.output().contains("role 'TEAM_MANGER' is not one of the procedure's roles"));

        DemoDistribution.ConsoleRun missing = demo.console("starred:procedure-validate " + demo.home()
                .resolve("no-such.yaml"));
        assertNotEquals(missing.output(), 0, missing.exitStatus());
        assertTrue(missing.output(), missing.output().contains("No descriptor file"));
    }

    @Test
    public void theOperatorChecksTheRecordsOfOneChildOrOfEverythingForTampering() throws Exception {
        DemoDistribution.ConsoleRun child = demo.console("starred:audit-verify DEMO-002-S1");
        assertEquals(child.output(), 0, child.exitStatus());
        assertTrue(child.output(), child.output().contains("Checked 1 concern(s) and 1 review timetable(s)"));
        assertTrue(child.output(), child.output().contains("All intact."));
        DemoDistribution.ConsoleRun all = demo.console("starred:audit-verify");
        assertEquals(all.output(), 0, all.exitStatus());
        assertTrue(all.output(), all.output().contains("All intact."));
    }

    @Test
    public void theOperatorExportsAChildsRecordsReadsTheAccessLogAndAppliesTheRetention() throws Exception {
        DemoDistribution.ConsoleRun export = demo.console("starred:subject-access DEMO-000-S1");
        assertEquals(export.output(), 0, export.exitStatus());
        assertTrue(export.output(), export.output().contains("\"childId\":\"DEMO-000-S1\""));
        assertTrue(export.output(), export.output().contains("\"auditTrail\":[{"));

        new DemoClient(demo).get(DemoClient.API + "/children/DEMO-000-S1/concerns", "demo-iro");
        DemoDistribution.ConsoleRun log = demo.console("starred:access-log DEMO-000-S1");
        assertEquals(log.output(), 0, log.exitStatus());
        assertTrue(log.output(), log.output().contains("demo-iro"));
        assertTrue(log.output(), log.output().contains("CONCERNS"));

        DemoDistribution.ConsoleRun purge = demo.console("starred:purge --dry-run");
        assertEquals(purge.output(), 0, purge.exitStatus());
        assertTrue(purge.output(), purge.output().contains("No retention is configured"));
    }

    @Test
    public void monitoringReadsTheHealthChecksAndThePrometheusMetrics() throws Exception {
        java.net.http.HttpResponse<String> health = demo.http("/system/health");
        assertEquals(health.body(), 200, health.statusCode());
        for (String check : new String[] {"Starred database", "Starred schema", "Starred deadline sweep",
                "Starred notices", "Starred procedures"}) {
            assertTrue(check + " in " + health.body(), health.body().contains("\"" + check + "\""));
        }
        assertTrue(health.body(), health.body().contains("\"overallResult\":\"OK\""));

        DemoClient.Answer raised = new DemoClient(demo).raise("DEMO-000-S3", "metrics");
        assertEquals(raised.body(), 201, raised.status());
        java.net.http.HttpResponse<String> metrics = demo.http("/starred/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse(""),
                metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        String text = metrics.body();
        assertTrue(text, text.contains("starred_database_up 1\n"));
        assertTrue(text, text.contains("starred_schema_migrated 1\n"));
        assertTrue("the demo's open concerns by stage: " + text,
                text.contains("starred_concerns_open{procedure=\"seed-000-starred-decisions\""));
        assertTrue(text, text.contains("starred_command_duration_seconds_count{command=\"raise\"}"));
        assertTrue(text, text.contains("starred_outbox_oldest_age_seconds "));
        assertTrue(text, text.contains("starred_deadline_sweep_lag_seconds "));
        assertTrue("no child's id in the figures: " + text, !text.contains("DEMO-000"));
    }
}
