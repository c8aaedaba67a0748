package uk.starred.benchmarks.footprint;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import uk.starred.benchmarks.DemoSignIn;

/**
 * What Starred costs a running Karaf: the time {@code feature:install starred} takes, the bundles it
 * adds and the heap kept after a full collection, against the same Karaf with only the features
 * Starred depends on; and the demo distribution's cold start, from its process starting to the
 * first case screen drawn with the "Dispute resolution" tab.
 *
 * <pre>FootprintRun karafArchive distributionArchive startedVersion resultsFolder</pre>
 */
public final class FootprintRun {

    /** The features {@code starred} brings from Karaf's own repositories and its own two libraries. */
    static final String DEPENDENCIES = "scr http-whiteboard transaction jndi pax-jdbc-config pax-jdbc-h2"
            + " pax-jdbc-pool-dbcp2 'jpa/[2.7,3)' 'hibernate/[5.6,6)' starred-jackson starred-flyway";

    private FootprintRun() {
    }

    public static void main(String[] args) throws Exception {
        Path karafArchive = Path.of(args[0]);
        Path distribution = Path.of(args[1]);
        String version = args[2];
        Path results = Path.of(args[3]);
        Path work = Files.createTempDirectory(results.toAbsolutePath(), "karaf-");

        StringBuilder json = new StringBuilder("{");
        Map<String, Path> logs = new LinkedHashMap<>();
        try {
            try (KarafProcess karaf = new KarafProcess(karafArchive, work.resolve("plain"))) {
                logs.put("plain", karaf.home);
                karaf.start("-Xms256m -Xmx512m");
                int plainBundles = karaf.bundles();
                double plainHeap = karaf.heapAfterFullGc();
                karaf.shell("feature:repo-add mvn:uk.starred/starred-features/" + version + "/xml/features");
                karaf.shell("feature:install " + DEPENDENCIES);
                int dependencyBundles = karaf.bundles();
                double dependencyHeap = karaf.heapAfterFullGc();

                long shellStart = System.nanoTime();
                karaf.shell("bundle:id 0");
                double shellSeconds = (System.nanoTime() - shellStart) / 1e9;
                long installStart = System.nanoTime();
                karaf.shell("feature:install starred");
                double installSeconds = (System.nanoTime() - installStart) / 1e9 - shellSeconds;
                int starredBundles = karaf.bundles();
                double starredHeap = karaf.heapAfterFullGc();

                long demoStart = System.nanoTime();
                karaf.shell("feature:install starred-demo");
                double demoSeconds = (System.nanoTime() - demoStart) / 1e9 - shellSeconds;
                int demoBundles = karaf.bundles();
                double demoHeap = karaf.heapAfterFullGc();
                json.append(String.format(Locale.ROOT, "\"plainBundles\":%d,\"plainHeapMB\":%.1f,\"dependencyBundles\":%d,"
                        + "\"dependencyHeapMB\":%.1f,\"starredInstallSeconds\":%.2f,\"starredBundles\":%d,"
                        + "\"starredHeapMB\":%.1f,\"demoInstallSeconds\":%.2f,\"demoBundles\":%d,\"demoHeapMB\":%.1f",
                        plainBundles, plainHeap, dependencyBundles, dependencyHeap, installSeconds, starredBundles,
                        starredHeap, demoSeconds, demoBundles, demoHeap));
            }

            try (KarafProcess demo = new KarafProcess(distribution, work.resolve("demo"))) {
                logs.put("demo", demo.home);
                long start = System.nanoTime();
                demo.start("-Xms256m -Xmx512m");
                double firstTab = firstTabSeconds(demo.httpPort, start);
                json.append(String.format(Locale.ROOT, ",\"coldStartToFirstTabSeconds\":%.1f", firstTab));
            }
        } finally {
            // the Karafs' logs are kept with the results; the unpacked Karafs (a quarter of a gigabyte) are not
            for (Map.Entry<String, Path> karaf : logs.entrySet()) {
                Path log = karaf.getValue().resolve("data/log/karaf.log");
                if (Files.exists(log)) {
                    Files.copy(log, results.resolve("footprint-" + karaf.getKey() + "-karaf.log"),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        json.append("}\n");
        Files.writeString(results.resolve("footprint.json"), json);
        System.out.print(json);
    }

    /** Signs in as the demo IRO and asks for a child's case screen until it shows the tab. */
    static double firstTabSeconds(int port, long start) throws Exception {
        String base = "http://127.0.0.1:" + port;
        long deadline = start + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpClient client = DemoSignIn.signedIn(base, "demo-iro");
                HttpResponse<String> screen = client.send(HttpRequest.newBuilder(
                        URI.create(base + "/host/children/DEMO-CHILD-AMARA")).build(), HttpResponse.BodyHandlers.ofString());
                if (screen.statusCode() == 200 && screen.body().contains("starred-heading-l\">Dispute resolution")) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } catch (java.io.IOException | IllegalStateException notYet) {
                // not listening yet, or the sign-in form not yet there
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the demo distribution drew no Dispute resolution tab within 4 minutes");
    }
}
