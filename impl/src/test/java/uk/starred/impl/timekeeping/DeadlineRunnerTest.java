package uk.starred.impl.timekeeping;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.TransactionType;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized.Parameters;
import org.junit.runners.Parameterized;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.NewAgreedAction;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.deadline.DeadlineKind;
import uk.starred.api.deadline.DueItem;
import uk.starred.api.procedure.Cohort;
import uk.starred.core.deadline.DueKey;
import uk.starred.core.deadline.DueMoments;
import uk.starred.impl.deadline.DeadlineEntity;
import uk.starred.impl.deadline.Deadlines;
import uk.starred.impl.store.Writes;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.impl.testing.TestProcedures;
import uk.starred.testkit.Expect;

/**
 * Due moments fire when they fall, at the edges (the instant before and the instant of midnight, the
 * clocks changing), exactly once however many nodes claim them, and not at all once what they waited
 * for has happened; a node that dies holding claims loses nothing, and a failing firing is retried,
 * listed as stuck and can be re-run.
 */
@RunWith(Parameterized.class)
public class DeadlineRunnerTest {

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.kinds();
    }

    private final TestDatabase.Kind kind;
    private Engine engine;

    public DeadlineRunnerTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    /** A concern raised at the moment given, under the test procedure (Ratification: 2 working days, deemed agreement). */
    private Concern raisedAt(String instant) {
        engine = new Engine(kind, Instant.parse(instant)).with(TestProcedures.alerts("1.0.0"));
        engine.host.child("C1", Cohort.LOOKED_AFTER).role("iro-1", "IRO", "C1").role("tm-1", "TEAM_MANAGER", "C1")
                .role("sw-1", "SOCIAL_WORKER", "C1").role("sm-1", "SERVICE_MANAGER", "C1")
                .role("hos-1", "HEAD_OF_SERVICE", "C1").overseer("qa-1");
        engine.host.signIn("iro-1");
        Concern c = engine.concerns.raise(new RaiseConcern("C1", TestProcedures.alerts("1.0.0").ref(),
                ConcernOrigin.RED_RAG_RATING, List.of("PLAN_DRIFT"), "Drift", "Plan agreed", LocalDate.of(2027, 1, 29),
                "tm-1", null));
        engine.deliver();
        engine.host.notifications.clear();
        return c;
    }

    @After
    public void tearDown() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    public void aWholeRoundOfMomentsSettledWithNothingToSayDoesNotEndTheSweep() {
        uk.starred.api.procedure.Procedure alerts = uk.starred.impl.testing.Seeds.procedure(
                uk.starred.testkit.seeds.SeedProcedures.ALERT_PROCESS_004);
        engine = new Engine(kind, Instant.parse("2026-11-23T10:00:00Z")).with(alerts);
        for (int i = 0; i < 5; i++) {
            String child = "C" + i;
            engine.host.child(child, Cohort.LOOKED_AFTER).role("iro", "IRO", child).role("tm", "TEAM_MANAGER", child)
                    .role("sm", "SERVICE_MANAGER", child).role("hos", "HEAD_OF_SERVICE", child);
            engine.host.as("iro", () -> engine.concerns.raise(new RaiseConcern(child, alerts.ref(),
                    ConcernOrigin.STARRED_DECISION, List.of("CHILD_NOT_SEEN"), "Not seen", "Visits",
                    LocalDate.of(2026, 12, 18), "tm", null)));
        }
        DeadlineRunner runner = new DeadlineRunner(engine.db.jpaTemplate(), engine.concernStore, engine.reviewStore,
                engine.clock, kind == TestDatabase.Kind.POSTGRESQL, "node-s", 2);
        // after each stage's deadline: its "due soon" moment, claimed first, is settled with nothing to say
        engine.clock.set(Instant.parse("2026-11-26T11:00:00Z"));
        assertEquals("a round of two moments settled, none of them firing anything", 0, runner.fireDue());
        assertEquals(2, engine.db.count("deadline WHERE state = 'FIRED'"));

        assertEquals("the stages' deadlines fired", 5, runner.fireAllDue());
        assertEquals("the runner's timer goes on while its rounds claim whole batches: every moment due settled", 10,
                engine.db.count("deadline WHERE state = 'FIRED'"));
    }

    @Test
    public void aDueMomentCancelledAndThenWantedAgainFallsDueAgain() {
        Concern c = raisedAt("2026-12-07T10:00:00Z");
        DeadlineEntity.Key formal = new DeadlineEntity.Key(c.id().toString(), DeadlineKind.FORMAL_LIMIT, 0);
        Instant first = Instant.parse("2027-01-20T00:00:00Z");
        Instant again = Instant.parse("2027-01-27T00:00:00Z");
        reconcile(c, formal, first);
        reconcile(c, formal, null);
        assertTrue("cancelled", formalDue(c).isEmpty());

        reconcile(c, formal, again);
        assertEquals("pending again, at the moment now wanted", List.of(again), formalDue(c));
    }

    /** Brings the concern's stored moments in line with its own, and the formal limit given (none if null). */
    private void reconcile(Concern c, DeadlineEntity.Key formal, Instant at) {
        Map<DueKey, Instant> wanted = new LinkedHashMap<>(DueMoments.of(c, engine.calendar));
        if (at != null) {
            wanted.put(new DueKey(formal.kind(), formal.item()), at);
        }
        engine.db.jpaTemplate().tx(TransactionType.Required, em -> {
            Writes writes = Writes.to(em);
            Deadlines.reconcile(writes, c.id().toString(), c.childId(), Deadlines.stored(em, c.id().toString()),
                    wanted, engine.clock.instant());
            writes.run(em);
        });
    }

    private List<Instant> formalDue(Concern c) {
        return engine.deadlines.dueWithin(Duration.ofDays(90), 50).stream()
                .filter(d -> c.id().equals(d.concernId()) && d.kind() == DeadlineKind.FORMAL_LIMIT)
                .map(DueItem::dueAt).toList();
    }

    private Concern read(Concern c) {
        return engine.concerns.find(c.id()).orElseThrow();
    }

    @Test
    public void dueSoonAtTheStartOfTheLastDayThenDeemedAgreementAtMidnightEachExactlyOnce() {
        // Mon 16 November 10:00 + 2 working days: Tue 17, Wed 18 -> due 00:00 Thu 19 November (GMT)
        Concern c = raisedAt("2026-11-16T10:00:00Z");
        assertEquals(Instant.parse("2026-11-19T00:00:00Z"), c.stages().get(0).dueAt());

        assertEquals(0, engine.fireAt("2026-11-17T23:59:59.999999Z"));
        assertEquals("due soon from the start of Wednesday, the last day", 1, engine.fireAt("2026-11-18T00:00:00Z"));
        assertEquals(List.of("iro-1: stage 'Ratification' due soon", "tm-1: stage 'Ratification' due soon"), engine.told());
        assertEquals("nothing fires twice", 0, engine.deadlines.fireDue());

        assertEquals(0, engine.fireAt("2026-11-18T23:59:59.999999Z"));
        assertEquals(1, engine.fireAt("2026-11-19T00:00:00Z"));
        Concern deemed = read(c);
        assertEquals(ResponseKind.DEEMED_AGREEMENT, deemed.stages().get(0).response().kind());
        assertEquals("the remedy wanted becomes the agreed action", "Plan agreed",
                deemed.agreedActions().get(0).description());
        assertEquals(List.of("iro-1: agreement deemed", "iro-1: stage 'Ratification' overdue",
                "tm-1: stage 'Ratification' overdue"), engine.told());
        assertEquals("deadline STAGE_DUE", engine.host.as("qa-1", () -> engine.audit.entriesFor(c.id())).get(1).command());
        assertTrue(engine.host.as("qa-1", () -> engine.audit.verify(c.id())).intact());
        assertEquals(0, engine.deadlines.fireDue());
        assertEquals("deemed agreement deals with the missed deadline", List.of(), engine.deadlines.overdue(10));
        assertEquals(0, engine.fireAt("2026-11-30T00:00:00Z"));
    }

    @Test
    public void aStageLeftPastItsDeadlinePromptsTheIroAndStaysOverdueUntilTheIroMovesIt() {
        Concern c = raisedAt("2026-11-16T10:00:00Z");
        engine.host.signIn("tm-1");
        c = engine.concerns.respond(c.id(), c.version(), ResponseKind.DISAGREE, "Not drift", null);
        engine.host.signIn("iro-1");
        c = engine.concerns.escalate(c.id(), c.version(), null, "Disagreement");
        // Informal resolution: 4 working days from Mon 16 -> due 00:00 Sat 21 November; prompt the IRO
        assertEquals(Instant.parse("2026-11-21T00:00:00Z"), c.stages().get(1).dueAt());
        engine.told();
        assertEquals("Ratification's moments were cancelled when it ended; Informal's soon is Friday", 1,
                engine.fireAt("2026-11-20T00:00:00Z"));
        engine.told();
        assertEquals(1, engine.fireAt("2026-11-21T00:00:00Z"));
        assertEquals(List.of("iro-1: decision needed", "iro-1: stage 'Informal resolution' overdue",
                "sm-1: stage 'Informal resolution' overdue"), engine.told());
        List<DueItem> overdue = engine.deadlines.overdue(10);
        assertEquals(1, overdue.size());
        assertEquals(DeadlineKind.STAGE_DUE, overdue.get(0).kind());
        assertEquals("node-1", overdue.get(0).firedBy());

        c = engine.concerns.escalate(c.id(), read(c).version(), null, "No meeting held");
        assertEquals("moving the stage on deals with it", List.of(), engine.deadlines.overdue(10));
    }

    @Test
    public void aStageWhoseRuleIsNextStageMovesOnByItselfAtItsDeadline() {
        Concern c = raisedAt("2026-11-16T10:00:00Z");
        c = engine.concerns.escalate(c.id(), c.version(), null, "Disagreement");
        c = engine.concerns.escalate(c.id(), c.version(), null, "Urgent");
        assertEquals("FORMAL", c.currentStage().orElseThrow().stageId());
        engine.told();
        // Formal: 4 working days from Mon 16 -> due 00:00 Sat 21 November
        engine.fireAt("2026-11-20T00:00:00Z");
        engine.told();
        assertEquals(1, engine.fireAt("2026-11-21T00:00:00Z"));
        Concern moved = read(c);
        assertEquals("HEAD_OF_SERVICE", moved.currentStage().orElseThrow().stageId());
        assertEquals("starred", moved.currentStage().orElseThrow().enteredBy());
        // Head of Service: 4 working days from Sat 21 -> Mon 23 ... Thu 26 -> due 00:00 Fri 27 November
        assertEquals(Instant.parse("2026-11-27T00:00:00Z"), moved.currentStage().orElseThrow().dueAt());
        assertTrue(engine.told().contains("hos-1: stage 'Head of Service'"));
    }

    @Test
    public void whatWasWaitedForHappeningFirstCancelsTheMomentsAndNothingFires() {
        Concern c = raisedAt("2026-11-16T10:00:00Z");
        assertEquals("due soon and due", 2, engine.deadlines.dueWithin(Duration.ofDays(30), 10).size());
        engine.concerns.resolve(c.id(), c.version(), "Plan agreed at a meeting");
        assertEquals(List.of("tm-1: resolved"), engine.told());
        assertEquals(List.of(), engine.deadlines.dueWithin(Duration.ofDays(30), 10));
        assertEquals(0, engine.fireAt("2026-12-31T00:00:00Z"));
        assertEquals(List.of(), engine.told());
    }

    @Test
    public void anAgreedActionNotDoneByItsDateIsChasedTheNextMorningAndNotOnceDone() {
        Concern c = raisedAt("2026-11-16T10:00:00Z");
        engine.host.signIn("tm-1");
        c = engine.concerns.respond(c.id(), c.version(), ResponseKind.AGREE, null, List.of(
                new NewAgreedAction("Plan written", "sw-1", LocalDate.of(2026, 11, 17)),
                new NewAgreedAction("Plan shared", "tm-1", LocalDate.of(2026, 11, 17))));
        engine.host.signIn("iro-1");
        c = engine.concerns.completeAgreedAction(c.id(), c.version(), 2, "Shared");
        engine.told();
        assertEquals(0, engine.fireAt("2026-11-17T23:59:59Z"));
        // the stage's clock stopped when the Team Manager agreed: only the agreed actions are monitored
        assertEquals("action 1 (action 2 is done), and not the agreed stage", 1, engine.fireAt("2026-11-18T00:00:00Z"));
        assertEquals(List.of("iro-1: agreed action 1 overdue", "sw-1: agreed action 1 overdue"),
                engine.told().stream().filter(t -> t.contains("agreed action")).toList());
    }

    @Test
    public void dueMomentsFollowTheLondonClockAcrossBothChanges() {
        // autumn: Fri 23 October 2026 10:00 BST + 2 working days: Mon 26, Tue 27 -> 00:00 Wed 28 October (GMT)
        Concern autumn = raisedAt("2026-10-23T09:00:00Z");
        assertEquals(Instant.parse("2026-10-28T00:00:00Z"), autumn.stages().get(0).dueAt());
        assertEquals(0, engine.fireAt("2026-10-26T23:59:59Z"));
        assertEquals("due soon from midnight starting Tuesday, GMT", 1, engine.fireAt("2026-10-27T00:00:00Z"));
        engine.close();
        // spring: Thu 26 March 2026 10:00 GMT + 2 working days: Fri 27, Mon 30 -> 00:00 Tue 31 March (BST)
        Concern spring = raisedAt("2026-03-26T10:00:00Z");
        assertEquals(Instant.parse("2026-03-30T23:00:00Z"), spring.stages().get(0).dueAt());
        assertEquals(0, engine.fireAt("2026-03-29T22:59:59Z"));
        assertEquals("due soon from midnight starting Monday, BST", 1, engine.fireAt("2026-03-29T23:00:00Z"));
        assertEquals(0, engine.fireAt("2026-03-30T22:59:59Z"));
        assertEquals(1, engine.fireAt("2026-03-30T23:00:00Z"));
    }

    @Test
    public void aNodeThatDiesHoldingClaimsLosesNothingAndItsLateFiringIsRefused() {
        raisedAt("2026-11-16T10:00:00Z");
        DeadlineRunner second = new DeadlineRunner(engine.db.jpaTemplate(), engine.concernStore, engine.reviewStore, engine.clock,
                kind == TestDatabase.Kind.POSTGRESQL, "node-2", 200);
        engine.clock.set(Instant.parse("2026-11-19T00:00:00Z"));
        List<DeadlineEntity.Key> claimed = engine.deadlines.claim(engine.clock.instant());
        assertEquals("node-1 claims the due-soon and the due moment", 2, claimed.size());
        // node-1 dies here, holding both claims
        assertEquals("the claims are node-1's while its lease lasts", 0, second.fireDue());
        engine.clock.advance(DeadlineRunner.LEASE);
        assertEquals("then they come back to the living node; due-soon, come too late, tells no one", 1,
                second.fireDue());
        for (DeadlineEntity.Key key : claimed) {
            assertNull("node-1, back from the dead, fires nothing",
                    engine.concernStore.fireDeadline(key, "node-1", true, false, engine.clock.instant()));
        }
        assertEquals(List.of("iro-1: agreement deemed", "iro-1: stage 'Ratification' overdue",
                "tm-1: stage 'Ratification' overdue"), engine.told());
        assertEquals(2, engine.db.count("deadline WHERE state = 'FIRED' AND fired_by = 'node-2'"));
    }

    @Test
    public void aNodeBackUnderItsOwnNameOrAfterAFailedRoundTakesBackItsClaimsAtOnceAndFiresEachOnce() {
        raisedAt("2026-11-16T10:00:00Z");
        engine.clock.set(Instant.parse("2026-11-19T00:00:00Z"));
        List<DeadlineEntity.Key> claimed = engine.deadlines.claim(engine.clock.instant());
        assertEquals(2, claimed.size());
        // the round's firing failed here (the database dropped), or the node stopped and started again
        DeadlineRunner restarted = new DeadlineRunner(engine.db.jpaTemplate(), engine.concernStore,
                engine.reviewStore, engine.clock, kind == TestDatabase.Kind.POSTGRESQL, engine.deadlines.node(), 200);
        DeadlineRunner other = new DeadlineRunner(engine.db.jpaTemplate(), engine.concernStore, engine.reviewStore,
                engine.clock, kind == TestDatabase.Kind.POSTGRESQL, "node-2", 200);
        assertEquals("another node still waits out the lease", 0, other.fireDue());

        assertEquals("the node's next round takes its claims back without waiting out the lease", 1,
                restarted.fireDue());
        assertEquals(0, restarted.fireDue());
        assertEquals(0, other.fireDue());
        engine.clock.advance(DeadlineRunner.LEASE);
        assertEquals("nothing is left to fire twice", 0, other.fireDue());
        assertEquals(List.of("iro-1: agreement deemed", "iro-1: stage 'Ratification' overdue",
                "tm-1: stage 'Ratification' overdue"), engine.told());
        assertEquals(2, engine.db.count("deadline WHERE state = 'FIRED' AND fired_by = '" + engine.deadlines.node() + "'"));
    }

    @Test
    public void theDefaultNodeNameOutlivesTheProcess() {
        String node = uk.starred.impl.store.Nodes.thisNode();
        assertTrue(node, node.matches("[^@]+@[^@]+"));
        assertFalse("not the process id, which a restart changes: " + node,
                node.startsWith(ProcessHandle.current().pid() + "@"));
    }

    @Test
    public void oneFiringThatFailsAmongSeveralDueTogetherHoldsUpNoneOfTheOthers() {
        raisedAt("2026-11-16T10:00:00Z");
        for (String child : List.of("C2", "C3", "C4")) {
            engine.host.child(child, Cohort.LOOKED_AFTER).role("iro-1", "IRO", child).role("tm-1", "TEAM_MANAGER", child);
            engine.concerns.raise(new RaiseConcern(child, TestProcedures.alerts("1.0.0").ref(),
                    ConcernOrigin.RED_RAG_RATING, List.of("PLAN_DRIFT"), "Drift", "Plan agreed", LocalDate.of(2027, 1, 29),
                    "tm-1", null));
        }
        engine.deliver();
        engine.host.notifications.clear();
        engine.host.directoryDownFor("C3");

        assertEquals("the due-soon moments of C1, C2 and C4 fire; C3's fails", 3, engine.fireAt("2026-11-18T00:00:00Z"));
        List<DueItem> stuck = engine.deadlines.stuck(10);
        assertEquals(1, stuck.size());
        assertEquals("C3", stuck.get(0).childId());
        assertTrue(stuck.get(0).lastError(), stuck.get(0).lastError().contains("staff directory unavailable"));
        assertEquals("each of the three that fired told its IRO and team manager once", 6, engine.told().size());
        assertEquals(3, engine.db.count("deadline WHERE state = 'FIRED'"));

        engine.host.directoryDownFor(null);
        assertEquals("C3's is tried again after its wait, and fires", 1, engine.fireAt("2026-11-18T00:00:30Z"));
        assertEquals(List.of("iro-1: stage 'Ratification' due soon", "tm-1: stage 'Ratification' due soon"), engine.told());
    }

    @Test
    public void aFiringThatFailsStaysPendingIsListedAsStuckRetriesWithGrowingWaitsAndCanBeRerun() {
        Concern c = raisedAt("2026-11-16T10:00:00Z");
        engine.host.directoryDown(true);
        assertEquals(0, engine.fireAt("2026-11-18T00:00:00Z"));
        List<DueItem> stuck = engine.deadlines.stuck(10);
        assertEquals(1, stuck.size());
        assertEquals(DeadlineKind.STAGE_DUE_SOON, stuck.get(0).kind());
        assertTrue(stuck.get(0).lastError(), stuck.get(0).lastError().contains("staff directory unavailable"));
        assertEquals("the first retry waits 30 seconds", 0, engine.fireAt("2026-11-18T00:00:29Z"));
        assertEquals(0, engine.fireAt("2026-11-18T00:00:30Z"));
        assertEquals(2, engine.deadlines.stuck(10).get(0).attempts());
        assertEquals("then a minute", 0, engine.fireAt("2026-11-18T00:01:29Z"));

        engine.host.directoryDown(false);
        DueItem rerun = engine.deadlines.fireNow(stuck.get(0).reference());
        assertEquals(uk.starred.api.deadline.DeadlineState.FIRED, rerun.state());
        assertEquals(List.of(), engine.deadlines.stuck(10));
        assertEquals(List.of("iro-1: stage 'Ratification' due soon", "tm-1: stage 'Ratification' due soon"), engine.told());

        InvalidCommandException again = Expect.thrown(InvalidCommandException.class,
                () -> engine.deadlines.fireNow(rerun.reference()));
        assertTrue(again.getMessage(), again.getMessage().contains("has already fired"));
        InvalidCommandException nonsense = Expect.thrown(InvalidCommandException.class,
                () -> engine.deadlines.fireNow("not-a-reference"));
        assertTrue(nonsense.getMessage(), nonsense.getMessage().contains("is not a due moment's reference"));
        assertEquals(c.version(), read(c).version());
    }
}
