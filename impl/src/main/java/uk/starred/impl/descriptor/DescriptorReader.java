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
import uk.starred.api.procedure.ClockStart;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.Ending;
import uk.starred.api.procedure.Gate;
import uk.starred.api.procedure.KeepInformed;
import uk.starred.api.procedure.Opening;
import uk.starred.api.procedure.OpeningEvent;
import uk.starred.api.procedure.MoreTime;
import uk.starred.api.procedure.OnDeadline;
import uk.starred.api.procedure.Permissions;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.ReferralWindow;
import uk.starred.api.procedure.RequiredAction;
import uk.starred.api.procedure.RoleWords;
import uk.starred.api.procedure.SatisfiedBy;
import uk.starred.api.procedure.Stage;
import uk.starred.api.procedure.StageEntry;
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

    /** @return the descriptor's text, refused when larger than {@link #MAX_CHARACTERS}, before any of it is parsed */
    private Reader bounded(Reader input) throws DescriptorException {
        char[] text = new char[MAX_CHARACTERS + 1];
        int length = 0;
        try {
            for (int n = input.read(text, 0, text.length); n > 0 && length < text.length;
                    n = input.read(text, length, text.length - length)) {
                length += n;
            }
        } catch (java.io.IOException e) {
            throw new DescriptorException(source, List.of(new DescriptorError(source, 0, 0, "",
                    "could not be read: " + e.getMessage())));
        }
        if (length > MAX_CHARACTERS) {
            throw new DescriptorException(source, List.of(new DescriptorError(source, 0, 0, "",
                    "is larger than " + MAX_CHARACTERS / 1024 + " KB; a procedure's descriptor is a few kilobytes")));
        }
        return new java.io.StringReader(new String(text, 0, length));
    }

    /** The most a descriptor may hold: seed procedures are a few kilobytes. */
    public static final int MAX_CHARACTERS = 1024 * 1024;

    private Procedure decode(Reader input) throws DescriptorException {
        Reader yaml = bounded(input);
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
        if (procedure != null) {
            List<String> broken = errors.stream().map(DescriptorError::path).toList();
            Set<String> said = new java.util.HashSet<>();
            for (ProcedureValidator.Problem problem : ProcedureValidator.problems(procedure)) {
                String path = inTheFile(problem.path());
                if (broken.stream().noneMatch(field -> within(path, field)) && said.add(path + problem.message())) {
                    error(markFor(path), path, problem.message());
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(DescriptorError::line).thenComparingInt(DescriptorError::column));
            throw new DescriptorException(source, errors);
        }
        return procedure;
    }

    /**
     * @return the path of a problem found in the procedure as read, as it stands in the file: a stage
     *         that is one level of a ladder is found at its level, and the level's role at {@code role}
     */
    private String inTheFile(String path) {
        java.util.regex.Matcher o = Pattern.compile("^openedBy\\[(\\d+)](.*)$").matcher(path);
        if (o.matches() && Integer.parseInt(o.group(1)) < openingSources.size()) {
            return openingSources.get(Integer.parseInt(o.group(1))) + o.group(2);
        }
        java.util.regex.Matcher m = Pattern.compile("^stages\\[(\\d+)](.*)$").matcher(path);
        if (!m.matches() || Integer.parseInt(m.group(1)) >= stageSources.size()) {
            return path;
        }
        StageSource from = stageSources.get(Integer.parseInt(m.group(1)));
        String rest = m.group(2);
        if (from.level() && (rest.startsWith(".responders") || rest.startsWith(".participants[")
                && Integer.parseInt(rest.replaceAll("\\D", "")) >= from.sharedParticipants())) {
            return from.path() + ".role";
        }
        return from.path() + rest;
    }

    /**
     * Where a stage of the procedure as read comes from in the file: a stage, or one level of a ladder.
     *
     * @param sharedParticipants how many participants the level shares with its ladder, before its own role
     */
    private record StageSource(String path, boolean level, int sharedParticipants) {
    }

    /** For each opening read, in order, where it stands in the file (one refused in shape is not read). */
    private final List<String> openingSources = new ArrayList<>();

    /** For each stage read, in order, where it stands in the file. */
    private final List<StageSource> stageSources = new ArrayList<>();

    /** @return whether the path is the field or lies inside it, so that one problem is not reported twice */
    private static boolean within(String path, String field) {
        return !field.isEmpty() && (path.equals(field) || path.startsWith(field + ".") || path.startsWith(field + "["));
    }

    // ------------------------------------------------------------------ the descriptor's shape

    private static final Set<String> PROCEDURE_1 = Set.of("id", "version", "title", "appliesTo", "roles", "raisedBy",
            "totalLimit", "caseNotes", "cafcass", "stages", "reasons");
    private static final Set<String> PROCEDURE_2 = Set.of("format", "id", "version", "title", "appliesTo", "roles",
            "permissions", "totalLimit", "caseNotes", "cafcass", "stages", "reasons", "keepInformed", "openedBy");
    private static final Set<String> STAGE_1 = Set.of("id", "name", "participants", "notified", "respondingRole",
            "requiredActions", "timescale", "onDeadline", "mayEnterDirectly", "mayBypass", "formal", "noRemitStage",
            "caseNotes");
    private static final Set<String> STAGE_2 = Set.of("id", "name", "participants", "notified", "copied", "responders",
            "requiredActions", "timescale", "onSilence", "afterResponse", "mayEnterDirectly", "mayBypass", "formal",
            "noRemitStage", "caseNotes", "satisfiedBy", "clockFrom", "ladder", "enteredBy", "endings", "overdueActionsTold",
            "moreTime", "episode");

    /** The choices only format 2 has: a format 1 descriptor keeps the choices it always had. */
    private static final Set<Enum<?>> FORMAT_2_ONLY = Set.of(OnDeadline.REFER_TO_CAFCASS, ConcernEvent.DEADLINE_PASSED,
            ConcernEvent.AGREED_ACTION_OVERDUE, ConcernEvent.ENDED, ConcernEvent.MORE_TIME_REQUESTED,
            ConcernEvent.MORE_TIME_DECIDED, ConcernEvent.FAMILY_UPDATE_SENT);

    /** The format the descriptor says it is written in: 1 unless it says {@code format: 2}. */
    private int format = 1;

    private Procedure procedure(Node root) {
        format = format(root);
        Fields f = fields(root, "", format == 1 ? PROCEDURE_1 : PROCEDURE_2);
        if (f == null) {
            return null;
        }
        String id = f.text("id", true);
        String version = f.text("version", true);
        String title = f.text("title", true);
        Set<Cohort> appliesTo = f.cohorts("appliesTo");
        List<String> roles = f.texts("roles", true);
        Permissions permissions;
        if (format == 1) {
            List<String> raisedBy = f.texts("raisedBy", true);
            permissions = Permissions.drivenBy(raisedBy);
        } else {
            permissions = f.object("permissions", true, this::permissions);
        }
        Timescale totalLimit = f.timescale("totalLimit", false);
        Map<ConcernEvent, String> caseNotes = f.caseNotes("caseNotes");
        CafcassRule cafcass = f.object("cafcass", format == 1, this::cafcass);
        List<Stage> stages = f.objects("stages", this::stages).stream().flatMap(List::stream).toList();
        List<Reason> reasons = f.objects("reasons", this::reason);
        KeepInformed keepInformed = format == 1 ? null : f.object("keepInformed", false, this::keepInformed);
        List<Opening> openedBy = format == 1 ? List.of() : f.objects("openedBy", this::opening);
        return new Procedure(orEmpty(id), orEmpty(version), orEmpty(title), appliesTo, roles,
                permissions == null ? Permissions.drivenBy(List.of()) : permissions, stages, reasons, totalLimit,
                cafcass == null ? CafcassRule.NATIONAL : cafcass, caseNotes, format, keepInformed, openedBy);
    }

    private Opening opening(Node node, String path) {
        Fields f = fields(node, path, Set.of("when", "atStage", "reason"));
        if (f == null) {
            return null;
        }
        OpeningEvent when = f.text("when", true) == null ? null : f.choice("when", OpeningEvent.class, null);
        String atStage = f.text("atStage", true);
        String reason = f.text("reason", false);
        if (when == null || atStage == null) {
            return null;
        }
        openingSources.add(path);
        return new Opening(when, atStage, reason == null ? Reason.OTHER.code() : reason);
    }

    private KeepInformed keepInformed(Node node, String path) {
        Fields f = fields(node, path, Set.of("stages", "contact", "advocacy"));
        if (f == null) {
            return null;
        }
        return new KeepInformed(f.texts("stages", false), f.text("contact", false), f.text("advocacy", false));
    }

    private MoreTime moreTime(Node node, String path) {
        Fields f = fields(node, path, Set.of("requestedBy", "decidedBy"));
        if (f == null) {
            return null;
        }
        return new MoreTime(f.texts("requestedBy", false), f.texts("decidedBy", false));
    }

    /** Reads {@code format} first, since it decides which fields the rest may have. */
    private int format(Node root) {
        if (root instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("format")) {
                    String value = tuple.getValueNode() instanceof ScalarNode v ? v.getValue().strip() : "";
                    if (value.equals("1") || value.equals("2")) {
                        return Integer.parseInt(value);
                    }
                    error(tuple.getValueNode().getStartMark(), "format", "'" + value + "' is not a descriptor format;"
                            + " expected 2 (or leave it out for format 1)");
                    return 2;
                }
            }
        }
        return 1;
    }

    private Permissions permissions(Node node, String path) {
        Fields f = fields(node, path, Set.of("raise", "escalate", "resolve", "referToCafcass"));
        if (f == null) {
            return null;
        }
        List<String> raise = f.texts("raise", true);
        List<String> escalate = f.values.containsKey("escalate") ? f.texts("escalate", true) : raise;
        List<String> resolve = f.values.containsKey("resolve") ? f.texts("resolve", true) : raise;
        List<String> refer = f.values.containsKey("referToCafcass") ? f.texts("referToCafcass", true)
                : Permissions.drivenBy(raise).referToCafcass();
        return new Permissions(raise, escalate, resolve, refer);
    }

    private CafcassRule cafcass(Node node, String path) {
        if (format == 1) {
            Fields f = fields(node, path, Set.of("anyPoint", "informFirst", "decisionTimescale"));
            if (f == null) {
                return null;
            }
            boolean anyPoint = f.flag("anyPoint", true);
            List<String> informFirst = f.texts("informFirst", false);
            Timescale decision = f.timescale("decisionTimescale", true);
            return new CafcassRule(anyPoint ? ReferralWindow.ANY_POINT : ReferralWindow.FORMAL_BEGUN, null,
                    informFirst, List.of(), decision);
        }
        Fields f = fields(node, path, Set.of("when", "stage", "informFirst", "toldOnReferral", "decisionTimescale"));
        if (f == null) {
            return null;
        }
        ReferralWindow when = f.choice("when", ReferralWindow.class, ReferralWindow.ANY_POINT);
        String stage = f.text("stage", false);
        List<String> informFirst = f.texts("informFirst", false);
        List<String> told = f.texts("toldOnReferral", false);
        Timescale decision = f.timescale("decisionTimescale", false);
        return new CafcassRule(when, stage, informFirst, told, decision);
    }

    /** @return the stage, or the stages of its ladder's levels, each with where it stands in the file */
    private List<Stage> stages(Node node, String path) {
        Stage stage = stage(node, path);
        if (stage == null) {
            return null;
        }
        Node ladder = node instanceof MappingNode m ? m.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("ladder"))
                .map(NodeTuple::getValueNode).findFirst().orElse(null) : null;
        if (ladder == null || format == 1) {
            stageSources.add(new StageSource(path, false, 0));
            return List.of(stage);
        }
        if (!stage.responders().isEmpty() || stage.noRemitStage() != null || stage.satisfiedBy() != null) {
            error(ladder.getStartMark(), join(path, "ladder"), "each level's role responds at its level: leave"
                    + " responders, noRemitStage and satisfiedBy out of a ladder");
        }
        List<Stage> levels = new ArrayList<>();
        if (!(ladder instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            error(ladder.getStartMark(), join(path, "ladder"), "expected the levels, lowest first, each a role and"
                    + " its timescale");
            stageSources.add(new StageSource(path, false, 0));
            return List.of(stage);
        }
        for (int i = 0; i < sequence.getValue().size(); i++) {
            String at = join(path, "ladder") + "[" + i + "]";
            Fields level = fields(sequence.getValue().get(i), at,
                    Set.of("role", "name", "timescale", "onSilence", "afterResponse"));
            if (level == null) {
                continue;
            }
            String role = level.text("role", true);
            String name = level.text("name", false);
            Timescale timescale = level.timescale("timescale", false);
            OnDeadline onSilence = level.choice("onSilence", OnDeadline.class, stage.onSilence());
            OnDeadline afterResponse = level.choice("afterResponse", OnDeadline.class, stage.afterResponse());
            if (role == null) {
                continue;
            }
            List<String> participants = new ArrayList<>(stage.participants());
            participants.add(role);
            levels.add(new Stage(stage.id() + "_" + role, stage.name() + ": " + (name == null ? RoleWords.of(role)
                    : name), participants, stage.notified(), stage.copied(), List.of(role), stage.requiredActions(),
                    timescale == null ? stage.timescale() : timescale, onSilence, afterResponse,
                    stage.mayEnterDirectly(), stage.mayBypass(), stage.formal(), null, stage.caseNotes(), null,
                    stage.clockFrom(), stage.clockAction(), stage.clockStage(), stage.enteredBy(), stage.endings(),
                    stage.overdueActionsTold(), stage.moreTime(), stage.episode()));
            stageSources.add(new StageSource(at, true, stage.participants().size()));
        }
        return levels;
    }

    private Stage stage(Node node, String path) {
        Fields f = fields(node, path, format == 1 ? STAGE_1 : STAGE_2);
        if (f == null) {
            return null;
        }
        String id = f.text("id", true);
        String name = f.text("name", true);
        List<String> participants = f.texts("participants", true);
        List<String> notified = f.texts("notified", false);
        List<String> copied = f.texts("copied", false);
        List<RequiredAction> actions = f.objects("requiredActions", this::requiredAction);
        Timescale timescale = f.timescale("timescale", false);
        List<String> responders;
        OnDeadline onSilence;
        OnDeadline afterResponse;
        if (format == 1) {
            String respondingRole = f.text("respondingRole", false);
            responders = respondingRole == null ? List.of() : List.of(respondingRole);
            onSilence = f.choice("onDeadline", OnDeadline.class, OnDeadline.NOTHING);
            afterResponse = onSilence == OnDeadline.DEEMED_AGREEMENT ? OnDeadline.NOTHING : onSilence;
        } else {
            responders = f.texts("responders", false);
            onSilence = f.choice("onSilence", OnDeadline.class, OnDeadline.NOTHING);
            afterResponse = f.choice("afterResponse", OnDeadline.class, OnDeadline.NOTHING);
        }
        boolean mayEnterDirectly = f.flag("mayEnterDirectly", false);
        boolean mayBypass = f.flag("mayBypass", false);
        boolean formal = f.flag("formal", false);
        String noRemitStage = f.text("noRemitStage", false);
        Map<ConcernEvent, String> caseNotes = f.caseNotes("caseNotes");
        SatisfiedBy satisfiedBy = f.object("satisfiedBy", false, this::satisfiedBy);
        ClockStart clockFrom = ClockStart.STAGE_ENTERED;
        String clockAction = null;
        String clockStage = null;
        Node clock = f.values.get("clockFrom");
        if (clock instanceof MappingNode) {
            Fields from = fields(clock, join(path, "clockFrom"), Set.of("action", "stage"));
            if (from != null && from.values.containsKey("action") == from.values.containsKey("stage")) {
                error(clock.getStartMark(), join(path, "clockFrom"), "expected either {action: <required action id>}"
                        + " or {stage: <stage id>}");
            } else if (from != null && from.values.containsKey("stage")) {
                clockStage = from.text("stage", true);
                clockFrom = ClockStart.STAGE_BEGUN;
            } else if (from != null) {
                clockAction = from.text("action", true);
                clockFrom = ClockStart.ACTION_RECORDED;
            }
        } else if (clock != null) {
            clockFrom = f.choice("clockFrom", ClockStart.class, ClockStart.STAGE_ENTERED);
            if (clockFrom == ClockStart.ACTION_RECORDED || clockFrom == ClockStart.STAGE_BEGUN) {
                error(clock.getStartMark(), join(path, "clockFrom"), "name the "
                        + (clockFrom == ClockStart.STAGE_BEGUN ? "stage: 'clockFrom: {stage: <id>}'"
                                : "action: 'clockFrom: {action: <id>}'"));
            }
        }
        StageEntry enteredBy = f.choice("enteredBy", StageEntry.class, StageEntry.ESCALATION);
        List<Ending> endings = f.objects("endings", this::ending);
        List<String> overdueActionsTold = f.texts("overdueActionsTold", false);
        MoreTime moreTime = f.object("moreTime", false, this::moreTime);
        String episode = f.text("episode", false);
        return new Stage(orEmpty(id), orEmpty(name), participants, notified, copied, responders, actions, timescale,
                onSilence, afterResponse, mayEnterDirectly, mayBypass, formal, noRemitStage, caseNotes, satisfiedBy,
                clockFrom, clockAction, clockStage, enteredBy, endings, overdueActionsTold, moreTime, episode);
    }

    private Ending ending(Node node, String path) {
        Fields f = fields(node, path, Set.of("id", "name", "decidedBy"));
        if (f == null) {
            return null;
        }
        return new Ending(orEmpty(f.text("id", true)), orEmpty(f.text("name", true)), f.texts("decidedBy", false));
    }

    private SatisfiedBy satisfiedBy(Node node, String path) {
        Fields f = fields(node, path, Set.of("allOf", "anyOf"));
        if (f == null) {
            return null;
        }
        boolean allOf = f.values.containsKey("allOf");
        if (allOf == f.values.containsKey("anyOf")) {
            error(node.getStartMark(), path, "expected either allOf (every role must be satisfied) or anyOf (any one"
                    + " of them), with the roles");
            return null;
        }
        return new SatisfiedBy(allOf, f.texts(allOf ? "allOf" : "anyOf", true));
    }

    private RequiredAction requiredAction(Node node, String path) {
        Fields f = fields(node, path, format == 1 ? Set.of("id", "description", "byRole")
                : Set.of("id", "description", "byRole", "before"));
        if (f == null) {
            return null;
        }
        String id = f.text("id", true);
        String description = f.text("description", true);
        // format 2: "facilitated by the Service Manager or the Head of Service" is a list of roles
        List<String> byRoles = format == 2 && f.values.get("byRole") instanceof SequenceNode
                ? f.texts("byRole", true) : java.util.Collections.singletonList(orEmpty(f.text("byRole", true)));
        Set<Gate> before = f.choices("before", Gate.class);
        return new RequiredAction(orEmpty(id), orEmpty(description), byRoles.isEmpty() ? List.of("") : byRoles,
                before);
    }

    private Reason reason(Node node, String path) {
        Fields f = fields(node, path, Set.of("code", "label", "appliesTo"));
        if (f == null) {
            return null;
        }
        String code = f.text("code", true);
        String label = f.text("label", true);
        Set<Cohort> appliesTo = f.cohorts("appliesTo");
        return new Reason(orEmpty(code), orEmpty(label), appliesTo);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
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
        final Map<String, Node> values;

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

        <E extends Enum<E>> Set<E> choices(String name, Class<E> type) {
            Set<E> chosen = new LinkedHashSet<>();
            List<String> texts = texts(name, false);
            for (int i = 0; i < texts.size(); i++) {
                E choice = parseChoice(type, texts.get(i), join(path, name) + "[" + i + "]", null, null);
                if (choice != null) {
                    chosen.add(choice);
                }
            }
            return chosen;
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
                    case "calendar day", "calendar days" -> TimescaleUnit.CALENDAR_DAYS;
                    case "hour", "hours" -> TimescaleUnit.HOURS;
                    case "working hour", "working hours" -> TimescaleUnit.WORKING_HOURS;
                    default -> null;
                };
                if (m.group(2).equals("day") || m.group(2).equals("days")) {
                    error(values.get(name).getStartMark(), join(path, name), "'" + text + "' does not say which days"
                            + " count; write '" + m.group(1) + " working days' or '" + m.group(1) + " calendar days'");
                    return null;
                }
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
        List<E> offered = new ArrayList<>(List.of(type.getEnumConstants()));
        if (format == 1) {
            offered.removeIf(FORMAT_2_ONLY::contains);
        }
        for (E constant : offered) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        Mark mark = node != null ? node.getStartMark() : markFor(at);
        List<String> names = new ArrayList<>();
        for (E constant : offered) {
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
