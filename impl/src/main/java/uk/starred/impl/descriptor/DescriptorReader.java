package uk.starred.impl.descriptor;

import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import uk.starred.api.calendar.Timescale;
import uk.starred.api.calendar.TimescaleUnit;
import uk.starred.api.procedure.CafcassRule;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.OnDeadline;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.RequiredAction;
import uk.starred.api.procedure.Stage;
import uk.starred.impl.procedure.ProcedureValidator;

/**
 * Reads a procedure descriptor (YAML, see {@code docs/procedure-descriptors.md}) into a
 * {@link Procedure}. Every problem is collected, with its line, column and field, before the
 * descriptor is refused: a bad descriptor is reported once, whole. Only plain YAML is read (no tags,
 * no anchors beyond what YAML itself resolves), so a descriptor cannot make Starred create objects.
 *
 * <p>Longer than 400 lines because it reads every section of the descriptor format in one pass, so that
 * every problem of a file is found together; its methods follow the format's sections in order.
 */
public final class DescriptorReader {

    private static final Pattern TIMESCALE = Pattern.compile("\\s*(\\d{1,4})\\s+([a-z ]+?)\\s*");

    private final String source;
    private final List<DescriptorError> errors = new ArrayList<>();
    private final Map<String, Mark> marks = new HashMap<>();

    private DescriptorReader(String source) {
        this.source = source;
    }

    /**
     * @param source what the descriptor is, for messages (a file name or bundle entry)
     * @throws DescriptorException listing every problem, when the descriptor is not a sound procedure
     */
    public static Procedure read(String source, Reader yaml) throws DescriptorException {
        return new DescriptorReader(source).decode(yaml);
    }

    private Procedure decode(Reader yaml) throws DescriptorException {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            root = new Yaml(new SafeConstructor(options), new org.yaml.snakeyaml.representer.Representer(
                    new org.yaml.snakeyaml.DumperOptions()), new org.yaml.snakeyaml.DumperOptions(), options).compose(yaml);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            throw new DescriptorException(source, List.of(new DescriptorError(source,
                    mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1, "",
                    "is not well-formed YAML: " + e.getProblem())));
        } catch (RuntimeException e) {
            throw new DescriptorException(source, List.of(new DescriptorError(source, 0, 0, "",
                    "cannot be read as YAML: " + e.getMessage())));
        }
        if (root == null) {
            throw new DescriptorException(source, List.of(new DescriptorError(source, 0, 0, "", "is empty")));
        }
        Procedure procedure = procedure(root);
        if (procedure != null && errors.isEmpty()) {
            for (ProcedureValidator.Problem problem : ProcedureValidator.problems(procedure)) {
                error(markFor(problem.path()), problem.path(), problem.message());
            }
        }
        if (!errors.isEmpty()) {
            throw new DescriptorException(source, errors);
        }
        return procedure;
    }

    // ------------------------------------------------------------------ the descriptor's shape

    private Procedure procedure(Node root) {
        Fields f = fields(root, "", Set.of("id", "version", "title", "appliesTo", "roles", "raisedBy", "totalLimit",
                "caseNotes", "cafcass", "stages", "reasons"));
        if (f == null) {
            return null;
        }
        String id = f.text("id", true);
        String version = f.text("version", true);
        String title = f.text("title", true);
        Set<Cohort> appliesTo = f.cohorts("appliesTo");
        List<String> roles = f.texts("roles", true);
        List<String> raisedBy = f.texts("raisedBy", true);
        Timescale totalLimit = f.timescale("totalLimit", false);
        Map<ConcernEvent, String> caseNotes = f.caseNotes("caseNotes");
        CafcassRule cafcass = f.object("cafcass", true, this::cafcass);
        List<Stage> stages = f.objects("stages", this::stage);
        List<Reason> reasons = f.objects("reasons", this::reason);
        if (!errors.isEmpty()) {
            return null;
        }
        return new Procedure(id, version, title, appliesTo, roles, raisedBy, stages, reasons, totalLimit, cafcass,
                caseNotes);
    }

    private CafcassRule cafcass(Node node, String path) {
        Fields f = fields(node, path, Set.of("anyPoint", "informFirst", "decisionTimescale"));
        if (f == null) {
            return null;
        }
        boolean anyPoint = f.flag("anyPoint", true);
        List<String> informFirst = f.texts("informFirst", false);
        Timescale decision = f.timescale("decisionTimescale", true);
        return decision == null ? null : new CafcassRule(anyPoint, informFirst, decision);
    }

    private Stage stage(Node node, String path) {
        Fields f = fields(node, path, Set.of("id", "name", "participants", "notified", "respondingRole",
                "requiredActions", "timescale", "onDeadline", "mayEnterDirectly", "mayBypass", "formal",
                "noRemitStage", "caseNotes"));
        if (f == null) {
            return null;
        }
        String id = f.text("id", true);
        String name = f.text("name", true);
        List<String> participants = f.texts("participants", true);
        List<String> notified = f.texts("notified", false);
        String respondingRole = f.text("respondingRole", false);
        List<RequiredAction> actions = f.objects("requiredActions", this::requiredAction);
        Timescale timescale = f.timescale("timescale", false);
        OnDeadline onDeadline = f.choice("onDeadline", OnDeadline.class, OnDeadline.NOTHING);
        boolean mayEnterDirectly = f.flag("mayEnterDirectly", false);
        boolean mayBypass = f.flag("mayBypass", false);
        boolean formal = f.flag("formal", false);
        String noRemitStage = f.text("noRemitStage", false);
        Map<ConcernEvent, String> caseNotes = f.caseNotes("caseNotes");
        if (id == null || name == null) {
            return null;
        }
        return new Stage(id, name, participants, notified, respondingRole, actions, timescale, onDeadline,
                mayEnterDirectly, mayBypass, formal, noRemitStage, caseNotes);
    }

    private RequiredAction requiredAction(Node node, String path) {
        Fields f = fields(node, path, Set.of("id", "description", "byRole"));
        if (f == null) {
            return null;
        }
        String id = f.text("id", true);
        String description = f.text("description", true);
        String byRole = f.text("byRole", true);
        return id == null || description == null || byRole == null ? null : new RequiredAction(id, description, byRole);
    }

    private Reason reason(Node node, String path) {
        Fields f = fields(node, path, Set.of("code", "label", "appliesTo"));
        if (f == null) {
            return null;
        }
        String code = f.text("code", true);
        String label = f.text("label", true);
        Set<Cohort> appliesTo = f.cohorts("appliesTo");
        return code == null || label == null ? null : new Reason(code, label, appliesTo);
    }

    // ------------------------------------------------------------------ reading nodes

    private Fields fields(Node node, String path, Set<String> known) {
        mark(path, node);
        if (!(node instanceof MappingNode mapping)) {
            error(node.getStartMark(), path, "expected a set of fields (name: value), found " + kind(node));
            return null;
        }
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                error(tuple.getKeyNode().getStartMark(), path, "a field name must be plain text");
                continue;
            }
            String field = join(path, key.getValue());
            if (values.containsKey(key.getValue())) {
                error(key.getStartMark(), field, "is given twice; found duplicate key " + key.getValue());
                continue;
            }
            if (!known.contains(key.getValue())) {
                error(key.getStartMark(), field, "is not a field of " + (path.isEmpty() ? "a procedure" : path)
                        + "; expected one of " + new java.util.TreeSet<>(known));
                continue;
            }
            mark(field, tuple.getValueNode());
            values.put(key.getValue(), tuple.getValueNode());
        }
        return new Fields(path, node, values);
    }

    private final class Fields {
        private final String path;
        private final Node node;
        private final Map<String, Node> values;

        Fields(String path, Node node, Map<String, Node> values) {
            this.path = path;
            this.node = node;
            this.values = values;
        }

        private Node get(String name, boolean required) {
            Node value = values.get(name);
            if (value == null || isNull(value)) {
                if (required) {
                    error(node.getStartMark(), join(path, name), "is required");
                }
                return null;
            }
            return value;
        }

        String text(String name, boolean required) {
            Node value = get(name, required);
            if (value == null) {
                return null;
            }
            if (!(value instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                error(value.getStartMark(), join(path, name), "expected text, found " + kind(value));
                return null;
            }
            return scalar.getValue().strip();
        }

        boolean flag(String name, boolean fallback) {
            Node value = get(name, false);
            if (value == null) {
                return fallback;
            }
            String text = value instanceof ScalarNode s ? s.getValue() : "";
            if (text.equals("true") || text.equals("false")) {
                return Boolean.parseBoolean(text);
            }
            error(value.getStartMark(), join(path, name), "expected true or false, found " + kind(value));
            return fallback;
        }

        List<String> texts(String name, boolean required) {
            Node value = get(name, required);
            List<String> texts = new ArrayList<>();
            if (value == null) {
                return texts;
            }
            if (!(value instanceof SequenceNode sequence)) {
                error(value.getStartMark(), join(path, name), "expected a list, found " + kind(value));
                return texts;
            }
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Node item = sequence.getValue().get(i);
                String at = join(path, name) + "[" + i + "]";
                mark(at, item);
                if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
                    texts.add(s.getValue().strip());
                } else {
                    error(item.getStartMark(), at, "expected text, found " + kind(item));
                }
            }
            if (required && texts.isEmpty() && errors.isEmpty()) {
                error(value.getStartMark(), join(path, name), "must list at least one");
            }
            return texts;
        }

        <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
            String text = text(name, false);
            return text == null ? fallback : parseChoice(type, text, join(path, name), values.get(name), fallback);
        }

        Set<Cohort> cohorts(String name) {
            Set<Cohort> cohorts = new LinkedHashSet<>();
            List<String> texts = texts(name, true);
            for (int i = 0; i < texts.size(); i++) {
                String at = join(path, name) + "[" + i + "]";
                Cohort cohort = parseChoice(Cohort.class, texts.get(i), at, null, null);
                if (cohort != null) {
                    cohorts.add(cohort);
                }
            }
            return cohorts;
        }

        Timescale timescale(String name, boolean required) {
            String text = text(name, required);
            if (text == null) {
                return null;
            }
            Matcher m = TIMESCALE.matcher(text.toLowerCase(Locale.ROOT));
            TimescaleUnit unit = null;
            if (m.matches()) {
                unit = switch (m.group(2)) {
                    case "working day", "working days" -> TimescaleUnit.WORKING_DAYS;
                    case "day", "days", "calendar day", "calendar days" -> TimescaleUnit.CALENDAR_DAYS;
                    case "hour", "hours" -> TimescaleUnit.HOURS;
                    case "working hour", "working hours" -> TimescaleUnit.WORKING_HOURS;
                    default -> null;
                };
            }
            if (unit == null || Integer.parseInt(m.group(1)) < 1) {
                error(values.get(name).getStartMark(), join(path, name), "'" + text + "' is not a timescale; expected"
                        + " a whole number of at least 1 and a unit: working days, calendar days, hours or working"
                        + " hours (for example '5 working days')");
                return null;
            }
            return new Timescale(Integer.parseInt(m.group(1)), unit);
        }

        Map<ConcernEvent, String> caseNotes(String name) {
            Node value = get(name, false);
            Map<ConcernEvent, String> notes = new EnumMap<>(ConcernEvent.class);
            if (value == null) {
                return notes;
            }
            if (!(value instanceof MappingNode mapping)) {
                error(value.getStartMark(), join(path, name), "expected event: note type pairs, found " + kind(value));
                return notes;
            }
            for (NodeTuple tuple : mapping.getValue()) {
                String event = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
                String at = join(path, name) + "." + event;
                ConcernEvent parsed = parseChoice(ConcernEvent.class, event, at, tuple.getKeyNode(), null);
                if (tuple.getValueNode() instanceof ScalarNode v && !v.getValue().isBlank()) {
                    if (parsed != null) {
                        notes.put(parsed, v.getValue().strip());
                    }
                } else {
                    error(tuple.getValueNode().getStartMark(), at, "expected the case-note type name, found "
                            + kind(tuple.getValueNode()));
                }
            }
            return notes;
        }

        <T> T object(String name, boolean required, BiFunction<Node, String, T> reader) {
            Node value = get(name, required);
            return value == null ? null : reader.apply(value, join(path, name));
        }

        <T> List<T> objects(String name, BiFunction<Node, String, T> reader) {
            Node value = get(name, false);
            List<T> items = new ArrayList<>();
            if (value == null) {
                return items;
            }
            if (!(value instanceof SequenceNode sequence)) {
                error(value.getStartMark(), join(path, name), "expected a list, found " + kind(value));
                return items;
            }
            for (int i = 0; i < sequence.getValue().size(); i++) {
                T item = reader.apply(sequence.getValue().get(i), join(path, name) + "[" + i + "]");
                if (item != null) {
                    items.add(item);
                }
            }
            return items;
        }
    }

    private <E extends Enum<E>> E parseChoice(Class<E> type, String text, String at, Node node, E fallback) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        Mark mark = node != null ? node.getStartMark() : markFor(at);
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        error(mark, at, "'" + text + "' is not known; expected one of " + names);
        return fallback;
    }

    private void mark(String path, Node node) {
        marks.putIfAbsent(path, node.getStartMark());
    }

    /** @return the mark of the path, or of the nearest enclosing field that has one */
    private Mark markFor(String path) {
        String at = path;
        while (true) {
            Mark mark = marks.get(at);
            if (mark != null || at.isEmpty()) {
                return mark;
            }
            int cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
            at = cut < 0 ? "" : at.substring(0, cut);
        }
    }

    private void error(Mark mark, String path, String message) {
        errors.add(new DescriptorError(source, mark == null ? 0 : mark.getLine() + 1,
                mark == null ? 0 : mark.getColumn() + 1, path, message));
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && (s.getTag().getValue().endsWith(":null"));
    }

    private static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a set of fields";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        String value = ((ScalarNode) node).getValue();
        return value.isBlank() ? "nothing" : "'" + value + "'";
    }
}
