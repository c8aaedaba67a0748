package uk.starred.operations;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.Test;

import uk.starred.api.operations.CommandTiming;
import uk.starred.api.operations.ServiceStatus;
import uk.starred.api.operations.StageCount;
import uk.starred.api.outbox.OutboxBacklog;

/** How Starred's state is graded for health checks and written for Prometheus. */
public class HealthAndMetricsTest {

    private static final Instant AT = Instant.parse("2026-11-16T10:00:00Z");
    private static final HealthRules.Thresholds T = new HealthRules.Thresholds(Duration.ofMinutes(2),
            Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(30));

    private static ServiceStatus healthy() {
        return new ServiceStatus(AT, null, Duration.ofMillis(3), "24", "24", Duration.ZERO, 0, 0,
                new OutboxBacklog(0, 0, null, Duration.ZERO), List.of());
    }

    private static ServiceStatus down() {
        return new ServiceStatus(AT, "SQLTransientConnectionException", null, null, "24", null, -1, -1, null,
                List.of());
    }

    private static Finding.Level worst(List<Finding> findings) {
        return findings.stream().map(Finding::level).max(Enum::compareTo).orElseThrow();
    }

    @Test
    public void aHealthyStarredIsOkOnEveryCheck() {
        ServiceStatus s = healthy();
        for (List<Finding> f : List.of(HealthRules.database(s), HealthRules.schema(s), HealthRules.sweep(s, T),
                HealthRules.outbox(s, T), HealthRules.procedures(s))) {
            assertEquals(f.toString(), Finding.Level.OK, worst(f));
        }
    }

    @Test
    public void theDatabaseGoneFailsEveryCheckThatNeedsItSayingSo() {
        ServiceStatus s = down();
        assertEquals(Finding.Level.CRITICAL, worst(HealthRules.database(s)));
        assertTrue(HealthRules.database(s).get(0).text().contains("does not answer"));
        assertEquals(Finding.Level.CRITICAL, worst(HealthRules.schema(s)));
        assertEquals(Finding.Level.CRITICAL, worst(HealthRules.sweep(s, T)));
        assertEquals(Finding.Level.CRITICAL, worst(HealthRules.outbox(s, T)));
        assertEquals("a refused procedure is not the database's business", Finding.Level.OK,
                worst(HealthRules.procedures(s)));
    }

    @Test
    public void aSweepBehindWarnsThenFailsAndStuckMomentsWarn() {
        ServiceStatus s = healthy();
        assertEquals(Finding.Level.WARN, worst(HealthRules.sweep(with(s, Duration.ofMinutes(3), 0), T)));
        assertEquals(Finding.Level.CRITICAL, worst(HealthRules.sweep(with(s, Duration.ofMinutes(11), 0), T)));
        List<Finding> stuck = HealthRules.sweep(with(s, Duration.ZERO, 2), T);
        assertEquals(Finding.Level.WARN, worst(stuck));
        assertTrue(stuck.toString(), stuck.get(1).text().contains("starred:deadlines --stuck"));
    }

    private static ServiceStatus with(ServiceStatus s, Duration lag, long stuck) {
        return new ServiceStatus(s.at(), null, s.databaseAnswer(), s.schemaVersion(), s.schemaExpected(), lag, 5, stuck,
                s.outbox(), s.refusedProcedures());
    }

    @Test
    public void noticesLateWarnThenFailAndDeadLettersWarn() {
        ServiceStatus s = healthy();
        assertEquals(Finding.Level.WARN, worst(HealthRules.outbox(outbox(s, new OutboxBacklog(40, 0,
                AT.minusSeconds(360), Duration.ofSeconds(360))), T)));
        assertEquals(Finding.Level.CRITICAL, worst(HealthRules.outbox(outbox(s, new OutboxBacklog(40, 0,
                AT.minusSeconds(3600), Duration.ofSeconds(3600))), T)));
        List<Finding> dead = HealthRules.outbox(outbox(s, new OutboxBacklog(1, 1, null, Duration.ZERO)), T);
        assertEquals(Finding.Level.WARN, worst(dead));
        assertTrue(dead.toString(), dead.get(1).text().contains("starred:outbox --dead"));
    }

    private static ServiceStatus outbox(ServiceStatus s, OutboxBacklog b) {
        return new ServiceStatus(s.at(), null, s.databaseAnswer(), s.schemaVersion(), s.schemaExpected(), s.sweepLag(),
                0, 0, b, s.refusedProcedures());
    }

    @Test
    public void aSchemaNotMigratedFailsAndRefusedProceduresWarnByName() {
        ServiceStatus notMigrated = new ServiceStatus(AT, null, Duration.ofMillis(2), null, "24", null, -1, -1, null,
                List.of("council-alerts@2.0.0"));
        assertEquals(Finding.Level.CRITICAL, worst(HealthRules.schema(notMigrated)));
        List<Finding> refused = HealthRules.procedures(notMigrated);
        assertEquals(Finding.Level.WARN, worst(refused));
        assertTrue(refused.get(0).text().contains("council-alerts@2.0.0"));
    }

    /** A line of the text format: a comment, or a name, labels, a value. */
    private static final Pattern LINE = Pattern.compile("(# (HELP|TYPE) [a-z_]+ .+)|([a-z_]+(\\{[a-z]+=\"([^\"\\\\]|\\\\.)*\""
            + "(,[a-z]+=\"([^\"\\\\]|\\\\.)*\")*\\})? (-?[0-9.eE+-]+|\\+Inf|NaN))");

    @Test
    public void theMetricsAreWellFormedPrometheusTextWithEveryFigure() {
        CommandTiming raise = new CommandTiming("raise", List.of(0.001, 0.01, 0.1), List.of(1L, 3L, 4L), 5, 0.75, 1, 0);
        String text = PrometheusText.of(healthy(), List.of(new StageCount("seed-004-alert-process", "ratification",
                7, 2), new StageCount("seed-\"odd\"", "", 1, 0)), List.of(raise));
        for (String line : text.split("\n")) {
            assertTrue("not Prometheus's text format: " + line, LINE.matcher(line).matches());
        }
        assertTrue(text, text.contains("starred_database_up 1\n"));
        assertTrue(text, text.contains("starred_outbox_oldest_age_seconds 0\n"));
        assertTrue(text, text.contains("starred_concerns_open{procedure=\"seed-004-alert-process\",stage=\"ratification\"} 7\n"));
        assertTrue(text, text.contains("starred_concerns_overdue{procedure=\"seed-004-alert-process\",stage=\"ratification\"} 2\n"));
        assertTrue("a label value's quotes escaped: " + text, text.contains("procedure=\"seed-\\\"odd\\\"\""));
        assertTrue(text, text.contains("starred_command_duration_seconds_bucket{command=\"raise\",le=\"0.01\"} 3\n"));
        assertTrue(text, text.contains("starred_command_duration_seconds_bucket{command=\"raise\",le=\"+Inf\"} 5\n"));
        assertTrue(text, text.contains("starred_command_duration_seconds_sum{command=\"raise\"} 0.75\n"));
        assertTrue(text, text.contains("starred_commands_refused_total{command=\"raise\"} 1\n"));
        assertTrue(text, text.contains("# TYPE starred_command_duration_seconds histogram\n"));
    }

    @Test
    public void whatCannotBeReadIsLeftOutNotMadeZero() {
        String text = PrometheusText.of(down(), null, List.of());
        assertTrue(text, text.contains("starred_database_up 0\n"));
        assertTrue(text, text.contains("starred_schema_migrated 0\n"));
        assertFalse(text, text.contains("starred_outbox_undelivered"));
        assertFalse(text, text.contains("starred_deadline_sweep_lag_seconds"));
        assertFalse(text, text.contains("starred_concerns_open"));
    }
}
