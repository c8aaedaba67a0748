package uk.starred.impl.descriptor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.Test;

import uk.starred.api.procedure.Procedure;
import uk.starred.impl.testing.Seeds;
import uk.starred.testkit.seeds.SeedProcedures;

/**
 * The five seed descriptors read to exactly the procedures their scenarios run, and a corpus of
 * broken descriptors, each refused with the line, the field and what was expected.
 */
public class DescriptorReaderTest {

    /** @return a seed bundle's descriptor, or one kept in the tests' resources as written in format 1 */
    static Path descriptor(String id) {
        Path kept = Path.of("src", "test", "resources", "format1", id + ".yaml");
        return Files.exists(kept) ? kept
                : Path.of("..", "procedures", id, "src", "main", "resources", "OSGI-INF", "starred", id + ".yaml");
    }

    static String text(String id) throws IOException {
        return Files.readString(descriptor(id));
    }

    static Procedure read(String name, String yaml) throws DescriptorException {
        return DescriptorReader.read(name, new StringReader(yaml));
    }

    /** @return the descriptor of the template procedure bundle, {@code procedures/template} */
    static String templateDescriptor() throws IOException {
        return Files.readString(Path.of("..", "procedures", "template", "src", "main", "resources", "OSGI-INF",
                "starred", "example-council-alerts.yaml"));
    }

    @Test
    public void theWorkedExampleInTheGuideIsTheTemplateBundlesSoundProcedure() throws Exception {
        String guide = Files.readString(Path.of("..", "docs", "procedure-descriptors.md"));
        int start = guide.indexOf("```yaml\n") + "```yaml\n".length();
        String example = guide.substring(start, guide.indexOf("```", start));
        Procedure p = read("procedure-descriptors.md", example);
        assertEquals("example-council-alerts", p.id());
        assertEquals(3, p.stages().size());
        assertTrue(p.stage("HEAD_OF_SERVICE").orElseThrow().mayEnterDirectly());
        assertEquals("the template bundle starts from the guide's example", p,
                read("example-council-alerts.yaml", templateDescriptor()));
    }

    /** @return the errors of the descriptor made by replacing {@code from} with {@code to} in seed 004's */
    private static List<DescriptorError> broken(String base, String from, String to) throws IOException {
        String yaml = text(base);
        assertTrue("the corpus edits text that is there: " + from, yaml.contains(from));
        DescriptorException refused = assertThrows(DescriptorException.class,
                () -> read("broken.yaml", yaml.replaceFirst(java.util.regex.Pattern.quote(from),
                        java.util.regex.Matcher.quoteReplacement(to))));
        return refused.errors();
    }

    /** @return the line (from 1) where the text first stands in the edited descriptor */
    private static int lineOf(String base, String from, String to, String needle) throws IOException {
        String yaml = text(base).replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        String before = yaml.substring(0, yaml.indexOf(needle));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }

    private static void refused(List<DescriptorError> errors, int line, String path, String message) {
        String all = errors.stream().map(DescriptorError::toString).collect(Collectors.joining("\n"));
        assertTrue("expected '" + path + ": " + message + "' at line " + line + " among:\n" + all,
                errors.stream().anyMatch(e -> e.line() == line && e.path().equals(path)
                        && e.message().contains(message)));
        assertTrue(all, errors.stream().allMatch(e -> e.source().equals("broken.yaml")));
    }

    /** Seed 004 as written in format 1, before its bundle moved to format 2. */
    static final String S4 = "seed-004-alert-process-format-1";
    static final String S1 = "seed-001-dispute-resolution";

    @Test
    public void anUnknownFieldIsNamedWithTheFieldsExpected() throws Exception {
        List<DescriptorError> errors = broken(S4, "title: Dispute", "colour: blue\ntitle: Dispute");
        refused(errors, lineOf(S4, "title: Dispute", "colour: blue\ntitle: Dispute", "colour"), "colour",
                "is not a field of a procedure; expected one of [appliesTo, cafcass");
    }

    @Test
    public void aStageIdUsedTwiceIsRefused() throws Exception {
        String from = "  - id: INFORMAL_ALERT";
        String to = "  - id: CONVERSATION";
        List<DescriptorError> errors = broken(S4, from, to);
        assertEquals(1, errors.size());
        refused(errors, lineOf(S4, from, to, "  - id: CONVERSATION\n    name: 'Step 2"), "stages[1].id",
                "stage id 'CONVERSATION' is used twice");
    }

    @Test
    public void aRoleTheProcedureDoesNotNameIsRefused() throws Exception {
        String from = "    respondingRole: TEAM_MANAGER";
        String to = "    respondingRole: TEAM_MANGER";
        refused(broken(S4, from, to), lineOf(S4, from, to, "TEAM_MANGER"), "stages[0].respondingRole",
                "role 'TEAM_MANGER' is not one of the procedure's roles");
    }

    @Test
    public void aTimescaleUnitNotKnownIsRefusedWithTheUnitsThatAre() throws Exception {
        String from = "timescale: 72 working hours";
        String to = "timescale: 72 workng hours";
        refused(broken(S4, from, to), lineOf(S4, from, to, "72 workng"), "stages[0].timescale",
                "'72 workng hours' is not a timescale; expected a whole number of at least 1 and a unit: working days,"
                        + " calendar days, hours or working hours");
    }

    @Test
    public void aNextStageThatDoesNotExistOrGoesBackIsRefused() throws Exception {
        String text = text(S1);
        String line = text.lines().filter(l -> l.contains("noRemitStage:")).findFirst().orElseThrow();
        refused(broken(S1, line, "    noRemitStage: STAGE_NINE"), lineOf(S1, line, "    noRemitStage: STAGE_NINE",
                "STAGE_NINE"), "stages[1].noRemitStage", "'STAGE_NINE' is not a stage of the procedure");
        String back = "    noRemitStage: " + Seeds.procedure(SeedProcedures.DISPUTE_RESOLUTION_001).stages().get(0).id();
        refused(broken(S1, line, back), lineOf(S1, line, back, back), "stages[1].noRemitStage",
                "must come after the stage, or the concern would go round in a circle");
    }

    @Test
    public void stagesAddingUpBeyondTheTotalLimitAreRefused() throws Exception {
        String from = "totalLimit: 20 working days";
        String to = "totalLimit: 10 working days";
        refused(broken(S1, from, to), lineOf(S1, from, to, to), "totalLimit",
                "the formal stages add up to 20 working days, beyond the total limit of 10 working days");
    }

    @Test
    public void aReasonCodeUsedTwiceIsRefused() throws Exception {
        String from = "  - code: CHILD_NOT_SEEN";
        String to = "  - code: SAFETY_AND_PLANNING";
        refused(broken(S4, from, to), lineOf(S4, from, to, "  - code: SAFETY_AND_PLANNING\n    label: The child"),
                "reasons[1].code", "reason code 'SAFETY_AND_PLANNING' is used twice");
    }

    @Test
    public void wrongShapesMissingFieldsAndUnknownChoicesAreAllReportedAtOnce() throws Exception {
        String yaml = text(S4).replaceFirst("title: Dispute Resolution Alert Process\n", "")
                .replaceFirst("onDeadline: PROMPT_IRO", "onDeadline: SOMETIMES")
                .replaceFirst("raisedBy:\n  - IRO\n  - CPC", "raisedBy: IRO");
        DescriptorException refused = assertThrows(DescriptorException.class, () -> read("broken.yaml", yaml));
        List<String> paths = refused.errors().stream().map(DescriptorError::path).toList();
        assertTrue(paths.toString(), paths.containsAll(List.of("title", "raisedBy", "stages[0].onDeadline")));
        assertTrue(refused.getMessage(), refused.getMessage().contains("raisedBy: expected a list, found 'IRO'"));
        assertTrue(refused.getMessage(), refused.getMessage().contains(
                "'SOMETIMES' is not known; expected one of [NOTHING, DEEMED_AGREEMENT, NEXT_STAGE, PROMPT_IRO]"));
        assertTrue(refused.getMessage(), refused.getMessage().startsWith("Procedure descriptor broken.yaml refused"));
    }

    @Test
    public void textThatIsNotYamlIsRefusedWithTheLine() {
        DescriptorException refused = assertThrows(DescriptorException.class,
                () -> read("broken.yaml", "id: x\nversion: 1.0.0\nroles: [IRO, CPC\ntitle: t\n"));
        DescriptorError error = refused.errors().get(0);
        assertTrue(error.toString(), error.message().startsWith("is not well-formed YAML"));
        assertTrue(error.toString(), error.line() >= 3);
    }

    @Test
    public void aFieldGivenTwiceIsRefused() throws Exception {
        String from = "version: 1.0.0";
        String to = "version: 1.0.0\nversion: 1.0.1";
        DescriptorException refused = assertThrows(DescriptorException.class,
                () -> read("broken.yaml", text(S4).replaceFirst(from, to)));
        assertTrue(refused.getMessage(), refused.getMessage().contains(
                "broken.yaml:" + lineOf(S4, from, to, "version: 1.0.1") + ":1"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("duplicate key version"));
    }

    @Test
    public void anEmptyDescriptorIsRefused() {
        DescriptorException refused = assertThrows(DescriptorException.class, () -> read("empty.yaml", "# nothing\n"));
        assertEquals("empty.yaml: is empty", refused.errors().get(0).toString());
    }
}
