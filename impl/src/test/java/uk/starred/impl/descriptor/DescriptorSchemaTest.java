package uk.starred.impl.descriptor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import uk.starred.api.procedure.Procedure;

/**
 * The published descriptor schema (in the API bundle, for editors and integrators' own checks) says
 * what Starred reads: every descriptor Starred accepts passes it, the refusals a schema can express
 * fail it, and its fields at every level are the fields Starred knows.
 */
public class DescriptorSchemaTest {

    static final String SCHEMA = "/uk/starred/api/procedure/procedure-descriptor.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode schemaNode() throws IOException {
        try (InputStream in = Procedure.class.getResourceAsStream(SCHEMA)) {
            assertTrue("the schema ships in the API bundle at " + SCHEMA, in != null);
            return JSON.readTree(in);
        }
    }

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode());
    }

    /** @return the descriptor as an editor's YAML support sees it */
    private static JsonNode yaml(String text) {
        return JSON.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
    }

    private static Set<ValidationMessage> check(String text) throws IOException {
        return schema().validate(yaml(text));
    }

    private static List<String> accepted() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String id : List.of("seed-000-starred-decisions", "seed-001-dispute-resolution",
                "seed-002-looked-after-reviews", "seed-003-dispute-resolution-flow-chart", "seed-004-alert-process")) {
            texts.add(DescriptorReaderTest.text(id));
        }
        texts.add(DescriptorReaderTest.text(DescriptorReaderTest.S4));
        texts.add(DescriptorReaderTest.templateDescriptor());
        // the shapes of the guide: format 2's satisfiedBy, clockFrom, copies, optional blocks
        try (java.util.stream.Stream<java.nio.file.Path> shapes = java.nio.file.Files.list(java.nio.file.Path.of("..",
                "procedures", "template", "src", "test", "resources", "shapes"))) {
            for (java.nio.file.Path shape : shapes.sorted().toList()) {
                texts.add(java.nio.file.Files.readString(shape));
            }
        }
        return texts;
    }

    @Test
    public void theSchemaIsItselfAValidDraft202012Schema() throws IOException {
        JsonSchema meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(java.net.URI.create("https://json-schema.org/draft/2020-12/schema"));
        assertEquals(Set.of(), meta.validate(schemaNode()));
    }

    @Test
    public void everyDescriptorStarredAcceptsPassesTheSchema() throws Exception {
        for (String text : accepted()) {
            Procedure read = DescriptorReaderTest.read("accepted.yaml", text);
            assertEquals(read.id(), Set.of(), check(text));
        }
    }

    @Test
    public void refusalsTheSchemaCanExpressFailItToo() throws Exception {
        String s4 = DescriptorReaderTest.text(DescriptorReaderTest.S4);
        List<String> broken = List.of(
                s4.replaceFirst("title: Dispute Resolution Alert Process\n", ""),
                s4.replaceFirst("version: 1.0.0", "version: 1.0.0\nowner: Quality Assurance"),
                s4.replaceFirst("onDeadline: PROMPT_IRO", "onDeadline: SOMETIMES"),
                s4.replaceFirst("raisedBy:\n  - IRO\n  - CPC", "raisedBy: IRO"),
                s4.replaceFirst("timescale: 72 working hours", "timescale: 72 fortnights"),
                s4.replaceFirst("  - TEAM_MANAGER", "  - Team Manager"),
                s4.replaceFirst("mayEnterDirectly: true", "mayEnterDirectly: sometimes"));
        for (String text : broken) {
            assertFalse("refused by Starred", readable(text));
            assertFalse("refused by the schema", check(text).isEmpty());
        }
    }

    private static boolean readable(String text) {
        try {
            DescriptorReaderTest.read("broken.yaml", text);
            return true;
        } catch (DescriptorException e) {
            return false;
        }
    }

    @Test
    public void theSchemaNamesExactlyTheFieldsStarredKnowsAtEveryLevelOfFormatOne() throws Exception {
        JsonNode schema = schemaNode();
        JsonNode format = schema.at("/$defs/format1/properties");
        JsonNode stage = schema.at("/$defs/stage1/properties");
        String s4 = DescriptorReaderTest.text(DescriptorReaderTest.S4);
        assertEquals(fieldsOf(format), knownFields(s4.replaceFirst("\nversion:", "\nzz: 1\nversion:")));
        assertEquals(fieldsOf(format.at("/cafcass/properties")),
                knownFields(s4.replaceFirst("\n  anyPoint:", "\n  zz: 1\n  anyPoint:")));
        assertEquals(fieldsOf(stage), knownFields(s4.replaceFirst("\n    name:", "\n    zz: 1\n    name:")));
        assertEquals(fieldsOf(stage.at("/requiredActions/items/properties")),
                knownFields(s4.replaceFirst("\n        description:", "\n        zz: 1\n        description:")));
        assertEquals(fieldsOf(format.at("/reasons/items/properties")),
                knownFields(s4.replaceFirst("\n    label:", "\n    zz: 1\n    label:")));
    }

    @Test
    public void theSchemaNamesExactlyTheFieldsStarredKnowsAtEveryLevelOfFormatTwo() throws Exception {
        JsonNode schema = schemaNode();
        JsonNode format = schema.at("/$defs/format2/properties");
        JsonNode stage = schema.at("/$defs/stage2/properties");
        String t = DescriptorReaderTest.templateDescriptor();
        assertEquals(fieldsOf(format), knownFields(t.replaceFirst("\nversion:", "\nzz: 1\nversion:")));
        assertEquals(fieldsOf(format.at("/permissions/properties")),
                knownFields(t.replaceFirst("\n  raise:", "\n  zz: 1\n  raise:")));
        assertEquals(fieldsOf(format.at("/cafcass/properties")),
                knownFields(t.replaceFirst("\n  when:", "\n  zz: 1\n  when:")));
        assertEquals(fieldsOf(stage), knownFields(t.replaceFirst("\n    name:", "\n    zz: 1\n    name:")));
        assertEquals(fieldsOf(stage.at("/requiredActions/items/properties")),
                knownFields(t.replaceFirst("\n        description:", "\n        zz: 1\n        description:")));
        assertEquals(fieldsOf(format.at("/reasons/items/properties")),
                knownFields(t.replaceFirst("\n    label:", "\n    zz: 1\n    label:")));
    }

    private static Set<String> fieldsOf(JsonNode properties) {
        assertTrue(properties.toString(), properties.isObject());
        Set<String> names = new TreeSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** @return the fields Starred names as expected where the descriptor has an unknown field {@code zz} */
    private static Set<String> knownFields(String withUnknownField) {
        DescriptorException refused = assertThrows(DescriptorException.class,
                () -> DescriptorReaderTest.read("fields.yaml", withUnknownField));
        String message = refused.errors().stream().filter(e -> e.path().endsWith("zz")).findFirst()
                .orElseThrow(() -> new AssertionError(refused.getMessage())).message();
        Matcher m = Pattern.compile("expected one of \\[(.*)]").matcher(message);
        assertTrue(message, m.find());
        return Set.of(m.group(1).split(", ")).stream().collect(Collectors.toCollection(TreeSet::new));
    }
}
