package uk.starred.impl.verify;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

import uk.starred.api.NotPermittedException;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.procedure.Cohort;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.impl.testing.TestProcedures;

/**
 * Every command by every role, by someone the host knows with no role, and by no one signed in, for a child
 * of the person's own caseload and for another's: allowed or refused, each cell asserted against the rules
 * the procedure and the host set (only the raising roles raise; only a stage's responders respond; only the
 * child's own people see the child; oversight only to those the host marks; the CAFCASS referral the IRO's
 * alone, the law). Each cell is tried on a concern in the state the command needs, raised afresh; the table
 * it finds is written to {@code target/role-matrix-<database>.md}. The seeds' own matrix
 * ({@code uk.starred.impl.seeds.RoleMatrixTest}) tries every command under seed 004 and checks that a refusal
 * changes nothing; this one adds the child of another's caseload, the overseer, and no one signed in.
 */
@RunWith(Parameterized.class)
public class CaseloadMatrixTest {

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.kinds();
    }

    /** Who tries: a holder of each role for child A, the host's overseer, a member of staff with no role, no one. */
    private static final List<String> PEOPLE = List.of("iro", "cpc", "sw", "tm", "sm", "hos", "overseer", "stranger",
            "nobody");

    /** The command, and who may give it for a child of their own caseload. */
    private static final Map<String, Set<String>> ALLOWED_FOR_OWN_CHILD = new LinkedHashMap<>();

    static {
        // the child's own people and those the host marks as overseeing the service see the child's concerns
        ALLOWED_FOR_OWN_CHILD.put("see the concern", Set.of("iro", "cpc", "sw", "tm", "sm", "hos", "overseer"));
        // the procedure's raising roles
        ALLOWED_FOR_OWN_CHILD.put("raise", Set.of("iro", "cpc"));
        // the stage's responders
        ALLOWED_FOR_OWN_CHILD.put("respond", Set.of("tm"));
        // the action's role, and those who drive the concern
        ALLOWED_FOR_OWN_CHILD.put("record a required action", Set.of("tm", "iro", "cpc"));
        // anyone holding a role in the procedure for the child
        ALLOWED_FOR_OWN_CHILD.put("record a communication", Set.of("iro", "cpc", "sw", "tm", "sm", "hos"));
        // the procedure's escalating roles
        ALLOWED_FOR_OWN_CHILD.put("escalate", Set.of("iro", "cpc"));
        ALLOWED_FOR_OWN_CHILD.put("bypass", Set.of("iro", "cpc"));
        // Children Act 1989 s25B(3): the IRO's alone
        ALLOWED_FOR_OWN_CHILD.put("refer to CAFCASS", Set.of("iro"));
        // the procedure's resolving roles
        ALLOWED_FOR_OWN_CHILD.put("resolve", Set.of("iro", "cpc"));
        ALLOWED_FOR_OWN_CHILD.put("withdraw", Set.of("iro", "cpc"));
    }

    private final TestDatabase.Kind kind;
    private Engine engine;

    public CaseloadMatrixTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        engine = new Engine(kind, Instant.parse("2026-11-16T10:00:00Z")).with(TestProcedures.alerts("1.0.0"));
        engine.host.child("A", Cohort.LOOKED_AFTER).child("B", Cohort.LOOKED_AFTER).overseer("overseer")
                .staff("stranger");
        for (String child : List.of("A", "B")) {
            String suffix = child.equals("A") ? "" : "-b";
            engine.host.role("iro" + suffix, "IRO", child).role("cpc" + suffix, "CPC", child)
                    .role("sw" + suffix, "SOCIAL_WORKER", child).role("tm" + suffix, "TEAM_MANAGER", child)
                    .role("sm" + suffix, "SERVICE_MANAGER", child).role("hos" + suffix, "HEAD_OF_SERVICE", child);
        }
    }

    @After
    public void tearDown() {
        engine.close();
    }

    @Test
    public void eachCommandIsAllowedOnlyToThoseTheRulesName() throws Exception {
        List<String> wrong = new ArrayList<>();
        StringBuilder table = new StringBuilder("| command | child | " + String.join(" | ", PEOPLE) + " |\n|---|---|"
                + "---|".repeat(PEOPLE.size()) + "\n");
        for (String command : ALLOWED_FOR_OWN_CHILD.keySet()) {
            for (String child : List.of("A", "B")) {
                table.append("| ").append(command).append(" | ").append(child.equals("A") ? "own" : "another's")
                        .append(" |");
                for (String person : PEOPLE) {
                    boolean expected = (child.equals("A") || person.equals("overseer") && command.equals("see the concern"))
                            && ALLOWED_FOR_OWN_CHILD.get(command).contains(person);
                    boolean allowed = tries(command, child, person);
                    table.append(allowed ? " allowed |" : " refused |");
                    if (allowed != expected) {
                        wrong.add(command + " for " + (child.equals("A") ? "their own" : "another's") + " child by "
                                + person + ": " + (allowed ? "allowed" : "refused") + ", expected the opposite");
                    }
                }
                table.append("\n");
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "role-matrix-" + kind + ".md"), table);
        assertEquals(table.toString(), List.of(), wrong);
    }

    /**
     * @return whether the person may give the command for the child: the command succeeded, or it was refused
     *         as not permitted; anything else fails the test, naming the cell
     */
    private boolean tries(String command, String child, String person) {
        String iro = child.equals("A") ? "iro" : "iro-b";
        String tm = child.equals("A") ? "tm" : "tm-b";
        Function<Concern, Concern> act;
        Concern raised = command.equals("raise") ? null : engine.host.as(iro, () -> raise(child, tm));
        Concern c = switch (command) {
            case "record a required action", "bypass" -> engine.host.as(iro, () -> engine.concerns.escalate(
                    raised.id(), raised.version(), null, "To the informal stage"));
            case "refer to CAFCASS" -> engine.host.as(iro, () -> engine.concerns.considerCafcassReferral(raised.id(),
                    raised.version(), "Drift for months"));
            default -> raised;
        };
        act = switch (command) {
            case "see the concern" -> x -> engine.concerns.find(x.id()).orElseThrow();
            case "raise" -> x -> raise(child, tm);
            case "respond" -> x -> engine.concerns.respond(x.id(), x.version(), ResponseKind.DISAGREE, "Not agreed",
                    null);
            case "record a required action" -> x -> engine.concerns.recordAction(x.id(), x.version(), "MEETING_HELD",
                    "Met");
            case "record a communication" -> x -> engine.concerns.recordCommunication(x.id(), x.version(), "the IRO",
                    "telephone", "Discussed the plan");
            case "escalate" -> x -> engine.concerns.escalate(x.id(), x.version(), null, "Not resolved");
            case "bypass" -> x -> engine.concerns.bypass(x.id(), x.version(), "HEAD_OF_SERVICE", "Urgent");
            case "refer to CAFCASS" -> x -> engine.concerns.referToCafcass(x.id(), x.version(), ReferralMode.CONCURRENT,
                    "The child's rights may be breached");
            case "resolve" -> x -> engine.concerns.resolve(x.id(), x.version(), "Plan agreed");
            case "withdraw" -> x -> engine.concerns.withdraw(x.id(), x.version(), "Raised in error");
            default -> throw new IllegalArgumentException(command);
        };
        try {
            engine.host.as(person.equals("nobody") ? "" : person, () -> act.apply(c));
            return true;
        } catch (NotPermittedException refused) {
            return false;
        } catch (RuntimeException other) {
            throw new AssertionError(command + " for child " + child + " by " + person + ": " + other, other);
        }
    }

    private Concern raise(String child, String tm) {
        return engine.concerns.raise(new RaiseConcern(child, TestProcedures.alerts("1.0.0").ref(),
                ConcernOrigin.RED_RAG_RATING, List.of("PLAN_DRIFT"), "Drift", "Plan", LocalDate.of(2026, 12, 1), tm,
                null));
    }
}
