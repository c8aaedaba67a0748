package uk.starred.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.ClassRule;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A council's procedure replaced again and again through {@code deploy/} (each replacement a bundle update of
 * the procedure bundle Starred makes of the file) while concerns are raised under it, then hostile descriptors
 * dropped in beside it: every concern keeps the stages of the version it was raised under, every replacement is
 * installed, every hostile file is refused with its problems, and every Starred component stays active.
 *
 * <p>{@code mvn verify} replaces it 25 times ({@code -Dstarred.reliability.swaps}); {@code reliability/run} 100.
 */
public class ProcedureSwapIT {

    @ClassRule
    public static final DemoDistribution demo = new DemoDistribution()
            .configured("org.apache.felix.fileinstall-deploy", Map.of("felix.fileinstall.poll", "200"));

    private static final int SWAPS = Integer.getInteger("starred.reliability.swaps", 25);
    private static final Path SEED_000 = Path.of("..", "procedures", "seed-000-starred-decisions", "src", "main",
            "resources", "OSGI-INF", "starred", "seed-000-starred-decisions.yaml");
    private static final String FIRST_STAGE = "name: Starred decision sent to the Team Manager and Service Manager";
    private static final String[] CHILDREN = {"DEMO-000-S5", "DEMO-000-S6"};

    /**
     * The one component that waits by design where the platform runs no Event Admin (the demo's Karaf): it posts
     * Starred's events to it, and the rest of Starred runs without it.
     */
    private static final String OPTIONAL = "uk.starred.impl.outbox.EventAdminSink";

    private final ObjectMapper json = new ObjectMapper();

    /** A concern raised under a version, or refused because the version had just gone. */
    private record Raised(int version, DemoClient.Answer answer) {
    }

    @Test
    public void aProcedureReplacedUnderLoadKeepsEachConcernOnItsVersionAndEveryComponentActive() throws Exception {
        String seed = Files.readString(SEED_000, StandardCharsets.UTF_8);
        assertTrue("the seed's first stage is where each version is told apart", seed.contains(FIRST_STAGE));
        Path deployed = demo.home().resolve("deploy").resolve("council-swap.yaml");
        deploy(deployed, version(seed, 1));
        awaitInstalled(1);

        DemoClient api = new DemoClient(demo);
        AtomicInteger current = new AtomicInteger(1);
        AtomicBoolean running = new AtomicBoolean(true);
        Queue<Raised> raised = new ConcurrentLinkedQueue<>();
        AtomicInteger n = new AtomicInteger();
        Thread load = new Thread(() -> {
            while (running.get()) {
                int v = current.get();
                String child = CHILDREN[n.incrementAndGet() % CHILDREN.length];
                raised.add(new Raised(v, api.send("POST", DemoClient.API + "/children/" + child + "/concerns",
                        "demo-iro", "{\"procedure\":\"council-swap@1.0." + v + "\",\"origin\":\"STARRED_DECISION\","
                                + "\"reasons\":[\"DRIFT_OR_DELAY\"],\"description\":\"Drift under version " + v
                                + "\",\"remedyWanted\":\"A plan\",\"remedyDueBy\":\"" + java.time.LocalDate.now()
                                .plusDays(20) + "\",\"responsiblePerson\":\"demo-team-manager\"}")));
            }
        }, "swap-load");
        load.start();
        long started = System.nanoTime();
        for (int v = 2; v <= SWAPS + 1; v++) {
            deploy(deployed, version(seed, v));
            awaitInstalled(v);
            current.set(v);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        running.set(false);
        load.join(60_000);

        int kept = 0;
        int gone = 0;
        List<String> wrong = new ArrayList<>();
        for (Raised r : raised) {
            DemoClient.Answer a = r.answer();
            if (a.status() == 201) {
                JsonNode concern = json.readTree(api.get(a.location(), "demo-iro").body());
                String version = concern.get("procedure").get("version").asText();
                String stage = concern.get("stages").get(0).get("name").asText();
                if (!version.equals("1.0." + r.version()) || !stage.equals("Starred decision, version " + r.version())
                        || concern.get("stages").get(0).get("dueAt").isNull()) {
                    wrong.add("raised under 1.0." + r.version() + ", now " + version + " with stage '" + stage + "'");
                }
                kept++;
            } else if (a.status() == 400 || a.status() == 404 || a.status() == 409 || a.status() == 422) {
                // raised a moment after its version was replaced: refused, naming the procedure
                gone++;
                if (!a.body().contains("council-swap")) {
                    wrong.add("refused without naming the procedure: " + a.body());
                }
            } else {
                wrong.add("answered " + a.status() + ": " + a.body());
            }
        }
        assertEquals("each concern on the version it was raised under", List.of(),
                wrong.subList(0, Math.min(10, wrong.size())));
        assertTrue("concerns were raised throughout", kept > SWAPS);
        assertHealthy();

        Figures.record("procedure-swaps", String.format(java.util.Locale.ROOT,
                "H2 | %d replacements in %.0f s | %d concerns raised under them, each on its version | %d refused"
                        + " as their version went | every component active", SWAPS, seconds, kept, gone));
    }

    @Test
    public void hostileDescriptorsDroppedIntoDeployAreRefusedAndKarafStaysHealthy() throws Exception {
        String seed = Files.readString(SEED_000, StandardCharsets.UTF_8);
        StringBuilder bomb = new StringBuilder("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        String previous = "a";
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = String.valueOf(c);
        }
        Map<String, String> hostile = new java.util.LinkedHashMap<>();
        hostile.put("not-yaml", "id: [unclosed\nversion: 1\n");
        hostile.put("alias-bomb", bomb.toString());
        hostile.put("unknown-tag", "id: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL"
                + " [\"http://127.0.0.1/x\"]]]]\nversion: 1.0.0\n");
        hostile.put("zero-timescale", seed.replace("id: seed-000-starred-decisions", "id: hostile-zero")
                .replace("timescale: 5 working days", "timescale: 0 working days"));
        hostile.put("huge", seed.replace("id: seed-000-starred-decisions", "id: hostile-huge") + "# "
                + "x".repeat(3 * 1024 * 1024) + "\n");
        for (Map.Entry<String, String> file : hostile.entrySet()) {
            deploy(demo.home().resolve("deploy").resolve("hostile-" + file.getKey() + ".yaml"), file.getValue());
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String listed = "";
        while (System.nanoTime() < until) {
            String now = demo.console("starred:procedure-list").output();
            listed = now;
            if (hostile.keySet().stream().allMatch(k -> now.contains("hostile-" + k))) {
                break;
            }
            TimeUnit.SECONDS.sleep(1);
        }
        String refusals = listed;
        for (String name : hostile.keySet()) {
            String line = refusals.lines().filter(l -> l.contains("hostile-" + name)).findFirst().orElse("");
            assertTrue(name + " refused with its problems: " + listed, line.contains("refused"));
        }
        assertFalse("none installed: " + listed, refusals.lines().anyMatch(l -> l.contains("hostile-")
                && l.contains("installed")));
        assertHealthy();
        DemoClient.Answer raised = new DemoClient(demo).raise("DEMO-000-S5", "AFTERHOSTILE");
        assertEquals("the engine works on: " + raised.body(), 201, raised.status());
    }

    private static String version(String seed, int v) {
        return seed.replace("id: seed-000-starred-decisions", "id: council-swap")
                .replace("version: 2.0.0", "version: 1.0." + v)
                .replace(FIRST_STAGE, "name: Starred decision, version " + v);
    }

    /** Writes the file whole and moves it into place, as an operator's copy would, so no half file is read. */
    private static void deploy(Path target, String content) throws Exception {
        Path staged = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.writeString(staged, content, StandardCharsets.UTF_8);
        Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void awaitInstalled(int v) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            DemoClient.Answer procedures = new DemoClient(demo).get(DemoClient.API + "/procedures", "demo-iro");
            if (procedures.status() == 200) {
                for (JsonNode p : json.readTree(procedures.body())) {
                    if (p.get("id").asText().equals("council-swap") && p.get("version").asText().equals("1.0." + v)) {
                        return;
                    }
                }
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("council-swap@1.0." + v + " was not installed within 60 s");
    }

    /**
     * Every Starred bundle active, and every Starred component up (but the Event Admin sink where there is no Event
     * Admin): the REST API (which waits on every service of
     * the engine) answers, the host's screens have their tab and alert types, and a concern can be raised.
     */
    private static void assertHealthy() throws Exception {
        String bundles = demo.console("bundle:list -s -t 0").output();
        List<String> starred = bundles.lines().filter(l -> l.contains("uk.starred")).toList();
        assertTrue("Starred's bundles are listed: " + bundles, starred.size() >= 5);
        List<String> waiting = new ArrayList<>();
        for (String line : starred.stream().filter(l -> !l.contains("Active")).toList()) {
            // a bundle waits while one of its components does: name each that does
            String id = line.split("\\|")[0].trim();
            List<String> diag = demo.console("bundle:diag " + id).output().lines().toList();
            for (int i = 1; i < diag.size(); i++) {
                if (diag.get(i).contains("missing references") && !OPTIONAL.equals(diag.get(i - 1).replaceAll(
                        " \\(\\d+\\)$", "").trim())) {
                    waiting.add(diag.get(i - 1).trim() + ": " + diag.get(i).trim());
                }
            }
            if (!line.contains("Waiting")) {
                waiting.add(line);
            }
        }
        assertEquals("every Starred bundle and component active", List.of(), waiting);
        assertEquals(200, demo.http(DemoDistribution.READY_PATH).statusCode());
        DemoClient.Answer api = new DemoClient(demo).get(DemoClient.API + "/children/DEMO-000-S1/concerns",
                "demo-iro");
        assertEquals(api.body(), 200, api.status());
    }
}
