package uk.starred.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.ClassRule;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo on its embedded H2 killed with {@code kill -9} during a burst of write commands, as {@link CrashIT}
 * does on PostgreSQL: the file database, opened again after each kill, holds every command answered 2xx exactly
 * once, each with its stages and an audit trail that verifies. Read back over REST, as the embedded database is
 * the running demo's alone.
 */
public class CrashOnH2IT {

    @ClassRule
    public static final DemoDistribution demo = new DemoDistribution();

    private static final int KILLS = Integer.getInteger("starred.reliability.kills", 3);
    private static final long SEED = Long.getLong("starred.reliability.seed", 20261207L);
    private static final String[] CHILDREN = {"DEMO-000-S1", "DEMO-000-S2", "DEMO-000-S3", "DEMO-000-S4",
        "DEMO-000-S5", "DEMO-000-S6"};
    private static final int BURST = 1000;
    private static final String MARK = "H2CRASHMARK";

    @Test
    public void everyCommandAnsweredBeforeAKillIsKeptExactlyOnceOnH2() throws Exception {
        Random random = new Random(SEED);
        LogLines log = LogLines.from(demo.karafLog());
        Queue<Burst.Sent> sent = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        int kills = 0;
        while (kills < KILLS || sent.size() < BURST) {
            boolean kill = kills < KILLS;
            Burst.raise(demo, CHILDREN, MARK, sent, next, kill ? 1000 + random.nextInt(3000) : Long.MAX_VALUE,
                    kill ? Integer.MAX_VALUE : BURST - sent.size());
            if (kill) {
                kills++;
            }
        }

        DemoClient api = new DemoClient(demo);
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> stored = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        for (String child : CHILDREN) {
            DemoClient.Answer list = api.get(DemoClient.API + "/children/" + child + "/concerns", "demo-iro");
            assertEquals(list.body(), 200, list.status());
            for (JsonNode concern : json.readTree(list.body())) {
                String description = concern.get("description").asText();
                if (description.startsWith(MARK)) {
                    stored.merge(description.substring(0, description.indexOf(' ')), 1, Integer::sum);
                    if (concern.get("stages").isEmpty()) {
                        wrong.add(concern.get("id").asText() + " has no stage record");
                    }
                }
            }
        }
        Burst.Tally tally = Burst.tally(sent, stored);
        wrong.addAll(tally.wrong());
        assertEquals("every acknowledged command kept exactly once, with its stage", List.of(), wrong);
        DemoClient.Answer verified = api.get(DemoClient.API + "/verification", "demo-iro-manager");
        assertEquals(verified.body(), 200, verified.status());
        assertTrue("every concern matches its audit trail: " + verified.body(),
                verified.body().contains("\"problems\":[]"));
        assertEquals("nothing anyone wrote, and no child's id, in the log", List.of(),
                LogLines.holding(log.since(), MARK, "DEMO-0", "drift in the plan"));
        Figures.record("crash-burst-h2", String.format(java.util.Locale.ROOT,
                "H2 | %d kills | %d commands sent | %d acknowledged | %d found | 0 lost | 0 twice"
                        + " | %d cut off by a kill, %d of them done | 0 half done", kills, sent.size(),
                tally.acknowledged(), tally.acknowledged(), tally.inDoubt(), tally.inDoubtStored()));
    }
}
