package uk.starred.impl.seeds;

import static org.junit.Assert.assertEquals;
import static uk.starred.testkit.seeds.SeedProcedures.CPC;
import static uk.starred.testkit.seeds.SeedProcedures.DEPUTY_DIRECTOR;
import static uk.starred.testkit.seeds.SeedProcedures.HEAD_OF_SERVICE;
import static uk.starred.testkit.seeds.SeedProcedures.IRO;
import static uk.starred.testkit.seeds.SeedProcedures.S004_FORMAL_ALERT;
import static uk.starred.testkit.seeds.SeedProcedures.SERVICE_MANAGER;
import static uk.starred.testkit.seeds.SeedProcedures.SOCIAL_WORKER;
import static uk.starred.testkit.seeds.SeedProcedures.TEAM_MANAGER;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized.Parameters;
import org.junit.runners.Parameterized;

import uk.starred.api.CommandRefusedException;
import uk.starred.api.NotPermittedException;
import uk.starred.api.StageNotAllowedException;
import uk.starred.api.audit.AuditEntry;
import uk.starred.api.concern.CafcassDecision;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.NewAgreedAction;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.Procedure;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.Seeds;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.testkit.seeds.SeedProcedures;

/**
 * Who may do what, as the {@link uk.starred.api.concern.ConcernService} javadoc states it, for every
 * command and every kind of person, under seed 004's alert process (which names the IRO, the Child
 * Protection Chair, the Social Worker, Team Manager, Service Manager, Head of Service and Deputy
 * Director). The child is in care and on a child protection plan, so has both an IRO and a CPC.
 * Each cell runs against a concern of its own, prepared as the IRO and Team Manager would leave it;
 * a refused command must leave the concern, its audit trail and the outbox exactly as they were.
 */
@RunWith(Parameterized.class)
public class RoleMatrixTest {

    /** The people who try each command. */
    enum Who {
        IRO("iro-1"),
        CPC_OF_ANOTHER_CHILD("cpc-2"),
        CPC("cpc-1"),
        SOCIAL_WORKER("sw-1"),
        TEAM_MANAGER("tm-1"),
        SERVICE_MANAGER("sm-1"),
        HEAD_OF_SERVICE("hos-1"),
        ROLE_THE_PROCEDURE_DOES_NOT_NAME("therapist-1"),
        STRANGER("stranger-1"),
        NOBODY(null);

        final String staffId;

        Who(String staffId) {
            this.staffId = staffId;
        }
    }

    /** What the person gets. */
    enum Outcome {
        /** Y: the command is done (a read returns the concern). */
        ALLOWED,
        /** N: {@link NotPermittedException} naming the right; nothing changed. */
        NOT_PERMITTED,
        /** 0: the list of the child's concerns comes back empty. */
        SEES_NOTHING,
        /** P: permitted, but the procedure refuses the move ({@link StageNotAllowedException}); nothing changed. */
        PROCEDURE_FORBIDS
    }

    enum Command {
        RAISE, FIND, CONCERNS_FOR_CHILD, RESPOND, RECORD_ACTION, COMPLETE_AGREED_ACTION, RECORD_COMMUNICATION,
        ESCALATE, BYPASS, CONSIDER_CAFCASS_REFERRAL, REFER_TO_CAFCASS, RECORD_CAFCASS_DECISION, RESOLVE, WITHDRAW,
        CLOSE
    }

    /**
     * The ConcernService javadoc as a table. The IRO and CPC drive a concern; the current stage's
     * responding role (step 1: the Team Manager) responds; a required action is recorded by its role
     * (here "meeting facilitated", by the Service Manager or the Head of Service) or the IRO/CPC; an
     * agreed action by its responsible person (here the Social Worker), a responding role, or the IRO/CPC;
     * anyone holding a
     * role the procedure names reads and records communications. Seed 004 lets no stage be bypassed, but the
     * law lets the IRO bypass any (IRO Handbook 6.2); only the IRO of a looked-after child refers to CAFCASS.
     */
    private static final String[] TABLE = {
        //                        IRO  CPC-2 CPC  SW   TM   SM   HoS  other stranger nobody
        "RAISE                     Y    N     Y    N    N    N    N    N     N        N",
        "FIND                      Y    N     Y    Y    Y    Y    Y    N     N        N",
        "CONCERNS_FOR_CHILD        Y    0     Y    Y    Y    Y    Y    0     0        N",
        "RESPOND                   N    N     N    N    Y    N    N    N     N        N",
        "RECORD_ACTION             Y    N     Y    N    N    Y    Y    N     N        N",
        "COMPLETE_AGREED_ACTION    Y    N     Y    Y    Y    N    N    N     N        N",
        "RECORD_COMMUNICATION      Y    N     Y    Y    Y    Y    Y    N     N        N",
        "ESCALATE                  Y    N     Y    N    N    N    N    N     N        N",
        "BYPASS                    Y    N     P    N    N    N    N    N     N        N",
        "CONSIDER_CAFCASS_REFERRAL Y    N     N    N    N    N    N    N     N        N",
        "REFER_TO_CAFCASS          Y    N     N    N    N    N    N    N     N        N",
        "RECORD_CAFCASS_DECISION   Y    N     Y    N    N    N    N    N     N        N",
        "RESOLVE                   Y    N     Y    N    N    N    N    N     N        N",
        "WITHDRAW                  Y    N     Y    N    N    N    N    N     N        N",
        "CLOSE                     Y    N     Y    N    N    N    N    N     N        N",
    };

    /** The right each refusal must name, in the engine's words. */
    private static final Map<Command, String> RIGHT = new EnumMap<>(Map.ofEntries(
            Map.entry(Command.RAISE, "only the child's IRO or CPC may raise a concern"),
            Map.entry(Command.FIND, "so may not see this concern"),
            Map.entry(Command.RESPOND, "only the child's TEAM_MANAGER may respond in stage 'Step 1: conversation with"
                    + " the Social Worker and Team Manager'"),
            Map.entry(Command.RECORD_ACTION, "only the child's SERVICE_MANAGER or HEAD_OF_SERVICE or IRO or CPC may"
                    + " record 'Meeting facilitated by Service Manager or Head of Service'"),
            Map.entry(Command.COMPLETE_AGREED_ACTION, "only the child's IRO or CPC or TEAM_MANAGER may record agreed"
                    + " action 1 as done"),
            Map.entry(Command.RECORD_COMMUNICATION, "may record a communication"),
            Map.entry(Command.ESCALATE, "only the child's IRO or CPC may escalate a concern"),
            Map.entry(Command.BYPASS, "only the child's IRO or CPC may bypass stages"),
            Map.entry(Command.CONSIDER_CAFCASS_REFERRAL,
                    "only the child's IRO may consider a CAFCASS referral (Children Act 1989 s25B(3))"),
            Map.entry(Command.REFER_TO_CAFCASS,
                    "only the child's IRO may refer the case to CAFCASS (Children Act 1989 s25B(3))"),
            Map.entry(Command.RECORD_CAFCASS_DECISION, "only the child's IRO or CPC may record CAFCASS's decision"),
            Map.entry(Command.RESOLVE, "only the child's IRO or CPC may resolve a concern"),
            Map.entry(Command.WITHDRAW, "only the child's IRO or CPC may withdraw a concern"),
            Map.entry(Command.CLOSE, "only the child's IRO or CPC may close a concern")));

    /** The audit trail's name for each command that changes a concern. */
    private static final Map<Command, String> AUDITED_AS = new EnumMap<>(Map.ofEntries(
            Map.entry(Command.RAISE, "raise"), Map.entry(Command.RESPOND, "respond"),
            Map.entry(Command.RECORD_ACTION, "recordAction"),
            Map.entry(Command.COMPLETE_AGREED_ACTION, "completeAgreedAction"),
            Map.entry(Command.RECORD_COMMUNICATION, "recordCommunication"), Map.entry(Command.ESCALATE, "escalate"),
            Map.entry(Command.BYPASS, "bypass"), Map.entry(Command.CONSIDER_CAFCASS_REFERRAL, "considerCafcassReferral"),
            Map.entry(Command.REFER_TO_CAFCASS, "referToCafcass"),
            Map.entry(Command.RECORD_CAFCASS_DECISION, "recordCafcassDecision"), Map.entry(Command.RESOLVE, "resolve"),
            Map.entry(Command.WITHDRAW, "withdraw"), Map.entry(Command.CLOSE, "close")));

    static final Procedure PROCEDURE = Seeds.procedure(SeedProcedures.ALERT_PROCESS_004);

    @Parameters(name = "{0} {1}")
    public static Collection<Object[]> cases() {
        List<Object[]> cases = new ArrayList<>();
        for (Object[] database : TestDatabase.kinds()) {
            for (Command command : Command.values()) {
                cases.add(new Object[] {database[0], command});
            }
        }
        return cases;
    }

    private final TestDatabase.Kind kind;
    private final Command command;
    private Engine engine;

    public RoleMatrixTest(TestDatabase.Kind kind, Command command) {
        this.kind = kind;
        this.command = command;
    }

    @Before
    public void setUp() {
        engine = new Engine(kind, Instant.parse("2026-11-16T10:00:00Z")).with(PROCEDURE);
        engine.host.child("C1", Cohort.LOOKED_AFTER, Cohort.CHILD_PROTECTION).child("C2", Cohort.CHILD_PROTECTION)
                .role("iro-1", IRO, "C1").role("cpc-1", CPC, "C1").role("cpc-2", CPC, "C2")
                .role("sw-1", SOCIAL_WORKER, "C1").role("tm-1", TEAM_MANAGER, "C1").role("sm-1", SERVICE_MANAGER, "C1")
                .role("hos-1", HEAD_OF_SERVICE, "C1").role("dd-1", DEPUTY_DIRECTOR, "C1")
                // seed 004 mentions consulting a family therapist, but gives the role no part in the procedure
                .role("therapist-1", "FAMILY_THERAPIST", "C1")
                .staff("stranger-1").overseer("qa-1");
    }

    @After
    public void tearDown() {
        engine.close();
    }

    @Test
    public void everyoneGetsWhatTheConcernServiceSaysAndARefusalChangesNothing() {
        List<Outcome> expected = row(command);
        List<String> wrong = new ArrayList<>();
        for (Who who : Who.values()) {
            String cell = command + " by " + who + ": ";
            Concern before = command == Command.RAISE ? null : prepare();
            int concerns = engine.db.count("concern");
            int audit = engine.db.count("audit_entry");
            int outbox = engine.db.count("outbox");

            Outcome actual;
            Object result = null;
            CommandRefusedException refusal = null;
            try {
                result = engine.host.as(who.staffId, () -> run(before));
                actual = result instanceof List<?> list && list.isEmpty() ? Outcome.SEES_NOTHING : Outcome.ALLOWED;
            } catch (NotPermittedException e) {
                actual = Outcome.NOT_PERMITTED;
                refusal = e;
            } catch (StageNotAllowedException e) {
                actual = Outcome.PROCEDURE_FORBIDS;
                refusal = e;
            } catch (CommandRefusedException e) {
                wrong.add(cell + "refused unexpectedly: " + e);
                continue;
            }
            Outcome want = expected.get(who.ordinal());
            if (actual != want) {
                wrong.add(cell + "expected " + want + " but was " + actual
                        + (refusal == null ? "" : " (" + refusal.getMessage() + ")"));
                continue;
            }
            if (actual == Outcome.ALLOWED) {
                checkDone(cell, who, before, result, concerns, audit, wrong);
            } else {
                if (actual == Outcome.NOT_PERMITTED) {
                    String right = who == Who.NOBODY ? "nobody is signed in" : RIGHT.get(command);
                    if (!refusal.getMessage().contains(right)) {
                        wrong.add(cell + "the refusal does not name the right '" + right + "': "
                                + refusal.getMessage());
                    }
                }
                checkUnchanged(cell, before, concerns, audit, outbox, wrong);
            }
        }
        assertEquals("cells that differ from the table", List.of(), wrong);
    }

    // ------------------------------------------------------------------ the table

    private static List<Outcome> row(Command command) {
        for (String line : TABLE) {
            String[] cells = line.trim().split("\\s+");
            if (cells[0].equals(command.name())) {
                List<Outcome> row = Arrays.stream(cells).skip(1).map(RoleMatrixTest::outcome).toList();
                assertEquals(line, Who.values().length, row.size());
                return row;
            }
        }
        throw new AssertionError("no row for " + command);
    }

    private static Outcome outcome(String cell) {
        return switch (cell) {
            case "Y" -> Outcome.ALLOWED;
            case "N" -> Outcome.NOT_PERMITTED;
            case "0" -> Outcome.SEES_NOTHING;
            case "P" -> Outcome.PROCEDURE_FORBIDS;
            default -> throw new AssertionError("unknown cell " + cell);
        };
    }

    // ------------------------------------------------------------------ preparing and running each command

    private RaiseConcern raiseCommand() {
        return new RaiseConcern("C1", PROCEDURE.ref(), ConcernOrigin.CONCERN_OUTSIDE_REVIEW,
                List.of("REVIEW_LATE_OR_CANCELLED"), "The review was cancelled without the IRO's agreement",
                "Review held", LocalDate.of(2026, 11, 27), "tm-1", null);
    }

    /** A concern at step 1, prepared by the IRO (and the Team Manager) as the command needs it. */
    private Concern prepare() {
        Concern raised = engine.host.as("iro-1", () -> engine.concerns.raise(raiseCommand()));
        return switch (command) {
            case COMPLETE_AGREED_ACTION -> engine.host.as("tm-1", () -> engine.concerns.respond(raised.id(),
                    raised.version(), ResponseKind.AGREE, null, List.of(new NewAgreedAction("Child seen alone", "sw-1",
                            LocalDate.of(2026, 11, 20)))));
            case REFER_TO_CAFCASS -> considered(raised);
            // step 1 is resolved once the agreed solution is recorded as emailed
            case RESOLVE -> engine.host.as("iro-1", () -> engine.concerns.recordAction(raised.id(), raised.version(),
                    "AGREED_SOLUTION_EMAILED", "Emailed to all involved"));
            case RECORD_CAFCASS_DECISION -> {
                Concern considered = considered(raised);
                yield engine.host.as("iro-1", () -> engine.concerns.referToCafcass(considered.id(),
                        considered.version(), ReferralMode.CONCURRENT, "Reviews repeatedly cancelled"));
            }
            default -> raised;
        };
    }

    private Concern considered(Concern c) {
        return engine.host.as("iro-1", () -> engine.concerns.considerCafcassReferral(c.id(), c.version(),
                "Reviews repeatedly cancelled"));
    }

    private Object run(Concern c) {
        return switch (command) {
            case RAISE -> engine.concerns.raise(raiseCommand());
            case FIND -> engine.concerns.find(c.id());
            case CONCERNS_FOR_CHILD -> engine.concerns.concernsForChild("C1");
            case RESPOND -> engine.concerns.respond(c.id(), c.version(), ResponseKind.DISAGREE, "Reasons", null);
            case RECORD_ACTION -> engine.concerns.recordAction(c.id(), c.version(), "MEETING_FACILITATED", "Done");
            case COMPLETE_AGREED_ACTION -> engine.concerns.completeAgreedAction(c.id(), c.version(), 1, "Seen alone");
            case RECORD_COMMUNICATION -> engine.concerns.recordCommunication(c.id(), c.version(), "the family",
                    "telephone", "Told of the alert");
            case ESCALATE -> engine.concerns.escalate(c.id(), c.version(), null, "Not resolved");
            case BYPASS -> engine.concerns.bypass(c.id(), c.version(), S004_FORMAL_ALERT, "Urgent");
            case CONSIDER_CAFCASS_REFERRAL -> engine.concerns.considerCafcassReferral(c.id(), c.version(), "Drift");
            case REFER_TO_CAFCASS -> engine.concerns.referToCafcass(c.id(), c.version(), ReferralMode.CONCURRENT,
                    "Drift");
            case RECORD_CAFCASS_DECISION -> engine.concerns.recordCafcassDecision(c.id(), c.version(),
                    CafcassDecision.NO_PROCEEDINGS, "No proceedings");
            case RESOLVE -> engine.concerns.resolve(c.id(), c.version(), "Review held");
            case WITHDRAW -> engine.concerns.withdraw(c.id(), c.version(), "Raised in error");
            case CLOSE -> engine.concerns.close(c.id(), c.version(), "Child returned home");
        };
    }

    // ------------------------------------------------------------------ checks

    private void checkDone(String cell, Who who, Concern before, Object result, int concerns, int audit,
            List<String> wrong) {
        switch (command) {
            case FIND -> {
                if (!Optional.of(before).equals(result)) {
                    wrong.add(cell + "found " + result + " instead of the concern");
                }
                expectCount(cell, "audit_entry", audit, wrong);
            }
            case CONCERNS_FOR_CHILD -> {
                if (!((List<?>) result).stream().map(c -> ((Concern) c).id()).toList().contains(before.id())) {
                    wrong.add(cell + "the child's concerns do not include the concern");
                }
                expectCount(cell, "audit_entry", audit, wrong);
            }
            case RAISE -> {
                expectCount(cell, "concern", concerns + 1, wrong);
                expectCount(cell, "audit_entry", audit + 1, wrong);
                Concern raised = (Concern) result;
                if (!who.staffId.equals(raised.raisedBy())) {
                    wrong.add(cell + "raised by " + raised.raisedBy());
                }
                lastEntry(cell, raised, who, wrong);
            }
            default -> {
                Concern after = (Concern) result;
                if (after.version() != before.version() + 1) {
                    wrong.add(cell + "version " + before.version() + " became " + after.version());
                }
                expectCount(cell, "audit_entry", audit + 1, wrong);
                lastEntry(cell, after, who, wrong);
            }
        }
    }

    private void lastEntry(String cell, Concern after, Who who, List<String> wrong) {
        List<AuditEntry> entries = engine.host.as("qa-1", () -> engine.audit.entriesFor(after.id()));
        AuditEntry last = entries.get(entries.size() - 1);
        if (!last.command().equals(AUDITED_AS.get(command)) || !last.actor().equals(who.staffId)) {
            wrong.add(cell + "the audit trail ends with " + last.command() + " by " + last.actor());
        }
        if (!engine.host.as("qa-1", () -> engine.audit.verify(after.id())).intact()) {
            wrong.add(cell + "the audit trail is not intact");
        }
    }

    private void checkUnchanged(String cell, Concern before, int concerns, int audit, int outbox, List<String> wrong) {
        expectCount(cell, "concern", concerns, wrong);
        expectCount(cell, "audit_entry", audit, wrong);
        expectCount(cell, "outbox", outbox, wrong);
        if (before != null) {
            Concern stored = engine.host.as("iro-1", () -> engine.concerns.find(before.id())).orElseThrow();
            if (!stored.equals(before)) {
                wrong.add(cell + "the concern changed: version " + before.version() + " is now " + stored.version());
            }
        }
    }

    private void expectCount(String cell, String table, int count, List<String> wrong) {
        int now = engine.db.count(table);
        if (now != count) {
            wrong.add(cell + table.toLowerCase(Locale.ROOT) + " rows " + count + " became " + now);
        }
    }
}
