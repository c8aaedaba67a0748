package uk.starred.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the results a run wrote and prints the table: each figure beside its peer, the ratio and
 * the target, and whether the target is met; with the machine it ran on. Writes the same table to
 * {@code summary.md} beside the results.
 */
public final class Summary {

    /** One line of the table. */
    record Line(String measure, String ours, String peer, String theirs, double ratio, String target, boolean met) {
    }

    private Summary() {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args.length > 0 ? args[0] : "target/results");
        List<Line> lines = new ArrayList<>();
        Path calendar = results.resolve("calendar-jmh.json");
        if (Files.exists(calendar)) {
            Map<String, Double> ops = jmh(calendar);
            lines.add(line("Calendar: add working days (ops/s, one core)", ops.get("addStarred"), "ObjectLab Kit 1.4.8",
                    ops.get("addObjectLab"), 40, "at least 20 million/s and 40x ObjectLab",
                    ops.get("addStarred") >= 20_000_000));
            lines.add(line("Calendar: add working days (ops/s, one core)", ops.get("addStarred"), "naive day-by-day loop",
                    ops.get("addNaiveLoop"), 1, "faster than the loop", true));
            lines.add(line("Calendar: working days between (ops/s, one core)", ops.get("betweenStarred"),
                    "ObjectLab Kit 1.4.8 (its working-day test, day by day)", ops.get("betweenObjectLab"), 40,
                    "40x ObjectLab", true));
            lines.add(line("Calendar: working days between (ops/s, one core)", ops.get("betweenStarred"),
                    "naive day-by-day loop", ops.get("betweenNaiveLoop"), 1, "faster than the loop", true));
        }
        for (String database : List.of("h2", "postgresql")) {
            for (int threads : List.of(1, 2)) {
                JsonNode ours = json(results.resolve("lifecycle-starred-" + database + "-" + threads + ".json"));
                JsonNode theirs = json(results.resolve("lifecycle-flowable-" + database + "-" + threads + ".json"));
                if (ours == null || theirs == null) {
                    continue;
                }
                double target = database.equals("h2") ? 10 : 5;
                double o = ours.get("lifecyclesPerSecond").asDouble();
                double t = theirs.get("lifecyclesPerSecond").asDouble();
                String db = database.equals("h2") ? "H2" : "PostgreSQL";
                lines.add(new Line("Lifecycle on " + db + ", " + threads + (threads == 1 ? " thread" : " threads")
                        + " (concerns a second: raised, 3 escalations, resolved)", number(o), "Flowable 7.1.0, same BPMN",
                        number(t), o / t, "at least " + (int) target + "x Flowable", o / t >= target));
                // on H2 in memory the database's rows are on the heap too: compare heap where the data is not
                if (threads == 1 && database.equals("postgresql")) {
                    double oh = ours.get("heapMB").asDouble();
                    double th = theirs.get("heapMB").asDouble();
                    lines.add(new Line("Lifecycle on " + db + ": heap kept after a full GC (MB)", number(oh),
                            "Flowable 7.1.0", number(th), th / oh, "less heap than Flowable", oh < th));
                }
                // what the database did for each lifecycle, from its own statistics of each system's tables
                if (threads == 1 && ours.has("perLifecycle") && theirs.has("perLifecycle")) {
                    JsonNode ow = ours.get("perLifecycle");
                    JsonNode tw = theirs.get("perLifecycle");
                    double oRows = ow.get("inserted").asDouble() + ow.get("updated").asDouble() + ow.get("deleted").asDouble();
                    double tRows = tw.get("inserted").asDouble() + tw.get("updated").asDouble() + tw.get("deleted").asDouble();
                    lines.add(new Line("Lifecycle on " + db + ": rows written a lifecycle (inserted, updated, deleted)",
                            number(oRows), "Flowable 7.1.0", number(tRows), oRows / tRows, "- (the work each does, for the ratio above)", true));
                    lines.add(new Line("Lifecycle on " + db + ": index and table scans a lifecycle",
                            number(ow.get("scans").asDouble()), "Flowable 7.1.0", number(tw.get("scans").asDouble()),
                            ow.get("scans").asDouble() / tw.get("scans").asDouble(), "- (the work each does, for the ratio above)",
                            true));
                }
                Path pgbench = results.resolve("pgbench-" + threads + ".txt");
                if (database.equals("postgresql") && Files.exists(pgbench)) {
                    double tps = pgbench(pgbench, "tps = ");
                    double ourTps = o * 5;
                    lines.add(new Line("Lifecycle on PostgreSQL, " + threads + (threads == 1 ? " thread" : " threads")
                            + ": transactions a second (5 a lifecycle)", number(ourTps), "pgbench, one insert a transaction, "
                            + threads + (threads == 1 ? " client" : " clients"), number(tps), ourTps / tps,
                            "within 2x of the database (ratio at least 0.5x)", ourTps * 2 >= tps));
                }
            }
        }
        // the floor under every statement a command sends: one round trip to the database, doing nothing
        Path roundTrip = results.resolve("pgbench-round-trip.txt");
        if (Files.exists(roundTrip)) {
            lines.add(new Line("PostgreSQL on this machine: one round trip (ms), the least any statement waits", "-",
                    "pgbench, SELECT 1, prepared, 1 client", String.format(Locale.UK, "%.3f",
                    pgbench(roundTrip, "latency average = ")), 0, "-", true));
        }
        for (String open : List.of("1000000", "10000")) {
            JsonNode ours = json(results.resolve("sweep-starred-" + open + ".json"));
            JsonNode theirs = json(results.resolve("sweep-db-scheduler-" + open + ".json"));
            if (ours == null || theirs == null) {
                continue;
            }
            double o = ours.get("seconds").asDouble();
            double t = theirs.get("seconds").asDouble();
            String among = open.equals("10000") ? "10,000" : "1,000,000";
            lines.add(new Line("Sweep on PostgreSQL, two nodes: seconds to fire 10,000 due among " + among
                    + " open (Starred doing its real work for each)", seconds(o),
                    "db-scheduler 16.7.1, lock-and-fetch, recording each", seconds(t), t / o,
                    "at least as fast as db-scheduler (ratio at least 1x)", o <= t));
            long wrong = ours.get("duplicates").asLong() + ours.get("misses").asLong();
            lines.add(new Line("Sweep among " + among + " open: duplicates and misses", ours.get("duplicates").asLong()
                    + " and " + ours.get("misses").asLong(), "db-scheduler 16.7.1", theirs.get("duplicates").asLong()
                    + " and " + theirs.get("misses").asLong(), 0, "none", wrong == 0));
        }
        JsonNode large = json(results.resolve("sweep-starred-1000000.json"));
        JsonNode small = json(results.resolve("sweep-starred-10000.json"));
        if (large != null && small != null) {
            double l = large.get("seconds").asDouble();
            double m = small.get("seconds").asDouble();
            lines.add(new Line("Sweep: Starred among 1,000,000 open against among 10,000 (seconds)",
                    seconds(l), "Starred among 10,000", seconds(m),
                    l / m, "within 1.2x", l <= 1.2 * m));
        }
        outbox(results, lines);
        JsonNode screens = json(results.resolve("screens.json"));
        if (screens != null) {
            String users = screens.get("users").asText();
            for (String[] screen : List.of(new String[] {"child", "The child's case screen with the Dispute resolution tab"},
                    new String[] {"oversight", "The oversight screen"})) {
                JsonNode ours = screens.get(screen[0] + "Screen");
                JsonNode theirs = screens.get(screen[0] + "Static");
                double o = ours.get("p99Ms").asDouble();
                double t = theirs.get("p99Ms").asDouble();
                lines.add(new Line(screen[1] + ", " + users + " people, " + screens.get("concernsStored").asLong()
                        + " concerns: p99 ms (p50 " + number(ours.get("p50Ms").asDouble()) + ", "
                        + number(ours.get("perSecond").asDouble()) + " pages/s)", number(o),
                        "static page of the same size, same Pax Web (p50 " + number(theirs.get("p50Ms").asDouble())
                        + ", " + number(theirs.get("perSecond").asDouble()) + " pages/s)", number(t), o / t,
                        "p99 within 3x of the static page", o <= 3 * t));
            }
            JsonNode year = screens.get("yearFigures");
            double median = year.get("medianMs").asDouble();
            lines.add(new Line("Oversight figures for the financial year from " + year.get("from").asText() + " ("
                    + year.get("raised").asText() + " concerns raised), ms, median of 25 through the REST API",
                    number(median), "-", "-", 0, "under 100 ms", median < 100));
        }
        JsonNode footprint = json(results.resolve("footprint.json"));
        if (footprint != null) {
            double deps = footprint.get("dependencyHeapMB").asDouble();
            double starredHeap = footprint.get("starredHeapMB").asDouble() - deps;
            double demoHeap = footprint.get("demoHeapMB").asDouble() - deps;
            lines.add(new Line("Footprint: heap added by feature:install starred (MB, after a full GC)",
                    number(starredHeap), "Karaf 4.4.9 with only the features Starred depends on",
                    number(deps), starredHeap / deps, "at most 32 MB more", starredHeap <= 32));
            lines.add(new Line("Footprint: heap added by starred-demo (engine running, reference host, demo data)",
                    number(demoHeap), "the same", number(deps), demoHeap / deps, "at most 32 MB more", demoHeap <= 32));
            double install = footprint.get("starredInstallSeconds").asDouble();
            lines.add(new Line("Footprint: feature:install starred (s)", number(install), "-", "-", 0,
                    "under 5 s", install < 5));
            int added = footprint.get("starredBundles").asInt() - footprint.get("dependencyBundles").asInt();
            lines.add(new Line("Footprint: bundles added by starred (beside its " + (footprint.get("dependencyBundles")
                    .asInt() - footprint.get("plainBundles").asInt()) + " dependency bundles)", Integer.toString(added),
                    "-", "-", 0, "-", true));
            lines.add(new Line("Footprint: demo distribution, cold start to the first tab drawn (s)",
                    number(footprint.get("coldStartToFirstTabSeconds").asDouble()), "-", "-", 0, "-", true));
        }
        Path agreement = results.resolve("calendar-agreement.json");
        StringBuilder out = new StringBuilder();
        out.append("Machine: ").append(Machine.describe()).append("\n\n");
        out.append("| measure | Starred | peer | peer's figure | ratio | target | met |\n|---|---:|---|---:|---:|---|---|\n");
        for (Line l : lines) {
            out.append("| ").append(l.measure()).append(" | ").append(l.ours()).append(" | ").append(l.peer())
                    .append(" | ").append(l.theirs()).append(" | ")
                    .append(l.ratio() == 0 ? "-" : String.format(Locale.UK, l.ratio() < 0.095 ? "%.2fx" : "%.1fx", l.ratio()))
                    .append(" | ").append(l.target()).append(" | ").append(l.target().startsWith("-") ? "-" : l.met() ? "yes" : "**no**").append(" |\n");
        }
        if (Files.exists(agreement)) {
            JsonNode a = new ObjectMapper().readTree(agreement.toFile());
            out.append("\nAnswers: ").append(a.get("checked").asLong()).append(" additions and counts checked against")
                    .append(" the naive loop, ").append(a.get("starredDisagreements").asLong())
                    .append(" disagreements. Past the holiday list: Starred ")
                    .append(a.get("starredPastTheHolidayList").asText()).append("; ObjectLab ")
                    .append(a.get("objectLabPastItsHolidayCalendar").asText()).append(".\n");
        }
        Files.writeString(results.resolve("summary.md"), out);
        System.out.print(out);
    }

    /** Notices on time: after the sweep, and under steady load, on each database; db-scheduler beside. */
    private static void outbox(Path results, List<Line> lines) throws IOException {
        JsonNode peerSweep = json(results.resolve("outbox-db-scheduler-postgresql-sweep.json"));
        JsonNode peerSteady = json(results.resolve("outbox-db-scheduler-postgresql-steady.json"));
        for (String database : List.of("h2", "postgresql")) {
            String name = database.equals("h2") ? "H2" : "PostgreSQL";
            JsonNode sweep = json(results.resolve("outbox-starred-" + database + "-sweep.json"));
            if (sweep != null) {
                double o = sweep.get("lastDeliveredSecondsAfter").asDouble();
                boolean hasPeer = peerSweep != null && database.equals("postgresql");
                double t = hasPeer ? peerSweep.get("lastDeliveredSecondsAfter").asDouble() : Double.NaN;
                lines.add(new Line("Notices on " + name + ": seconds from the last commit of a sweep of "
                        + sweep.get("due").asLong() + " due moments (" + seconds(sweep.get("workSeconds").asDouble())
                        + " s) to the last of its " + sweep.get("messages").asLong() + " notices delivered; "
                        + sweep.get("duplicates").asLong() + " twice, " + sweep.get("lost").asLong() + " left",
                        seconds(o), hasPeer ? "db-scheduler 16.7.1, the same deliveries as one-off tasks, immediate"
                                + " execution" : "-", hasPeer ? seconds(t) : "-", hasPeer ? t / Math.max(o, 0.001) : 0,
                        "all within 10 s of the sweep", o <= 10 && sweep.get("lost").asLong() == 0));
            }
            JsonNode steady = json(results.resolve("outbox-starred-" + database + "-steady.json"));
            if (steady != null) {
                double o = steady.get("p99Ms").asDouble();
                boolean hasPeer = peerSteady != null && database.equals("postgresql");
                double t = hasPeer ? peerSteady.get("p99Ms").asDouble() : Double.NaN;
                lines.add(new Line("Notices on " + name + " at 100 commands a second for a minute: p99 ms from"
                        + " commit to delivery (p50 " + number(steady.get("p50Ms").asDouble()) + ", max "
                        + number(steady.get("maxMs").asDouble()) + ", " + steady.get("messages").asLong()
                        + " notifications)", number(o), hasPeer ? "db-scheduler 16.7.1, each command's notices"
                                + " scheduled in its transaction, immediate execution" : "-",
                        hasPeer ? number(t) : "-", hasPeer ? t / Math.max(o, 0.001) : 0, "under 1,000 ms",
                        o < 1000));
            }
        }
    }

    private static JsonNode json(Path file) throws IOException {
        return Files.exists(file) ? new ObjectMapper().readTree(file.toFile()) : null;
    }

    /** A figure pgbench printed after the label that starts its line. */
    private static double pgbench(Path file, String label) throws IOException {
        for (String l : Files.readAllLines(file)) {
            if (l.startsWith(label)) {
                return Double.parseDouble(l.substring(label.length()).split(" ")[0]);
            }
        }
        return Double.NaN;
    }

    private static String seconds(double value) {
        return String.format(Locale.UK, "%.2f", value);
    }

    private static String number(double value) {
        return String.format(Locale.UK, "%.1f", value);
    }

    private static Line line(String measure, double ours, String peer, double theirs, double targetRatio,
            String target, boolean absoluteMet) {
        double ratio = ours / theirs;
        return new Line(measure, millions(ours), peer, millions(theirs), ratio, target,
                absoluteMet && ratio >= targetRatio);
    }

    private static String millions(double opsPerSecond) {
        return String.format(Locale.UK, "%.2f M", opsPerSecond / 1_000_000);
    }

    /** @return the score of each benchmark method, by its short name */
    static Map<String, Double> jmh(Path file) throws IOException {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (JsonNode run : new ObjectMapper().readTree(file.toFile())) {
            String name = run.get("benchmark").asText();
            scores.put(name.substring(name.lastIndexOf('.') + 1), run.at("/primaryMetric/score").asDouble());
        }
        return scores;
    }
}
