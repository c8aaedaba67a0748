package uk.starred.impl.seeds;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static uk.starred.testkit.seeds.SeedProcedures.CPC;
import static uk.starred.testkit.seeds.SeedProcedures.INFORMAL_SAFEGUARDING_ALERT;
import static uk.starred.testkit.seeds.SeedProcedures.IRO;
import static uk.starred.testkit.seeds.SeedProcedures.S004_CONVERSATION;
import static uk.starred.testkit.seeds.SeedProcedures.S004_INFORMAL_ALERT;
import static uk.starred.testkit.seeds.SeedProcedures.SOCIAL_WORKER;
import static uk.starred.testkit.seeds.SeedProcedures.TEAM_MANAGER;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized.Parameters;
import org.junit.runners.Parameterized;

import uk.starred.api.ConcurrentChangeException;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.Procedure;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.Seeds;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.testkit.seeds.Scenario;
import uk.starred.testkit.seeds.SeedProcedures;

/**
 * Two people acting on one concern at the same moment, released together from two threads, each
 * naming the version they read: exactly one of them changes it, the other is told someone got there
 * first, and the stored concern, its audit trail and what the host is told hold the winner's change
 * alone. Repeated, so that both the overlapping and the back-to-back orderings occur.
 */
@RunWith(Parameterized.class)
public class ConcurrentActionsTest {

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.kinds();
    }

    static final Procedure PROCEDURE = Seeds.procedure(SeedProcedures.ALERT_PROCESS_004);
    static final int ROUNDS = 12;

    private final TestDatabase.Kind kind;
    private Engine engine;
    private Scenario s;
    private ExecutorService pool;

    public ConcurrentActionsTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        engine = new Engine(kind, Instant.parse("2026-11-16T10:00:00Z")).with(PROCEDURE);
        s = new Scenario(engine);
        engine.host.child("C1", Cohort.LOOKED_AFTER, Cohort.CHILD_PROTECTION)
                .role("iro-1", IRO, "C1").role("cpc-1", CPC, "C1").role("sw-1", SOCIAL_WORKER, "C1")
                .role("tm-1", TEAM_MANAGER, "C1").overseer("qa-1");
        pool = Executors.newFixedThreadPool(2);
    }

    @After
    public void tearDown() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        engine.close();
    }

    private Concern raised() {
        Concern c = s.as("iro-1", () -> engine.concerns.raise(new RaiseConcern("C1", PROCEDURE.ref(),
                ConcernOrigin.CONCERN_OUTSIDE_REVIEW, List.of("CHILD_NOT_SEEN"), "Not seen alone since September",
                "Child seen alone", LocalDate.of(2026, 11, 27), "tm-1", null)));
        s.delivered();
        return c;
    }

    @Test
    public void theTeamManagerRespondingWhileTheIroEscalatesLeavesOneResultNeverAMix() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Concern c = raised();
            CyclicBarrier together = new CyclicBarrier(2);
            Future<Concern> response = submit(together, "tm-1", () -> engine.concerns.respond(c.id(), c.version(),
                    ResponseKind.DISAGREE, "The child was seen at school last week", null));
            Future<Concern> escalation = submit(together, "iro-1", () -> engine.concerns.escalate(c.id(), c.version(),
                    null, "Not resolved within 72 hours"));
            Concern responded = outcome(response);
            Concern escalated = outcome(escalation);
            assertTrue("round " + round + ": exactly one of the two succeeds", (responded == null) != (escalated == null));

            Concern stored = s.as("qa-1", () -> engine.concerns.find(c.id())).orElseThrow();
            assertEquals(1, stored.version());
            List<String> trail = s.trail(c.id(), "qa-1");
            var told = s.delivered();
            if (responded != null) {
                assertEquals(responded, stored);
                // the response stands at step 1; no Informal Alert was raised
                assertEquals(List.of(S004_CONVERSATION), stored.stages().stream().map(StageRecord::stageId).toList());
                assertEquals(ResponseKind.DISAGREE, stored.stages().get(0).response().kind());
                assertEquals(List.of("raise by iro-1", "respond by tm-1"), trail);
                assertEquals(List.of("response recorded"), told.to("iro-1"));
                assertEquals(List.of(), told.to("tm-1"));
                assertEquals(List.of(), told.noteTypes());
            } else {
                assertEquals(escalated, stored);
                // the Informal Alert was raised and step 1 carries no response
                assertEquals(List.of(S004_CONVERSATION, S004_INFORMAL_ALERT),
                        stored.stages().stream().map(StageRecord::stageId).toList());
                assertNull(stored.stages().get(0).response());
                assertEquals(List.of("raise by iro-1", "escalate by iro-1"), trail);
                assertEquals(List.of("stage 'Step 2: Informal Alert'"), told.to("tm-1"));
                assertEquals(List.of(), told.to("iro-1"));
                assertEquals(List.of(INFORMAL_SAFEGUARDING_ALERT), told.noteTypes());
            }
            assertTrue(s.trailIntact(c.id(), "qa-1"));
        }
    }

    @Test
    public void theIroAndTheCpcEscalatingTogetherMoveTheConcernOneStageOnly() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Concern c = raised();
            CyclicBarrier together = new CyclicBarrier(2);
            Future<Concern> byIro = submit(together, "iro-1", () -> engine.concerns.escalate(c.id(), c.version(), null,
                    "IRO: not resolved"));
            Future<Concern> byCpc = submit(together, "cpc-1", () -> engine.concerns.escalate(c.id(), c.version(), null,
                    "CPC: not resolved"));
            Concern iroResult = outcome(byIro);
            Concern cpcResult = outcome(byCpc);
            assertTrue("round " + round + ": exactly one of the two succeeds", (iroResult == null) != (cpcResult == null));

            Concern stored = s.as("qa-1", () -> engine.concerns.find(c.id())).orElseThrow();
            assertEquals(List.of(S004_CONVERSATION, S004_INFORMAL_ALERT),
                    stored.stages().stream().map(StageRecord::stageId).toList());
            String winner = iroResult != null ? "iro-1" : "cpc-1";
            assertEquals(winner, stored.stages().get(1).enteredBy());
            assertEquals(List.of("raise by iro-1", "escalate by " + winner), s.trail(c.id(), "qa-1"));
            // one Informal Alert on the file, one notification to the Team Manager
            var told = s.delivered();
            assertEquals(List.of(INFORMAL_SAFEGUARDING_ALERT), told.noteTypes());
            assertEquals(List.of("stage 'Step 2: Informal Alert'"), told.to("tm-1"));
            assertTrue(s.trailIntact(c.id(), "qa-1"));
        }
    }

    /** Starts the command as the person on a thread of its own, once both threads are ready. */
    private Future<Concern> submit(CyclicBarrier together, String staffId, Supplier<Concern> command) {
        return pool.submit(() -> engine.host.as(staffId, () -> {
            try {
                together.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other thread never arrived", e);
            }
            return command.get();
        }));
    }

    /** @return the command's result, or {@code null} when it was refused because the other got there first */
    private static Concern outcome(Future<Concern> future) throws InterruptedException {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConcurrentChangeException) {
                return null;
            }
            throw new AssertionError("expected success or ConcurrentChangeException, got " + e.getCause(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            fail("the command did not finish within a minute");
            return null;
        }
    }
}
