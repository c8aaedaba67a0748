package uk.starred.operations;

import java.util.List;
import java.util.Locale;

import uk.starred.api.operations.CommandTiming;
import uk.starred.api.operations.ServiceStatus;
import uk.starred.api.operations.StageCount;
import uk.starred.api.outbox.OutboxBacklog;

/**
 * Starred's state in Prometheus's text exposition format (version 0.0.4): each family with its HELP and TYPE,
 * label values escaped. A figure that cannot be read (the database out of reach) is left out, so that its
 * absence, not a made-up zero, is what an alert sees; {@code starred_database_up} says why.
 */
public final class PrometheusText {

    /** The content type Prometheus asks for. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder(4096);

    private PrometheusText() {
    }

    /**
     * @param open the open concerns by stage, or {@code null} when they could not be counted
     */
    public static String of(ServiceStatus s, List<StageCount> open, List<CommandTiming> timings) {
        PrometheusText t = new PrometheusText();
        t.gauge("starred_database_up", "Whether Starred's database answered (1) or not (0)", s.databaseUp() ? 1 : 0);
        if (s.databaseAnswer() != null) {
            t.gauge("starred_database_answer_seconds", "How long Starred's database took to answer",
                    s.databaseAnswer().toNanos() / 1e9);
        }
        t.gauge("starred_schema_migrated", "Whether the schema is at this release's version (1) or not (0)",
                s.schemaExpected().equals(s.schemaVersion()) ? 1 : 0);
        if (s.sweepLag() != null) {
            t.gauge("starred_deadline_sweep_lag_seconds", "How long the oldest due moment not yet fired has been due",
                    s.sweepLag().toMillis() / 1e3);
            t.gauge("starred_due_moments_due", "Due moments fallen due and not fired yet", s.dueNotFired());
            t.gauge("starred_due_moments_stuck", "Due moments that failed to fire and wait to be tried again",
                    s.stuckDueMoments());
        }
        OutboxBacklog b = s.outbox();
        if (b != null) {
            t.gauge("starred_outbox_undelivered", "Notices, case notes and events not yet delivered, dead letters"
                    + " among them", b.undelivered());
            t.gauge("starred_outbox_dead_letters", "Messages given up after their attempts ran out", b.deadLetters());
            t.gauge("starred_outbox_oldest_age_seconds", "How long the oldest message still being tried has waited",
                    b.oldestUndeliveredAge().toMillis() / 1e3);
        }
        t.gauge("starred_procedures_refused", "Procedures offered and refused", s.refusedProcedures().size());
        if (open != null) {
            t.family("starred_concerns_open", "Open concerns by procedure and current stage ('' for none)", "gauge");
            open.forEach(c -> t.sample("starred_concerns_open", labels("procedure", c.procedure(), "stage", c.stage()),
                    c.open()));
            t.family("starred_concerns_overdue", "Open concerns past their current stage's due moment", "gauge");
            open.forEach(c -> t.sample("starred_concerns_overdue", labels("procedure", c.procedure(), "stage",
                    c.stage()), c.overdue()));
        }
        t.commands(timings);
        return t.out.toString();
    }

    private void commands(List<CommandTiming> timings) {
        String name = "starred_command_duration_seconds";
        family(name, "How long commands took on this node, by command", "histogram");
        for (CommandTiming c : timings) {
            for (int i = 0; i < c.bucketBounds().size(); i++) {
                sample(name + "_bucket", labels("command", c.command(), "le", number(c.bucketBounds().get(i))),
                        c.bucketCounts().get(i));
            }
            sample(name + "_bucket", labels("command", c.command(), "le", "+Inf"), c.count());
            sample(name + "_sum", labels("command", c.command()), c.sumSeconds());
            sample(name + "_count", labels("command", c.command()), c.count());
        }
        family("starred_commands_refused_total", "Commands refused (not permitted, invalid, changed meanwhile)",
                "counter");
        timings.forEach(c -> sample("starred_commands_refused_total", labels("command", c.command()), c.refused()));
        family("starred_commands_failed_total", "Commands that failed (the database out of reach, a fault)", "counter");
        timings.forEach(c -> sample("starred_commands_failed_total", labels("command", c.command()), c.failed()));
    }

    private void gauge(String name, String help, double value) {
        family(name, help, "gauge");
        sample(name, "", value);
    }

    private void family(String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(String name, String labels, double value) {
        out.append(name).append(labels).append(' ').append(number(value)).append('\n');
    }

    private static String labels(String... nameValue) {
        StringBuilder l = new StringBuilder("{");
        for (int i = 0; i < nameValue.length; i += 2) {
            l.append(i == 0 ? "" : ",").append(nameValue[i]).append("=\"").append(nameValue[i + 1].replace("\\", "\\\\")
                    .replace("\"", "\\\"").replace("\n", "\\n")).append('"');
        }
        return l.append('}').toString();
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%s", value);
    }
}
