package uk.starred.operations;

import java.time.Duration;
import java.util.List;

import uk.starred.api.operations.ServiceStatus;
import uk.starred.api.outbox.OutboxBacklog;

/**
 * What each health check makes of Starred's state: the one place the grading lives, apart from the checks'
 * registration. A state that cannot be read (the database out of reach) is failing for the checks that need it.
 */
public final class HealthRules {

    /** The delays that grade the sweep and the outbox. */
    public record Thresholds(Duration sweepWarn, Duration sweepCritical, Duration outboxWarn,
            Duration outboxCritical) {

        static Thresholds of(HealthSettings s) {
            return new Thresholds(Duration.ofSeconds(s.sweepLagWarnSeconds()),
                    Duration.ofSeconds(s.sweepLagCriticalSeconds()), Duration.ofSeconds(s.outboxAgeWarnSeconds()),
                    Duration.ofSeconds(s.outboxAgeCriticalSeconds()));
        }
    }

    static final String ENGINE_DOWN = "Starred's engine is not running (bundle uk.starred.impl): bundle:diag"
            + " uk.starred.impl says what it waits for";

    private HealthRules() {
    }

    public static List<Finding> database(ServiceStatus s) {
        if (!s.databaseUp()) {
            return List.of(Finding.critical("Starred's database does not answer: " + s.databaseProblem()));
        }
        return List.of(Finding.ok("Starred's database answered in " + s.databaseAnswer().toMillis() + " ms"));
    }

    public static List<Finding> schema(ServiceStatus s) {
        if (s.schemaVersion() == null) {
            return List.of(Finding.critical(s.databaseUp()
                    ? "Starred's schema is not migrated to version " + s.schemaExpected()
                            + ": the migration failed or is running (karaf.log has why)"
                    : "Starred's schema cannot be checked: the database does not answer"));
        }
        if (!s.schemaVersion().equals(s.schemaExpected())) {
            return List.of(Finding.warn("Starred's schema is at version " + s.schemaVersion() + ", this release's is "
                    + s.schemaExpected() + ": a newer release migrated this database"));
        }
        return List.of(Finding.ok("Starred's schema is at version " + s.schemaVersion()));
    }

    public static List<Finding> sweep(ServiceStatus s, Thresholds t) {
        if (s.sweepLag() == null) {
            return List.of(Finding.critical("The deadline sweep cannot be checked: "
                    + (s.databaseUp() ? "the schema is not migrated" : "the database does not answer")));
        }
        Duration lag = s.sweepLag();
        String behind = s.dueNotFired() + " due moment(s) not fired yet, the oldest due " + lag.toSeconds() + " s ago";
        Finding lagging = lag.compareTo(t.sweepCritical()) > 0 ? Finding.critical("The deadline sweep is behind: " + behind)
                : lag.compareTo(t.sweepWarn()) > 0 ? Finding.warn("The deadline sweep is behind: " + behind)
                : Finding.ok(s.dueNotFired() == 0 ? "Every due moment has fired" : behind);
        if (s.stuckDueMoments() > 0) {
            return List.of(lagging, Finding.warn(s.stuckDueMoments()
                    + " due moment(s) failed to fire and wait to be tried again: starred:deadlines --stuck"));
        }
        return List.of(lagging);
    }

    public static List<Finding> outbox(ServiceStatus s, Thresholds t) {
        OutboxBacklog b = s.outbox();
        if (b == null) {
            return List.of(Finding.critical("The delivery of notices cannot be checked: "
                    + (s.databaseUp() ? "the outbox relay is not running" : "the database does not answer")));
        }
        Duration age = b.oldestUndeliveredAge();
        long waiting = b.undelivered() - b.deadLetters();
        String state = waiting + " notice(s) and note(s) waiting, the oldest written " + age.toSeconds() + " s ago";
        Finding backlog = age.compareTo(t.outboxCritical()) > 0 ? Finding.critical("Notices are not going out: " + state)
                : age.compareTo(t.outboxWarn()) > 0 ? Finding.warn("Notices are late: " + state)
                : Finding.ok(b.undelivered() == 0 ? "Everything has been delivered" : state);
        if (b.deadLetters() > 0) {
            return List.of(backlog, Finding.warn(b.deadLetters()
                    + " dead letter(s), given up after their attempts ran out: starred:outbox --dead"));
        }
        return List.of(backlog);
    }

    public static List<Finding> procedures(ServiceStatus s) {
        if (s.refusedProcedures().isEmpty()) {
            return List.of(Finding.ok("No procedure was refused"));
        }
        return List.of(Finding.warn(s.refusedProcedures().size() + " procedure(s) refused: "
                + String.join(", ", s.refusedProcedures()) + " (starred:procedure-list has each problem)"));
    }
}
