package uk.starred.ui.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import uk.starred.api.CommandRefusedException;
import uk.starred.api.InvalidCommandException;
import uk.starred.api.audit.AccessLog;
import uk.starred.api.audit.RecordAccess;
import uk.starred.api.audit.SubjectAccess;
import uk.starred.api.StoreUnavailableException;
import uk.starred.api.Violation;
import uk.starred.core.command.Checks;
import uk.starred.api.alert.AlertService;
import uk.starred.api.report.AnnualReportService;
import uk.starred.api.report.DisputeResolutionReport;
import uk.starred.api.report.ReportYear;
import uk.starred.ui.Csv;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernService;
import uk.starred.api.concern.Count;
import uk.starred.api.concern.OpenConcernSummary;
import uk.starred.api.concern.OversightFigures;
import uk.starred.api.practice.GoodPractice;
import uk.starred.api.practice.GoodPracticeService;
import uk.starred.api.concern.OversightQuery;
import uk.starred.api.concern.OversightService;
import uk.starred.api.host.CallerContext;
import uk.starred.api.procedure.ProcedureLibrary;
import uk.starred.core.fault.Failures;
import uk.starred.ui.SecurityHeaders;
import uk.starred.ui.command.ConcernCommands.Op;
import uk.starred.ui.command.ConcernCommands;
import uk.starred.ui.command.Fields;
import uk.starred.ui.command.OversightFilters;
import uk.starred.ui.command.Refusals;

/**
 * The JSON REST API, version 1, under {@value #ROOT}: everything the screens do, for hosts that draw
 * their own screens and for integrations. It is described by {@value #ROOT}/openapi.json.
 *
 * <p>It acts for whoever the host's {@link CallerContext} names on the request's thread: the host
 * authenticates (its session, its single sign-on) in a whiteboard filter or servlet context before
 * the request arrives, and a request with no one named is answered 401. Every command goes through
 * the services, which check the caller's roles for the child. A change must be sent as
 * {@code application/json}, which a form on another site cannot send, and a request whose
 * {@code Origin} is another site is refused: so a signed-in person's browser cannot be made to
 * change anything from elsewhere.
 *
 * <p>Longer than 400 lines because one servlet routes every resource of the API; it shrinks when the
 * routes are declared on typed resources.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("starred-rest-api-v1")
@HttpWhiteboardServletPattern(RestApi.ROOT + "/*")
public class RestApi extends HttpServlet {

    public static final String ROOT = "/starred/api/v1";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RestApi.class);
    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 64 * 1024;
    /** How much of a body too large is read and dropped before it is refused, so that its sender hears why. */
    private static final long DRAINED = 16L * 1024 * 1024;

    private final transient ConcernService concerns;
    private final transient AlertService alerts;
    private final transient OversightService oversight;
    private final transient ProcedureLibrary procedures;
    private final transient CallerContext caller;
    private final transient ConcernCommands commands;
    private final transient ObjectMapper json;
    private final transient AnnualReportService reports;
    private final transient Exports exports;
    private final transient GoodPracticeService goodPractice;
    private final transient uk.starred.api.review.ReviewService reviews;
    private final transient uk.starred.api.audit.AuditTrail audit;
    private final transient uk.starred.ui.command.ReviewCommands reviewCommands;
    private final transient SubjectAccess subjectAccess;
    private final transient AccessLog accessLog;

    /** A request the API refuses, with its status. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    @Activate
    public RestApi(@Reference ConcernService concerns, @Reference AlertService alerts,
            @Reference OversightService oversight, @Reference ProcedureLibrary procedures,
            @Reference CallerContext caller, @Reference uk.starred.api.host.StaffDirectory staff,
            @Reference GoodPracticeService goodPractice, @Reference uk.starred.api.review.ReviewService reviews,
            @Reference uk.starred.api.audit.AuditTrail audit, @Reference SubjectAccess subjectAccess,
            @Reference AccessLog accessLog, @Reference AnnualReportService reports) {
        this.reports = reports;
        this.subjectAccess = subjectAccess;
        this.accessLog = accessLog;
        this.reviews = reviews;
        this.audit = audit;
        this.reviewCommands = new uk.starred.ui.command.ReviewCommands(reviews);
        this.concerns = concerns;
        this.goodPractice = goodPractice;
        this.alerts = alerts;
        this.oversight = oversight;
        this.procedures = procedures;
        this.caller = caller;
        this.commands = new ConcernCommands(concerns);
        this.json = mapper();
        this.exports = new Exports(staff);
    }

    /** The JSON the API writes: ISO-8601 dates and moments, concern ids as strings. */
    public static ObjectMapper mapper() {
        SimpleModule ids = new SimpleModule("starred-ids");
        ids.addSerializer(ConcernId.class, ToStringSerializer.instance);
        return new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(ids)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityHeaders.apply(response);
        response.setHeader("Cache-Control", "no-store");
        try {
            List<String> path = segments(request);
            if (path.equals(List.of("openapi.json"))) {
                method(request, "GET");
                openApi(response);
                return;
            }
            if (caller.currentStaffId().isEmpty()) {
                throw new Refused(401, "Sign in first: the host names no one for this request");
            }
            route(request, response, path);
        } catch (Refused refused) {
            error(response, refused.status, refused.getMessage(), List.of());
        } catch (InvalidCommandException wrong) {
            error(response, 400, wrong.getMessage(), wrong.violations());
        } catch (CommandRefusedException refused) {
            error(response, Refusals.status(refused), refused.getMessage(), List.of());
        } catch (StoreUnavailableException outage) {
            // a passing outage, logged once where it began: the caller is told to come back
            // a read whose commit failed changed nothing: only a command may have been kept
            StoreUnavailableException told = outage.mayHaveBeenSaved() && !"GET".equals(request.getMethod())
                    ? outage : new StoreUnavailableException();
            response.setHeader("Retry-After", String.valueOf(StoreUnavailableException.RETRY_AFTER_SECONDS));
            error(response, 503, told.getMessage(), List.of());
        } catch (RuntimeException failed) {
            // a fault of ours, not of the request: logged by its kind and where it arose (its message, and the
            // path, may name a child or hold what someone wrote), answered without either
            LOG.error("Starred REST API: a {} request failed: {}", request.getMethod(), Failures.describe(failed));
            if (!response.isCommitted()) {
                response.reset();
                SecurityHeaders.apply(response);
                error(response, 500, "Starred could not answer this request; the error is in the server's log."
                        + " Nothing was changed.", List.of());
            }
        } finally {
            drain(request);
        }
    }

    /**
     * Reads what is left of the request's body, up to a bound, so that a caller still sending a body that was
     * refused before it was read (too large, not signed in, no such command) hears the answer rather than a
     * connection closed under it.
     */
    private static void drain(HttpServletRequest request) {
        try {
            InputStream in = request.getInputStream();
            byte[] sink = new byte[8192];
            long drained = 0;
            for (int n = in.read(sink); n > 0 && drained < DRAINED; n = in.read(sink)) {
                drained += n;
            }
        } catch (IOException | IllegalStateException gone) {
            // the caller went, or the body was read as parameters: nothing is left to read
        }
    }

    private void route(HttpServletRequest request, HttpServletResponse response, List<String> path) throws IOException {
        int n = path.size();
        if (n == 1 && path.get(0).equals("procedures")) {
            method(request, "GET");
            write(response, 200, procedures.installed());
        } else if (n == 3 && path.get(0).equals("children") && path.get(2).equals("concerns")) {
            String child = path.get(1);
            if ("GET".equals(request.getMethod())) {
                write(response, 200, concerns.concernsForChild(child));
            } else {
                method(request, "POST");
                Fields fields = body(request, ConcernCommands.RAISE_FIELDS.subList(1, ConcernCommands.RAISE_FIELDS.size()));
                Map<String, List<String>> withChild = new LinkedHashMap<>(fields.values());
                withChild.put("childId", List.of(child));
                Concern raised = commands.raise(new Fields(withChild));
                response.setHeader("Location", ROOT + "/concerns/" + raised.id());
                write(response, 201, raised);
            }
        } else if (n == 3 && path.get(0).equals("children") && path.get(2).equals("verification")) {
            method(request, "GET");
            write(response, 200, audit.verifyChild(path.get(1)));
        } else if (n == 3 && path.get(0).equals("children") && path.get(2).equals("subject-access")) {
            method(request, "GET");
            write(response, 200, subjectAccess.export(path.get(1)));
        } else if (n == 2 && path.get(0).equals("oversight")
                && (path.get(1).equals("access-log") || path.get(1).equals("access-log.csv"))) {
            method(request, "GET");
            String child = request.getParameter("child");
            List<RecordAccess> seen;
            String name;
            if (child != null) {
                seen = accessLog.forChild(child, AccessLog.MOST);
                name = "access-log-" + child.replaceAll("[^A-Za-z0-9-]", "_") + ".csv";
            } else {
                LocalDate from = date(request, "from");
                LocalDate to = date(request, "to");
                java.time.ZoneId london = java.time.ZoneId.of("Europe/London");
                seen = accessLog.between(from.atStartOfDay(london).toInstant(), to.atStartOfDay(london).toInstant(),
                        AccessLog.MOST);
                name = "access-log-" + from + "-to-" + to.minusDays(1) + ".csv";
            }
            if (path.get(1).endsWith(".csv")) {
                csv(response, name, exports.accessLog(seen));
            } else {
                write(response, 200, seen);
            }
        } else if (n == 1 && path.get(0).equals("verification")) {
            method(request, "GET");
            write(response, 200, audit.verifyAll());
        } else if (n == 3 && path.get(0).equals("children") && path.get(2).equals("reviews")) {
            method(request, "GET");
            String child = path.get(1);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("timetable", reviews.timetable(child).orElse(null));
            body.put("history", reviews.history(child));
            write(response, 200, body);
        } else if (n == 4 && path.get(0).equals("children") && path.get(2).equals("reviews")) {
            method(request, "POST");
            uk.starred.ui.command.ReviewCommands.Op op = uk.starred.ui.command.ReviewCommands.Op.byPath(path.get(3));
            if (op == null) {
                throw new Refused(404, "There is no review timetable command '" + path.get(3) + "'; there are "
                        + java.util.Arrays.stream(uk.starred.ui.command.ReviewCommands.Op.values()).map(o -> o.path)
                                .toList());
            }
            Fields fields = body(request, op.fields);
            write(response, op == uk.starred.ui.command.ReviewCommands.Op.LOOKED_AFTER_FROM ? 201 : 200,
                    reviewCommands.run(op, path.get(1), fields));
        } else if (n == 3 && path.get(0).equals("children") && path.get(2).equals("good-practice")) {
            String child = path.get(1);
            if ("GET".equals(request.getMethod())) {
                write(response, 200, goodPractice.forChild(child));
            } else {
                method(request, "POST");
                Fields fields = body(request, List.of("staffId", "practice"));
                write(response, 201, goodPractice.recognise(child, fields.get("staffId"), fields.get("practice")));
            }
        } else if (n == 2 && path.get(0).equals("oversight")
                && (path.get(1).equals("good-practice") || path.get(1).equals("good-practice.csv"))) {
            method(request, "GET");
            LocalDate from = date(request, "from");
            LocalDate to = date(request, "to");
            List<GoodPractice> recognised = goodPractice.recognised(from, to);
            if (path.get(1).endsWith(".csv")) {
                csv(response, "good-practice-" + from + "-to-" + to.minusDays(1) + ".csv",
                        exports.goodPractice(recognised));
            } else {
                write(response, 200, recognised);
            }
        } else if (n == 3 && path.get(0).equals("oversight") && path.get(1).equals("annual-report")) {
            method(request, "GET");
            boolean csv = path.get(2).endsWith(".csv");
            String year = csv ? path.get(2).substring(0, path.get(2).length() - 4) : path.get(2);
            if (!year.matches("\\d{4}")) {
                throw new InvalidCommandException("Make the annual report", List.of(new Violation("year",
                        "must be the year the report's April falls in (2025 for April 2025 to March 2026), was '"
                                + year + "'")));
            }
            DisputeResolutionReport report = reports.disputeResolution(new ReportYear(Integer.parseInt(year)));
            if (csv) {
                csv(response, "iro-annual-report-dispute-resolution-" + year + ".csv",
                        uk.starred.ui.oversight.AnnualReportDownloads.csv(report));
            } else {
                write(response, 200, report);
            }
        } else if (n == 2 && path.get(0).equals("oversight") && path.get(1).equals("trends")) {
            method(request, "GET");
            write(response, 200, reports.trends(month(request)));
        } else if (n == 3 && path.get(0).equals("children") && path.get(2).equals("alerts")) {
            method(request, "GET");
            write(response, 200, alerts.alertsForChild(path.get(1)));
        } else if (n == 2 && path.get(0).equals("concerns")) {
            method(request, "GET");
            write(response, 200, concern(path.get(1)));
        } else if (n == 3 && path.get(0).equals("concerns") && path.get(2).equals("projection")) {
            method(request, "GET");
            Concern concern = concern(path.get(1));
            write(response, 200, concerns.projection(concern.id()).orElseThrow(() -> new Refused(409, "Concern "
                    + concern.id() + " has ended as " + concern.status() + ": nothing is projected")));
        } else if (n == 3 && path.get(0).equals("concerns") && path.get(2).equals("family-update")) {
            method(request, "GET");
            Concern concern = concern(path.get(1));
            write(response, 200, Map.of("text", concerns.familyUpdate(concern.id()).orElseThrow(() -> new Refused(404,
                    "No update to the child and family is asked of you at the concern's current stage"))));
        } else if (n == 3 && path.get(0).equals("concerns")) {
            Op op = Op.byPath(path.get(2));
            if (op == null) {
                throw new Refused(404, "There is no command '" + path.get(2) + "' on a concern; the commands are "
                        + java.util.Arrays.stream(Op.values()).map(o -> o.path).toList());
            }
            method(request, "POST");
            Concern before = concern(path.get(1));
            List<String> known = new ArrayList<>(op.fields);
            known.add("version");
            Map<String, List<String>> fields = new LinkedHashMap<>(body(request, known).values());
            fields.put("concern", List.of(before.id().toString()));
            write(response, 200, commands.run(op, new Fields(fields)));
        } else if (n == 2 && path.get(0).equals("oversight")
                && (path.get(1).equals("open-concerns") || path.get(1).equals("open-concerns.csv"))) {
            method(request, "GET");
            if (path.get(1).endsWith(".csv")) {
                csv(response, "open-concerns.csv", exports.openConcerns(oversight.openConcernSummaries(query(request))));
            } else {
                write(response, 200, oversight.openConcerns(query(request)));
            }
        } else if (n == 2 && path.get(0).equals("oversight")
                && (path.get(1).equals("figures") || path.get(1).equals("figures.csv"))) {
            method(request, "GET");
            OversightFigures figures = oversight.figures(date(request, "from"), date(request, "to"));
            if (path.get(1).endsWith(".csv")) {
                csv(response, "figures-" + figures.from() + "-to-" + figures.to().minusDays(1) + ".csv",
                        exports.figures(figures));
            } else {
                write(response, 200, figures);
            }
        } else {
            throw new Refused(404, "No such resource: " + ROOT + "/" + String.join("/", path)
                    + "; the API is described at " + ROOT + "/openapi.json");
        }
    }

    private Concern concern(String id) {
        List<Violation> wrong = new ArrayList<>();
        ConcernId concernId = ConcernCommands.concernId(id, wrong);
        if (concernId == null) {
            throw new Refused(404, "No such concern: '" + id + "' is not a concern id");
        }
        Optional<Concern> found = concerns.find(concernId);
        return found.orElseThrow(() -> new Refused(404, "No concern " + id + " that you may see"));
    }

    private static OversightQuery query(HttpServletRequest request) {
        List<Violation> wrong = new ArrayList<>();
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, List.of(values)));
        OversightQuery query = OversightFilters.read(new Fields(params), OversightFilters.MAX, wrong);
        if (!wrong.isEmpty()) {
            throw new InvalidCommandException("List open concerns", wrong);
        }
        return query;
    }

    private static LocalDate date(HttpServletRequest request, String name) {
        String text = request.getParameter(name);
        if (text == null || text.isBlank()) {
            throw new InvalidCommandException("Work out the figures", List.of(new Violation(name, "is required")));
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidCommandException("Work out the figures", List.of(new Violation(name,
                    "must be a date written year-month-day (2026-04-01), was '" + text + "'")));
        }
    }

    /** @return the month the query names ({@code month=2026-11}), else this month */
    private static YearMonth month(HttpServletRequest request) {
        String text = request.getParameter("month");
        if (text == null || text.isBlank()) {
            return YearMonth.now(java.time.ZoneId.of("Europe/London"));
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidCommandException("Show the twelve months", List.of(new Violation("month",
                    "must be a month written year-month (2026-11), was '" + text + "'")));
        }
    }

    private static void method(HttpServletRequest request, String allowed) {
        if (!allowed.equals(request.getMethod())) {
            throw new Refused(405, request.getMethod() + " is not allowed here; use " + allowed);
        }
    }

    /**
     * Reads a JSON object body of known fields into {@link Fields}: strings and numbers as text, arrays
     * of them as several values. Refuses anything else, naming it.
     */
    private Fields body(HttpServletRequest request, List<String> known) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new Refused(415, "Send the command as application/json, was " + (type == null ? "no content type"
                    : type));
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request)) {
            throw new Refused(403, "Commands are only accepted from this site's own pages, not from " + origin);
        }
        // left open: what is left of a body too large is read before the answer goes (drain)
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new Refused(413, "The command is larger than " + MAX_BODY / 1024 + " KB");
        }
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new Refused(400, "The body is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new Refused(400, "The body must be a JSON object of the command's fields");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<Violation> wrong = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!known.contains(field.getKey())) {
                wrong.add(new Violation(field.getKey(), "is not a field of this command; its fields are " + known));
                continue;
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> {
                    if (item.isValueNode()) {
                        items.add(item.asText());
                    } else {
                        wrong.add(new Violation(field.getKey(), "must hold only strings"));
                    }
                });
                values.put(field.getKey(), items);
            } else if (value.isValueNode()) {
                values.put(field.getKey(), List.of(value.asText()));
            } else {
                wrong.add(new Violation(field.getKey(), "must be a string, a number or a list of strings"));
            }
        }
        values.forEach((name, texts) -> texts.stream().map(Checks::characterProblem).filter(java.util.Objects::nonNull)
                .findFirst().ifPresent(problem -> wrong.add(new Violation(name, "holds " + problem))));
        if (!wrong.isEmpty()) {
            throw new InvalidCommandException("Read the command", wrong);
        }
        return new Fields(values);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        String host = request.getHeader("Host");
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    /**
     * @return the path's segments, each decoded
     * @throws Refused when a segment is not well encoded, or holds what no id holds (a control character, a
     *                 lone surrogate, a slash once decoded)
     */
    private static List<String> segments(HttpServletRequest request) {
        String info = request.getPathInfo();
        List<String> out = new ArrayList<>();
        if (info != null) {
            for (String s : info.split("/")) {
                if (s.isEmpty()) {
                    continue;
                }
                String decoded;
                try {
                    decoded = java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new Refused(400, "The path is not well encoded: a '%' must be followed by two hex digits");
                }
                String wrong = Checks.characterProblem(decoded);
                if (wrong != null || decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0) {
                    throw new Refused(400, "The path holds " + (wrong != null ? wrong : "a slash within a segment")
                            + "; ids hold letters, figures and punctuation");
                }
                out.add(decoded);
            }
        }
        return out;
    }

    private void openApi(HttpServletResponse response) throws IOException {
        try (InputStream in = RestApi.class.getResourceAsStream("openapi.json")) {
            byte[] doc = in.readAllBytes();
            response.setStatus(200);
            response.setContentType("application/json;charset=UTF-8");
            response.setHeader("Cache-Control", "public, max-age=300");
            response.setContentLength(doc.length);
            response.getOutputStream().write(doc);
        }
    }

    private void write(HttpServletResponse response, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private void error(HttpServletResponse response, int status, String message, List<Violation> violations)
            throws IOException {
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Starred\", charset=\"UTF-8\"");
        }
        write(response, status, new ApiError(status, message, violations));
    }

    private static void csv(HttpServletResponse response, String name, String csv) throws IOException {
        byte[] bytes = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The CSV exports: one row per open concern; the figures as section, measure, value. */
    static final class Exports {
        private final uk.starred.api.host.StaffDirectory staff;

        Exports(uk.starred.api.host.StaffDirectory staff) {
            this.staff = staff;
        }

        String openConcerns(List<OpenConcernSummary> rows) {
            Csv csv = new Csv().row("concern_id", "child_id", "child", "team", "legal_status", "iro_or_chair",
                    "procedure", "procedure_version", "stage", "raised_at", "days_open", "working_days_overdue",
                    "stage_due_at");
            for (OpenConcernSummary r : rows) {
                csv.row(r.concernId(), r.childId(), r.childName(), r.team(),
                        String.join(" ", r.cohorts().stream().map(Enum::name).sorted().toList()),
                        staff.member(r.raisedBy()).map(m -> m.name()).orElse(r.raisedBy()), r.procedureTitle(),
                        r.procedure().version(), r.stageName(), r.raisedAt(), r.daysOpen(), r.workingDaysOverdue(),
                        r.stageDueAt());
            }
            return csv.toString();
        }

        String accessLog(List<RecordAccess> seen) {
            Csv csv = new Csv().row("viewed_at", "staff_id", "person", "child_id", "records");
            for (RecordAccess a : seen) {
                csv.row(a.at(), a.staffId(), staff.member(a.staffId()).map(m -> m.name()).orElse(""), a.childId(),
                        a.records());
            }
            return csv.toString();
        }

        String goodPractice(List<GoodPractice> recognised) {
            Csv csv = new Csv().row("recognised_at", "child_id", "team", "person", "recognised_by", "practice");
            for (GoodPractice g : recognised) {
                csv.row(g.recognisedAt(), g.childId(), g.team(), staff.member(g.staffId()).map(m -> m.name())
                        .orElse(g.staffId()), staff.member(g.recognisedBy()).map(m -> m.name()).orElse(g.recognisedBy()),
                        g.practice());
            }
            return csv.toString();
        }

        String figures(OversightFigures f) {
            Csv csv = new Csv().row("section", "measure", "value");
            csv.row("period", "from", f.from()).row("period", "to (exclusive)", f.to());
            csv.row("summary", "raised", f.raised()).row("summary", "raised from starred decisions", f.starredDecisions())
                    .row("summary", "resolved", f.resolved())
                    .row("summary", "resolved within their procedure's total limit", f.resolvedWithinLimit())
                    .row("summary", "resolved after their procedure's total limit", f.resolvedBeyondLimit())
                    .row("summary", "resolved under a procedure that sets no total limit", f.resolvedWithoutLimit())
                    .row("summary", "median working days to resolve",
                            f.medianWorkingDaysToResolve() < 0 ? "" : f.medianWorkingDaysToResolve())
                    .row("summary", "withdrawn", f.withdrawn()).row("summary", "closed", f.closed())
                    .row("summary", "ended as their stage provides", f.endedAtStage())
                    .row("summary", "referrals to CAFCASS", f.cafcassReferrals())
                    .row("summary", "raised for looked-after children", f.lookedAfter())
                    .row("summary", "raised for children on child protection plans", f.childProtection())
                    .row("summary", "open at the end of the period", f.openAtEnd());
            for (Count c : f.reasons()) {
                csv.row("reason", c.label(), c.count());
            }
            for (Count c : f.stageReached()) {
                csv.row("furthest stage reached", c.label(), c.count());
            }
            for (Count c : f.origins()) {
                csv.row("how it arose", c.label(), c.count());
            }
            return csv.toString();
        }
    }
}
