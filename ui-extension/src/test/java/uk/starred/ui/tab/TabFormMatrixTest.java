package uk.starred.ui.tab;

import static org.junit.Assert.assertEquals;
import static uk.starred.ui.tab.TabAtHand.form;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import uk.starred.api.NotPermittedException;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.ui.TabOutcome;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.impl.testing.TestProcedures;

/**
 * The role matrix through the tab's own forms, as a person posts them from the child's screen: every command by
 * a holder of each role, by the host's overseer, by staff with no role and by no one, on a concern of the
 * person's own child and of another's. Each cell is asserted against the same rules as the services' matrix
 * ({@code CaseloadMatrixTest}): a form is no way round them. The table is written to
 * {@code target/tab-form-matrix.md}.
 */
public class TabFormMatrixTest {

    private static final List<String> PEOPLE = List.of("iro", "cpc", "sw", "tm", "sm", "hos", "overseer", "stranger",
            "nobody");
    private static final Map<String, Set<String>> ALLOWED_FOR_OWN_CHILD = new LinkedHashMap<>();

    static {
        ALLOWED_FOR_OWN_CHILD.put("see the concern", Set.of("iro", "cpc", "sw", "tm", "sm", "hos", "overseer"));
        ALLOWED_FOR_OWN_CHILD.put("raise", Set.of("iro", "cpc"));
        ALLOWED_FOR_OWN_CHILD.put("respond", Set.of("tm"));
        ALLOWED_FOR_OWN_CHILD.put("record a required action", Set.of("tm", "iro", "cpc"));
        ALLOWED_FOR_OWN_CHILD.put("record a communication", Set.of("iro", "cpc", "sw", "tm", "sm", "hos"));
        ALLOWED_FOR_OWN_CHILD.put("escalate", Set.of("iro", "cpc"));
        ALLOWED_FOR_OWN_CHILD.put("bypass", Set.of("iro", "cpc"));
        // Children Act 1989 s25B(3): the IRO's alone
        ALLOWED_FOR_OWN_CHILD.put("refer to CAFCASS", Set.of("iro"));
        ALLOWED_FOR_OWN_CHILD.put("resolve", Set.of("iro", "cpc"));
        ALLOWED_FOR_OWN_CHILD.put("withdraw", Set.of("iro", "cpc"));
    }

    private Engine engine;
    private TabAtHand tab;

    @Before
    public void setUp() {
        engine = new Engine(TestDatabase.Kind.H2, Instant.parse("2026-11-16T10:00:00Z"))
                .with(TestProcedures.alerts("1.0.0"));
        engine.host().child("A", Cohort.LOOKED_AFTER).child("B", Cohort.LOOKED_AFTER).overseer("overseer")
                .staff("stranger");
        for (String child : List.of("A", "B")) {
            String suffix = child.equals("A") ? "" : "-b";
            engine.host().role("iro" + suffix, "IRO", child).role("cpc" + suffix, "CPC", child)
                    .role("sw" + suffix, "SOCIAL_WORKER", child).role("tm" + suffix, "TEAM_MANAGER", child)
                    .role("sm" + suffix, "SERVICE_MANAGER", child).role("hos" + suffix, "HEAD_OF_SERVICE", child);
        }
        tab = new TabAtHand(engine);
    }

    @After
    public void tearDown() {
        engine.close();
    }

    @Test
    public void everyFormIsAllowedOnlyToThoseTheRulesName() throws Exception {
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
        Files.writeString(Path.of("target", "tab-form-matrix.md"), table);
        assertEquals(table.toString(), List.of(), wrong);
    }

    /** @return whether the person's form went through; a refusal other than 403 or 404 fails, naming the cell */
    private boolean tries(String command, String child, String person) {
        String iro = child.equals("A") ? "iro" : "iro-b";
        String tm = child.equals("A") ? "tm" : "tm-b";
        String who = person.equals("nobody") ? "" : person;
        Concern raised = command.equals("raise") ? null : engine.host().as(iro, () -> raise(child, tm));
        Concern c = switch (command) {
            case "record a required action", "bypass" -> engine.host().as(iro, () -> engine.concerns().escalate(
                    raised.id(), raised.version(), null, "To the informal stage"));
            case "refer to CAFCASS" -> engine.host().as(iro, () -> engine.concerns().considerCafcassReferral(
                    raised.id(), raised.version(), "Drift for months"));
            default -> raised;
        };
        if (command.equals("see the concern")) {
            try {
                return tab.render(who, child).contains("Drift seen by " + child);
            } catch (NotPermittedException noOne) {
                return false;
            }
        }
        String id = c == null ? null : c.id().toString();
        String version = c == null ? null : Long.toString(c.version());
        Map<String, List<String>> posted = switch (command) {
            case "raise" -> form("op", "raise", "procedure", "test-alerts@1.0.0", "origin", "RED_RAG_RATING", "reasons",
                    "PLAN_DRIFT", "description", "Drift", "remedyWanted", "Plan", "remedyDueBy", "2026-12-01",
                    "responsiblePerson", tm);
            case "respond" -> form("op", "respond", "concern", id, "version", version, "kind", "DISAGREE", "reasons",
                    "Not agreed");
            case "record a required action" -> form("op", "record-action", "concern", id, "version", version,
                    "actionId", "MEETING_HELD", "note", "Met");
            case "record a communication" -> form("op", "record-communication", "concern", id, "version", version,
                    "withWhom", "the IRO", "channel", "telephone", "summary", "Discussed the plan");
            case "escalate" -> form("op", "escalate", "concern", id, "version", version, "note", "Not resolved");
            case "bypass" -> form("op", "bypass", "concern", id, "version", version, "toStage", "HEAD_OF_SERVICE",
                    "reason", "Urgent");
            case "refer to CAFCASS" -> form("op", "refer-to-cafcass", "concern", id, "version", version, "mode",
                    "CONCURRENT", "reason", "The child's rights may be breached");
            case "resolve" -> form("op", "resolve", "concern", id, "version", version, "how", "Plan agreed");
            case "withdraw" -> form("op", "withdraw", "concern", id, "version", version, "reason", "Raised in error");
            default -> throw new IllegalArgumentException(command);
        };
        TabOutcome outcome = tab.act(who, child, posted);
        if (outcome.isDone()) {
            return true;
        }
        if (outcome.status() == 403 || outcome.status() == 404) {
            return false;
        }
        throw new AssertionError(command + " for child " + child + " by " + person + ": " + outcome.status() + " "
                + outcome.message());
    }

    private Concern raise(String child, String tm) {
        return engine.concerns().raise(new RaiseConcern(child, TestProcedures.alerts("1.0.0").ref(),
                ConcernOrigin.RED_RAG_RATING, List.of("PLAN_DRIFT"), "Drift seen by " + child, "Plan",
                LocalDate.of(2026, 12, 1), tm, null));
    }
}
