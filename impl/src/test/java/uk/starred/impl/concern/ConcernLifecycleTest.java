package uk.starred.impl.concern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized.Parameters;
import org.junit.runners.Parameterized;

import uk.starred.api.ConcernEndedException;
import uk.starred.api.InvalidCommandException;
import uk.starred.api.NotPermittedException;
import uk.starred.api.StageNotAllowedException;
import uk.starred.api.UnknownChildException;
import uk.starred.api.UnknownProcedureException;
import uk.starred.api.UnknownStageException;
import uk.starred.api.Violation;
import uk.starred.api.concern.CafcassDecision;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.NewAgreedAction;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.concern.StageState;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.Procedure;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.impl.testing.TestProcedures;

/** The lifecycle rules the engine applies to any procedure, on H2 and (when it answers) PostgreSQL. */
@RunWith(Parameterized.class)
public class ConcernLifecycleTest {

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.kinds();
    }

    /** Monday 16 November 2026, 10:00 in London (GMT). */
    static final Instant MONDAY = Instant.parse("2026-11-16T10:00:00Z");
    static final Procedure ALERTS = TestProcedures.alerts("1.0.0");

    private final TestDatabase.Kind kind;
    private Engine engine;

    public ConcernLifecycleTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        engine = new Engine(kind, MONDAY).with(ALERTS);
        engine.host.child("C1", Cohort.LOOKED_AFTER).child("CP1", Cohort.CHILD_PROTECTION)
                .role("iro-1", "IRO", "C1").role("cpc-1", "CPC", "CP1").role("cpc-9", "CPC", "C1")
                .role("sw-1", "SOCIAL_WORKER", "C1").role("tm-1", "TEAM_MANAGER", "C1").role("tm-1", "TEAM_MANAGER", "CP1")
                .role("sm-1", "SERVICE_MANAGER", "C1").role("hos-1", "HEAD_OF_SERVICE", "C1")
                .role("hos-1", "HEAD_OF_SERVICE", "CP1").overseer("qa-1").staff("stranger");
        engine.host.signIn("iro-1");
    }

    @After
    public void tearDown() {
        engine.close();
    }

    private static RaiseConcern raise(String child, String startAt, String... reasons) {
        return new RaiseConcern(child, ALERTS.ref(), ConcernOrigin.STARRED_DECISION, List.of(reasons),
                "Care plan not progressed since the last review", "Permanence planning meeting held",
                LocalDate.of(2026, 11, 27), "tm-1", startAt);
    }

    private Concern raised() {
        return engine.concerns.raise(raise("C1", null, "PLAN_DRIFT"));
    }

    private <T> T as(String staffId, java.util.function.Supplier<T> action) {
        return engine.host.as(staffId, action);
    }

    // ------------------------------------------------------------------ raising

    @Test
    public void aRaisedConcernStartsAtTheFirstStageWithItsDueMomentStoredAndEveryoneTold() {
        Concern c = raised();

        assertEquals(ConcernStatus.OPEN, c.status());
        assertEquals("iro-1", c.raisedBy());
        StageRecord stage = c.currentStage().orElseThrow();
        assertEquals("RATIFICATION", stage.stageId());
        // 2 working days from Monday 10:00: Tuesday and Wednesday; due at midnight ending Wednesday
        assertEquals(Instant.parse("2026-11-19T00:00:00Z"), stage.dueAt());
        assertNull("the formal clock starts at the first formal stage", c.formalDueAt());
        assertEquals("the IRO and the Team Manager take part", List.of("iro-1", "tm-1"), stage.participants());
        assertEquals(c, engine.concerns.find(c.id()).orElseThrow());

        assertEquals("two case notes, two notifications and the event", 5, engine.deliverCounting());
        assertEquals(List.of("Dispute Resolution", "Starred Recommendation"), engine.host.noteTypes());
        assertEquals(2, engine.host.inbox("tm-1").size());
        assertEquals(1, engine.host.inbox("sw-1").size());
        assertEquals(0, engine.deliverCounting());
        assertEquals(1, as("qa-1", () -> engine.audit.entriesFor(c.id())).size());
    }

    @Test
    public void aWrongCommandIsRefusedWithEveryProblemNamedAndNothingStored() {
        RaiseConcern wrong = new RaiseConcern(" ", null, null, List.of("PLAN_DRIFT", "", "PLAN_DRIFT"), null,
                "x".repeat(4001), LocalDate.of(2026, 11, 13), "tm-1", null);

        InvalidCommandException refused = assertThrows(InvalidCommandException.class,
                () -> engine.concerns.raise(wrong));

        assertEquals(List.of("childId", "origin", "reasonCodes[1]", "reasonCodes[2]", "description",
                "remedyWanted", "remedyDueBy"), refused.violations().stream().map(Violation::field).toList());
        assertTrue(refused.getMessage(), refused.getMessage().contains("remedyDueBy: must not be in the past"));
        assertEquals(0, engine.db.count("concern"));
        assertEquals(0, engine.db.count("outbox"));
    }

    @Test
    public void reasonsMustBeTheProceduresAndApplyToTheChild() {
        InvalidCommandException refused = assertThrows(InvalidCommandException.class,
                () -> engine.concerns.raise(raise("C1", null, "CORE_GROUP", "NO_SUCH_REASON")));
        assertTrue(refused.getMessage(), refused.getMessage().contains(
                "'CORE_GROUP' applies to children [CHILD_PROTECTION]; child C1 is looked after"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("'NO_SUCH_REASON' is not a reason"));
        assertEquals(0, engine.db.count("concern"));
    }

    @Test
    public void theChildProcedureAndStartStageMustExist() {
        assertThrows(UnknownChildException.class, () -> engine.concerns.raise(raise("NOBODY", null, "PLAN_DRIFT")));
        RaiseConcern unknownVersion = new RaiseConcern("C1", new uk.starred.api.procedure.ProcedureRef("test-alerts",
                "9.9.9"), ConcernOrigin.RED_RAG_RATING, List.of("PLAN_DRIFT"), "d", "r", LocalDate.of(2026, 12, 1),
                "tm-1", null);
        UnknownProcedureException unknown = assertThrows(UnknownProcedureException.class,
                () -> engine.concerns.raise(unknownVersion));
        assertTrue(unknown.getMessage(), unknown.getMessage().contains("installed: [test-alerts@1.0.0]"));
        assertThrows(UnknownStageException.class, () -> engine.concerns.raise(raise("C1", "STAGE_9", "PLAN_DRIFT")));
        assertEquals(0, engine.db.count("concern"));
    }

    @Test
    public void withoutANamedProcedureTheOneSelectedForTheChildsLegalStatusIsUsed() {
        RaiseConcern unnamed = new RaiseConcern("C1", null, ConcernOrigin.RED_RAG_RATING, List.of("PLAN_DRIFT"),
                "Drift", "A plan", LocalDate.of(2026, 12, 1), "tm-1", null);
        UnknownProcedureException none = assertThrows(UnknownProcedureException.class,
                () -> engine.concerns.raise(unnamed));
        assertTrue(none.getMessage(), none.getMessage().contains("no procedure is selected for looked-after children"));

        Procedure v2 = new Procedure("test-alerts", "2.0.0", "Test Alerts Procedure, second version", ALERTS.appliesTo(),
                ALERTS.roles(), ALERTS.permissions(), ALERTS.stages(), ALERTS.reasons(), ALERTS.totalLimit(),
                ALERTS.cafcass(), ALERTS.caseNotes());
        engine.install(v2);
        engine.catalogue.select(Cohort.LOOKED_AFTER, "test-alerts");
        assertEquals("the newest installed version", v2.ref(), engine.concerns.raise(unnamed).procedure());
        engine.catalogue.select(Cohort.LOOKED_AFTER, "test-alerts@1.0.0");
        assertEquals("the version pinned", ALERTS.ref(), engine.concerns.raise(unnamed).procedure());

        engine.host.child("BOTH", Cohort.LOOKED_AFTER, Cohort.CHILD_PROTECTION).role("iro-1", "IRO", "BOTH")
                .role("tm-1", "TEAM_MANAGER", "BOTH");
        engine.catalogue.select(Cohort.CHILD_PROTECTION, "test-alerts@2.0.0");
        UnknownProcedureException differ = assertThrows(UnknownProcedureException.class,
                () -> engine.concerns.raise(new RaiseConcern("BOTH", null, ConcernOrigin.RED_RAG_RATING,
                        List.of("PLAN_DRIFT"), "Drift", "A plan", LocalDate.of(2026, 12, 1), "tm-1", null)));
        assertTrue(differ.getMessage(), differ.getMessage().contains("the procedures selected differ"));
        assertTrue(uk.starred.impl.procedure.ProcedureCatalogue.compareVersions("1.10.0", "1.9.2") > 0);
    }

    @Test
    public void theIroMayStartAtAStageTheProcedureLetsThemEnterDirectly() {
        Concern c = engine.concerns.raise(raise("C1", "HEAD_OF_SERVICE", "PLAN_DRIFT"));
        assertEquals("HEAD_OF_SERVICE", c.currentStage().orElseThrow().stageId());
        // a formal stage starts the 20 working days: from Monday 16 November to the end of Monday 14 December
        assertEquals(Instant.parse("2026-12-15T00:00:00Z"), c.formalDueAt());

        assertThrows(StageNotAllowedException.class, () -> engine.concerns.raise(raise("C1", "FORMAL", "PLAN_DRIFT")));
    }

    @Test
    public void onlyTheChildsIroOrCpcRaises() {
        NotPermittedException refused = assertThrows(NotPermittedException.class,
                () -> as("tm-1", () -> engine.concerns.raise(raise("C1", null, "PLAN_DRIFT"))));
        assertTrue(refused.getMessage(), refused.getMessage().contains("only the child's IRO or CPC may raise a concern"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("tm-1 holds TEAM_MANAGER"));
        // the CPC of another child has no right here
        assertThrows(NotPermittedException.class, () -> as("cpc-1", () -> engine.concerns.raise(raise("C1", null,
                "PLAN_DRIFT"))));
        engine.host.signIn(null);
        NotPermittedException nobody = assertThrows(NotPermittedException.class, this::raised);
        assertTrue(nobody.getMessage().contains("nobody is signed in"));
        assertEquals(0, engine.db.count("concern"));
    }

    // ------------------------------------------------------------------ responding

    @Test
    public void anAgreementWithoutActionsMakesTheIrosRemedyTheAgreedAction() {
        Concern c = raised();
        Concern agreed = as("tm-1", () -> engine.concerns.respond(c.id(), c.version(), ResponseKind.AGREE, null, null));

        assertEquals(ResponseKind.AGREE, agreed.currentStage().orElseThrow().response().kind());
        assertEquals(1, agreed.agreedActions().size());
        assertEquals("Permanence planning meeting held", agreed.agreedActions().get(0).description());
        assertEquals(LocalDate.of(2026, 11, 27), agreed.agreedActions().get(0).dueBy());

        Concern done = as("tm-1", () -> engine.concerns.completeAgreedAction(c.id(), agreed.version(), 1,
                "Meeting held 20 November"));
        assertTrue(done.agreedActions().get(0).isCompleted());
        engine.deliver();
        assertTrue(engine.host.inbox("iro-1").stream().anyMatch(n -> n.subject().contains("agreed action done")));
    }

    @Test
    public void onlyTheRespondingRoleResponds_andOnlyOnce() {
        Concern c = raised();
        NotPermittedException refused = assertThrows(NotPermittedException.class, () -> as("sw-1",
                () -> engine.concerns.respond(c.id(), c.version(), ResponseKind.AGREE, null, null)));
        assertTrue(refused.getMessage(), refused.getMessage().contains("only the child's TEAM_MANAGER may respond"));

        InvalidCommandException noReasons = assertThrows(InvalidCommandException.class, () -> as("tm-1",
                () -> engine.concerns.respond(c.id(), c.version(), ResponseKind.DISAGREE, " ", null)));
        assertTrue(noReasons.getMessage().contains("reasons: are required when disagreeing"));

        Concern disagreed = as("tm-1", () -> engine.concerns.respond(c.id(), c.version(), ResponseKind.DISAGREE,
                "The plan is on track", null));
        assertThrows(InvalidCommandException.class, () -> as("tm-1", () -> engine.concerns.respond(c.id(),
                disagreed.version(), ResponseKind.AGREE, null, null)));
        assertEquals(0, disagreed.agreedActions().size());
    }

    @Test
    public void agreedActionsAreCheckedBeforeAnythingIsStored() {
        Concern c = raised();
        InvalidCommandException refused = assertThrows(InvalidCommandException.class, () -> as("tm-1",
                () -> engine.concerns.respond(c.id(), c.version(), ResponseKind.AGREE, null, List.of(
                        new NewAgreedAction("Hold the meeting", "nobody-known", LocalDate.of(2026, 11, 20)),
                        new NewAgreedAction("", "tm-1", LocalDate.of(2026, 11, 1))))));
        assertEquals(List.of("agreedActions[0].responsible", "agreedActions[1].description", "agreedActions[1].dueBy"),
                refused.violations().stream().map(Violation::field).toList());
        assertNull(engine.concerns.find(c.id()).orElseThrow().currentStage().orElseThrow().response());
    }

    @Test
    public void noRemitSendsTheConcernWhereTheProcedureSays() {
        Concern c = raised();
        Concern moved = as("tm-1", () -> engine.concerns.respond(c.id(), c.version(), ResponseKind.NO_REMIT,
                "Needs a Head of Service decision", null));
        assertEquals(List.of("RATIFICATION", "HEAD_OF_SERVICE"), moved.stages().stream().map(StageRecord::stageId)
                .toList());
        assertEquals(StageState.COMPLETED, moved.stages().get(0).state());
        assertEquals("HEAD_OF_SERVICE", moved.currentStage().orElseThrow().stageId());
    }

    // ------------------------------------------------------------------ stages

    @Test
    public void escalationMovesStageByStageOrStraightToAStageThatMayBeEnteredDirectly() {
        Concern c = raised();
        engine.clock.advance(Duration.ofDays(1));
        Concern informal = engine.concerns.escalate(c.id(), c.version(), null, "Team Manager disagrees");
        assertEquals("INFORMAL", informal.currentStage().orElseThrow().stageId());
        // Tuesday 10:00 + 4 working days: Wed, Thu, Fri, Mon; due at midnight ending Monday 23 November
        assertEquals(Instant.parse("2026-11-24T00:00:00Z"), informal.currentStage().orElseThrow().dueAt());
        assertEquals("Escalated to 'Informal resolution'", informal.stages().get(0).outcome());

        StageNotAllowedException skip = assertThrows(StageNotAllowedException.class,
                () -> engine.concerns.escalate(c.id(), informal.version(), "RATIFICATION", null));
        assertTrue(skip.getMessage().contains("is not after the current stage"));

        Concern hos = engine.concerns.escalate(c.id(), informal.version(), "HEAD_OF_SERVICE", "Urgent");
        assertEquals("HEAD_OF_SERVICE", hos.currentStage().orElseThrow().stageId());
        StageNotAllowedException last = assertThrows(StageNotAllowedException.class,
                () -> engine.concerns.escalate(c.id(), hos.version(), null, null));
        assertTrue(last.getMessage().contains("last stage"));
    }

    @Test
    public void aStageThatMayNotBeEnteredDirectlyIsReachedOnlyStageByStage() {
        Concern c = raised();
        StageNotAllowedException refused = assertThrows(StageNotAllowedException.class,
                () -> engine.concerns.escalate(c.id(), c.version(), "FORMAL", null));
        assertTrue(refused.getMessage(), refused.getMessage().contains("straight to stage 'Formal resolution'"));
        assertEquals(1, engine.concerns.find(c.id()).orElseThrow().stages().size());
    }

    @Test
    public void bypassingRecordsEachStageSkippedWithTheReason() {
        Concern c = raised();
        StageNotAllowedException notBypassable = assertThrows(StageNotAllowedException.class, () -> engine.host.as(
                "cpc-9", () -> engine.concerns.bypass(c.id(), c.version(), "FORMAL", "Urgent placement move")));
        assertTrue(notBypassable.getMessage(), notBypassable.getMessage().contains(
                "lets only the IRO bypass stage 'Informal resolution' (IRO Handbook 6.2)"));
        assertEquals(1, engine.concerns.find(c.id()).orElseThrow().stages().size());

        Concern informal = engine.concerns.escalate(c.id(), c.version(), null, null);
        assertThrows(InvalidCommandException.class,
                () -> engine.concerns.bypass(c.id(), informal.version(), "HEAD_OF_SERVICE", " "));
        Concern hos = engine.concerns.bypass(c.id(), informal.version(), "HEAD_OF_SERVICE",
                "Placement move planned within weeks");
        assertEquals(List.of(StageState.COMPLETED, StageState.COMPLETED, StageState.BYPASSED, StageState.ACTIVE),
                hos.stages().stream().map(StageRecord::state).toList());
        assertEquals("Placement move planned within weeks", hos.stages().get(2).note());
        assertEquals("HEAD_OF_SERVICE", hos.currentStage().orElseThrow().stageId());
    }

    @Test
    public void requiredActionsAreRecordedByTheirRoleOrTheIro() {
        Concern c = raised();
        Concern informal = engine.concerns.escalate(c.id(), c.version(), null, null);
        assertThrows(NotPermittedException.class, () -> as("sw-1", () -> engine.concerns.recordAction(c.id(),
                informal.version(), "MEETING_HELD", null)));
        Concern met = as("tm-1", () -> engine.concerns.recordAction(c.id(), informal.version(), "MEETING_HELD",
                "Met on Teams"));
        Concern told = engine.concerns.recordAction(c.id(), met.version(), "YOUNG_PERSON_INFORMED",
                "Told via her advocate");
        assertEquals(List.of("MEETING_HELD", "YOUNG_PERSON_INFORMED"), told.currentStage().orElseThrow().actions()
                .stream().map(a -> a.actionId()).toList());
        assertEquals("tm-1", told.currentStage().orElseThrow().actions().get(0).doneBy());
        InvalidCommandException twice = assertThrows(InvalidCommandException.class,
                () -> engine.concerns.recordAction(c.id(), told.version(), "MEETING_HELD", null));
        assertTrue(twice.getMessage().contains("already recorded"));
        InvalidCommandException unknown = assertThrows(InvalidCommandException.class,
                () -> engine.concerns.recordAction(c.id(), told.version(), "DIRECTOR_WRITTEN_TO", null));
        assertTrue(unknown.getMessage().contains("requires no action 'DIRECTOR_WRITTEN_TO'"));
    }

    // ------------------------------------------------------------------ CAFCASS

    @Test
    public void aConcurrentCafcassReferralNeedsTheHeadOfServiceToldFirstAndLeavesTheProcessRunning() {
        Concern c = raised();
        StageNotAllowedException notTold = assertThrows(StageNotAllowedException.class,
                () -> engine.concerns.referToCafcass(c.id(), c.version(), ReferralMode.CONCURRENT, "Human rights"));
        assertTrue(notTold.getMessage().contains("requires HEAD_OF_SERVICE to be told"));

        Concern considered = engine.concerns.considerCafcassReferral(c.id(), c.version(), "Plan drift for 9 months");
        engine.deliver();
        assertTrue(engine.host.inbox("hos-1").stream().anyMatch(n -> n.subject().contains("CAFCASS referral being considered")));

        engine.clock.advance(Duration.ofHours(2));
        Concern referred = engine.concerns.referToCafcass(c.id(), considered.version(), ReferralMode.CONCURRENT,
                "The child's human rights may be breached");
        assertEquals(ConcernStatus.OPEN, referred.status());
        // 14 days from Monday 16 November, 12:00: due at the end of Monday 30 November
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), referred.cafcass().decisionDueAt());
        assertEquals(List.of("HEAD_OF_SERVICE"), referred.cafcass().informed());

        Concern decided = engine.concerns.recordCafcassDecision(c.id(), referred.version(), CafcassDecision.PROCEEDINGS,
                "CAFCASS Legal will issue proceedings");
        assertEquals(CafcassDecision.PROCEEDINGS, decided.cafcass().decision());
        assertThrows(InvalidCommandException.class, () -> engine.concerns.recordCafcassDecision(c.id(),
                decided.version(), CafcassDecision.NO_PROCEEDINGS, null));
    }

    @Test
    public void curtailingForUrgencyEndsTheProcessButCafcassCanStillDecide() {
        Concern c = raised();
        Concern considered = engine.concerns.considerCafcassReferral(c.id(), c.version(), "Placement ends in 2 weeks");
        assertThrows(StageNotAllowedException.class, () -> engine.concerns.referToCafcass(c.id(), considered.version(),
                ReferralMode.AT_END, "not at the end yet"));
        Concern curtailed = engine.concerns.referToCafcass(c.id(), considered.version(), ReferralMode.CURTAILED,
                "Placement ends in two weeks");
        assertEquals(ConcernStatus.REFERRED_TO_CAFCASS, curtailed.status());
        assertTrue(curtailed.currentStage().isEmpty());

        assertThrows(ConcernEndedException.class, () -> engine.concerns.escalate(c.id(), curtailed.version(), null,
                null));
        Concern decided = engine.concerns.recordCafcassDecision(c.id(), curtailed.version(),
                CafcassDecision.NO_PROCEEDINGS, "Resolved by agreement with the local authority");
        assertEquals(CafcassDecision.NO_PROCEEDINGS, decided.cafcass().decision());
    }

    // ------------------------------------------------------------------ endings

    @Test
    public void aResolvedConcernSaysWhereAndHowAndThenCannotChange() {
        Concern c = raised();
        Concern informal = engine.concerns.escalate(c.id(), c.version(), null, null);
        Concern resolved = engine.concerns.resolve(c.id(), informal.version(), "Permanence planning meeting booked");
        assertEquals(ConcernStatus.RESOLVED, resolved.status());
        assertEquals("Resolved: Permanence planning meeting booked", resolved.stages().get(1).outcome());
        assertThrows(ConcernEndedException.class, () -> engine.concerns.withdraw(c.id(), resolved.version(), "x"));
        assertThrows(ConcernEndedException.class, () -> as("tm-1", () -> engine.concerns.recordCommunication(c.id(),
                resolved.version(), "IRO", "email", "late note")));
    }

    @Test
    public void cafcassDecidesEvenAfterTheCouncilsProcessEnded() {
        Concern c = raised();
        Concern considered = engine.concerns.considerCafcassReferral(c.id(), c.version(), "Drift for a year");
        Concern referred = engine.concerns.referToCafcass(c.id(), considered.version(), ReferralMode.CONCURRENT,
                "Human rights");
        Concern resolved = engine.concerns.resolve(c.id(), referred.version(), "Placement agreed");
        Concern decided = engine.concerns.recordCafcassDecision(c.id(), resolved.version(),
                CafcassDecision.NO_PROCEEDINGS, "Resolved by the local authority");
        assertEquals(ConcernStatus.RESOLVED, decided.status());
        assertEquals(CafcassDecision.NO_PROCEEDINGS, decided.cafcass().decision());
        assertThrows(ConcernEndedException.class, () -> engine.concerns.recordCafcassDecision(c.id(),
                decided.version(), CafcassDecision.PROCEEDINGS, null));
    }

    @Test
    public void overlongNotesAndReasonsAreRefusedBeforeAnythingIsStored() {
        Concern c = raised();
        InvalidCommandException note = assertThrows(InvalidCommandException.class,
                () -> engine.concerns.escalate(c.id(), c.version(), null, "x".repeat(4001)));
        assertTrue(note.getMessage(), note.getMessage().contains("note: is 4001 characters long"));
        Concern informal = engine.concerns.escalate(c.id(), c.version(), null, null);
        InvalidCommandException reason = assertThrows(InvalidCommandException.class,
                () -> engine.concerns.bypass(c.id(), informal.version(), "HEAD_OF_SERVICE", "x".repeat(3995)));
        assertTrue(reason.getMessage(), reason.getMessage().contains("reason: is 3995 characters long; at most 3990"));
        assertEquals(informal, engine.concerns.find(c.id()).orElseThrow());
    }

    @Test
    public void oversightAloneDoesNotLetSomeoneRecordACommunication() {
        Concern c = raised();
        NotPermittedException refused = assertThrows(NotPermittedException.class, () -> as("qa-1",
                () -> engine.concerns.recordCommunication(c.id(), c.version(), "Team Manager", "email", "chased")));
        assertTrue(refused.getMessage(), refused.getMessage().contains("may record a communication; qa-1 holds none"));
        Concern recorded = as("sw-1", () -> engine.concerns.recordCommunication(c.id(), c.version(),
                "the young person, via her advocate", "meeting", "Explained the dispute and her right to complain"));
        assertEquals("sw-1", recorded.communications().get(0).by());
    }

    @Test
    public void closingWhenTheChildLeavesCareIsRecorded() {
        Concern c = raised();
        Concern closed = engine.concerns.close(c.id(), c.version(), "Child returned home; no longer looked after");
        assertEquals(ConcernStatus.CLOSED, closed.status());
        assertNotNull(closed.endedAt());
    }

    // ------------------------------------------------------------------ reading

    @Test
    public void onlyThoseWithARoleForTheChildSeeItsConcerns() {
        Concern c = raised();
        assertEquals(List.of(c.id()), as("sw-1", () -> engine.concerns.concernsForChild("C1")).stream()
                .map(Concern::id).toList());
        assertThrows(NotPermittedException.class, () -> as("stranger", () -> engine.concerns.find(c.id())));
        assertEquals(List.of(), as("stranger", () -> engine.concerns.concernsForChild("C1")));
        assertEquals(1, as("qa-1", () -> engine.concerns.concernsForChild("C1")).size());
        assertThrows(NotPermittedException.class, () -> engine.oversight.openConcerns(10));
        assertEquals(1, as("qa-1", () -> engine.oversight.openConcerns(10)).size());
        assertEquals(java.util.Map.of("test-alerts", 1L), engine.oversight.openConcernCounts());
    }

    // ------------------------------------------------------------------ procedures pinned

    @Test
    public void aRunningConcernKeepsTheDefinitionItStartedUnder() {
        Concern c = raised();
        Procedure v2 = new Procedure("test-alerts", "2.0.0", "Test Alerts Procedure v2", ALERTS.appliesTo(),
                ALERTS.roles(), ALERTS.permissions(), List.of(ALERTS.stages().get(1), ALERTS.stages().get(3)), ALERTS.reasons(),
                null, ALERTS.cafcass(), ALERTS.caseNotes());
        // version 1 uninstalled, version 2 installed: an engine over the same database that knows only version 2
        uk.starred.impl.procedure.ProcedureCatalogue onlyV2 = new uk.starred.impl.procedure.ProcedureCatalogue();
        onlyV2.addProvider(() -> v2);
        assertEquals(List.of(v2), onlyV2.installed());
        JpaConcernService fresh = new JpaConcernService(engine.db.jpaTemplate(), engine.clock,
                new uk.starred.impl.access.Access(engine.host, engine.host, engine.host), engine.host, engine.calendar, onlyV2,
                new ConcernStore(engine.db.jpaTemplate(), new uk.starred.impl.access.Access(engine.host, engine.host, engine.host),
                        engine.calendar));
        Concern informal = fresh.escalate(c.id(), c.version(), null, null);
        Concern formal = fresh.escalate(c.id(), informal.version(), null, null);
        assertEquals("FORMAL", formal.currentStage().orElseThrow().stageId());
        assertEquals(ALERTS.ref(), formal.procedure());
    }

    @Test
    public void aChangedDefinitionUnderAnOldVersionIsRefused() {
        raised();
        Procedure changed = new Procedure("test-alerts", "1.0.0", "Changed without a new version", ALERTS.appliesTo(),
                ALERTS.roles(), ALERTS.permissions(), ALERTS.stages(), ALERTS.reasons(), null, ALERTS.cafcass(),
                ALERTS.caseNotes());
        uk.starred.impl.procedure.ProcedureCatalogue other = new uk.starred.impl.procedure.ProcedureCatalogue();
        other.addProvider(() -> changed);
        JpaConcernService withChanged = new JpaConcernService(engine.db.jpaTemplate(), engine.clock,
                new uk.starred.impl.access.Access(engine.host, engine.host, engine.host), engine.host, engine.calendar, other,
                new ConcernStore(engine.db.jpaTemplate(), new uk.starred.impl.access.Access(engine.host, engine.host, engine.host),
                        engine.calendar));
        UnknownProcedureException refused = assertThrows(UnknownProcedureException.class,
                () -> withChanged.raise(raise("C1", null, "PLAN_DRIFT")));
        assertTrue(refused.getMessage().contains("must carry a new version"));
        assertEquals(1, engine.db.count("concern"));
    }

    @Test
    public void aChangedDefinitionThatKeepsItsVersionIsRefusedWhenItIsDeployedSayingSo() {
        raised();
        Procedure changed = new Procedure("test-alerts", "1.0.0", "Changed without a new version", ALERTS.appliesTo(),
                ALERTS.roles(), ALERTS.permissions(), ALERTS.stages(), ALERTS.reasons(), null, ALERTS.cafcass(),
                ALERTS.caseNotes());
        // a node whose catalogue can ask the database: concerns already run under 1.0.0 as it was
        uk.starred.impl.procedure.ProcedureCatalogue node = new uk.starred.impl.procedure.ProcedureCatalogue();
        new uk.starred.impl.procedure.StarredProcedureLibrary(node, engine.db.jpaTemplate());
        node.addProvider(() -> changed);
        assertEquals(List.of(), node.installed());
        assertEquals(List.of("it differs from the definition stored for concerns already running under version 1.0.0;"
                + " a changed procedure must carry a new version"), node.refused().get(0).problems());

        // a draft edited in deploy/ before any concern ran under it is not held to its version
        Procedure draft = new Procedure("test-alerts", "9.0.0", "A draft", ALERTS.appliesTo(), ALERTS.roles(),
                ALERTS.permissions(), ALERTS.stages(), ALERTS.reasons(), null, ALERTS.cafcass(), ALERTS.caseNotes());
        Procedure edited = new Procedure("test-alerts", "9.0.0", "A draft, edited", ALERTS.appliesTo(), ALERTS.roles(),
                ALERTS.permissions(), ALERTS.stages(), ALERTS.reasons(), null, ALERTS.cafcass(), ALERTS.caseNotes());
        uk.starred.api.procedure.ProcedureProvider first = () -> draft;
        node.addProvider(first);
        node.removeProvider(first);
        node.addProvider(() -> edited);
        assertEquals(List.of(edited), node.installed());
    }
}
