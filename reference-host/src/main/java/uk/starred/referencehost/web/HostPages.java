package uk.starred.referencehost.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.api.StoreUnavailableException;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.StaffMember;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.ui.AlertSeverity;
import uk.starred.api.ui.CaseAlert;
import uk.starred.api.ui.CaseScreens;
import uk.starred.api.ui.CaseTab;
import uk.starred.api.ui.CaseView;
import uk.starred.api.ui.Html;
import uk.starred.api.ui.TabOutcome;
import uk.starred.referencehost.demo.DemoCaseload;
import uk.starred.referencehost.demo.DemoDirectory;
import uk.starred.referencehost.demo.DemoHost;
import uk.starred.referencehost.session.Session;

/**
 * The reference host's screens: sign-in, the list of children, each child's case screen with the
 * alert area and every registered tab, and the oversight screen. The host draws its own chrome and
 * hands each tab a {@link CaseView}; a POST to a case screen is checked against the session's CSRF
 * token before the tab sees it.
 *
 * <p>Longer than 400 lines because the reference host is small on purpose: one servlet draws its few
 * screens, so that an integrator reads the whole of what a host does in one place.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("starred-reference-host")
@HttpWhiteboardServletPattern({"/host/*", "/"})
public class HostPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(HostPages.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    static final String CHILD_URL = "/host/children/" + CaseView.CHILD_ID;

    private final transient DemoHost host;
    private final transient Extensions extensions;
    private final transient AlertArea alertArea;
    private final transient DemoCaseload caseload;
    private final transient SignInThrottle throttle = new SignInThrottle(java.time.Clock.systemUTC());

    @Activate
    public HostPages(@Reference DemoHost host, @Reference Extensions extensions, @Reference DemoCaseload caseload) {
        this.host = host;
        this.extensions = extensions;
        this.alertArea = new AlertArea(extensions);
        this.caseload = caseload;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        headers(response);
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String method = request.getMethod();
        try {
            if (path.equals("/") || path.equals("/host") || path.equals("/host/")) {
                response.sendRedirect(SignedIn.staff(request) == null ? "/host/login" : "/host/children");
            } else if (path.equals("/host/status")) {
                status(response);
            } else if (path.equals("/host/login")) {
                if ("POST".equals(method)) {
                    signIn(request, response);
                } else {
                    loginPage(request, response, null, null, 200);
                }
            } else if (path.equals("/host/logout") && "POST".equals(method)) {
                if (SignedIn.csrfMatches(request)) {
                    request.getSession().invalidate();
                }
                response.sendRedirect("/host/login");
            } else if (!path.startsWith("/host/")) {
                notFound(request, response, "There is no page at " + path + ".");
            } else if (SignedIn.staff(request) == null) {
                response.sendRedirect("/host/login");
            } else if (path.equals("/host/children")) {
                childrenPage(request, response);
            } else if (path.startsWith("/host/children/")) {
                String childId = java.net.URLDecoder.decode(path.substring("/host/children/".length()),
                        StandardCharsets.UTF_8);
                screen(request, response, CaseScreens.CHILD, childId);
            } else if (path.equals("/host/oversight")) {
                screen(request, response, CaseScreens.OVERSIGHT, null);
            } else {
                notFound(request, response, "There is no page at " + path + ".");
            }
        } catch (StoreUnavailableException e) {
            // a passing outage, logged once by Starred where it began
            if (!response.isCommitted()) {
                response.reset();
                headers(response);
                response.setHeader("Retry-After", String.valueOf(StoreUnavailableException.RETRY_AFTER_SECONDS));
                html(response, 503, Layout.page("Sorry, the service is unavailable", null, "", false, "", List.of(),
                        "<h1 class=\"heading-xl\">Sorry, the service is unavailable</h1><p class=\"body\">"
                                + (e.mayHaveBeenSaved() && !"GET".equals(request.getMethod())
                                        ? "Its database stopped answering while what you entered was being saved,"
                                                + " so it may or may not have been saved. In a few seconds, look at"
                                                + " the child's record before you enter it again.</p>"
                                        : "Its database cannot be reached just now. Nothing you entered was saved."
                                                + " Try again in a few seconds.</p>")));
            }
        } catch (Exception e) {
            // the kind of failure only: a message, or the path, may name a child or hold what someone wrote
            LOG.error("Reference host page failed: {}", e.getClass().getName());
            if (!response.isCommitted()) {
                response.reset();
                headers(response);
                html(response, 500, Layout.page("Sorry, there is a problem", null, "", false, "", List.of(),
                        "<h1 class=\"heading-xl\">Sorry, there is a problem with the service</h1><p class=\"body\">"
                                + "Try again later. Nothing you entered was saved.</p>"));
            }
        }
    }

    private static void headers(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self';"
                + " img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
    }

    /**
     * What an operator's monitor or a test waits for: the demo caseload in place and how many tabs
     * and alert types are registered. It names no child.
     */
    private void status(HttpServletResponse response) throws IOException {
        boolean ready = caseload.isReady();
        String body = "{\"caseload\":\"" + (ready ? "ready" : "seeding") + "\",\"tabs\":{\"child\":"
                + extensions.tabs(CaseScreens.CHILD).size() + ",\"oversight\":"
                + extensions.tabs(CaseScreens.OVERSIGHT).size() + "},\"alertTypes\":" + extensions.typeCount() + "}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(ready ? 200 : 503);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private void loginPage(HttpServletRequest request, HttpServletResponse response, String problem, String user,
            int status) throws IOException {
        String csrf = SignedIn.csrf(request);
        StringBuilder main = new StringBuilder();
        main.append("<div class=\"narrow\"><h1 class=\"heading-xl\">Sign in</h1>").append(Layout.banner(problem, true))
                .append("<form method=\"post\" action=\"/host/login\" novalidate><input type=\"hidden\" name=\"")
                .append(SignedIn.CSRF_FIELD).append("\" value=\"").append(Html.escape(csrf)).append("\">")
                .append("<div class=\"field\"><label class=\"label\" for=\"username\">Username</label>")
                .append("<input class=\"input\" id=\"username\" name=\"username\" type=\"text\" autocomplete=\"username\"")
                .append(" spellcheck=\"false\" required value=\"").append(Html.escape(user)).append("\"></div>")
                .append("<div class=\"field\"><label class=\"label\" for=\"password\">Password</label>")
                .append("<input class=\"input\" id=\"password\" name=\"password\" type=\"password\"")
                .append(" autocomplete=\"current-password\" required></div>")
                .append("<button class=\"button\" type=\"submit\">Sign in</button></form></div>");
        main.append("<h2 class=\"heading-m\">Demo staff</h2><p class=\"body\">Every demo person's password is <code>")
                .append(DemoRealm.DEMO_PASSWORD).append("</code>.</p><table class=\"table\"><caption class=\"visually-hidden\">")
                .append("Demo staff you can sign in as</caption><thead><tr><th scope=\"col\">Username</th>")
                .append("<th scope=\"col\">Name</th><th scope=\"col\">What they do</th></tr></thead><tbody>");
        for (StaffMember member : DemoDirectory.staff()) {
            main.append("<tr><td><code>").append(Html.escape(member.id())).append("</code></td><td>")
                    .append(Html.escape(member.name())).append("</td><td>")
                    .append(Html.escape(DemoDirectory.describe(member.id()))).append("</td></tr>");
        }
        main.append("</tbody></table>");
        html(response, status, Layout.page("Sign in", null, "", false, csrf, List.of(), main.toString()));
    }

    private void signIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("username") == null ? "" : request.getParameter("username").strip();
        String password = request.getParameter("password") == null ? "" : request.getParameter("password");
        String address = request.getRemoteAddr();
        if (!SignedIn.csrfMatches(request)) {
            loginPage(request, response, "Your sign-in page had expired. Please sign in again.", user, 403);
        } else if (user.isEmpty() || password.isEmpty()) {
            loginPage(request, response, "Enter your username and your password.", user, 400);
        } else if (throttle.refuses(user, address)) {
            loginPage(request, response, "Too many attempts to sign in. Wait " + SignInThrottle.WINDOW.toMinutes()
                    + " minutes, then try again.", user, 429);
        } else if (host.member(user).isEmpty() || !SignedIn.authenticate(user, password)) {
            throttle.failed(user, address);
            loginPage(request, response, "The username or password is not right.", user, 401);
        } else {
            throttle.succeeded(user);
            SignedIn.signIn(request, user);
            response.sendRedirect("/host/children");
        }
    }

    private void childrenPage(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String staff = SignedIn.staff(request);
        StringBuilder main = new StringBuilder("<h1 class=\"heading-xl\">Children</h1>");
        main.append(Layout.banner(SignedIn.takeFlash(request), false));
        List<ChildRecord> mine = host.children().stream().filter(c -> !host.rolesFor(staff, c.id()).isEmpty()).toList();
        if (mine.isEmpty()) {
            main.append("<p class=\"body\">You hold no role for any child.</p>");
        } else {
            main.append("<table class=\"table\"><caption class=\"visually-hidden\">Children you work with</caption>")
                    .append("<thead><tr><th scope=\"col\">Child</th><th scope=\"col\">Legal status</th>")
                    .append("<th scope=\"col\">Team</th><th scope=\"col\">Alerts</th></tr></thead><tbody>");
            for (ChildRecord child : mine) {
                List<CaseAlert> alerts = Session.runAs(staff, () -> alertArea.alerts(staff, child.id()));
                long urgent = alerts.stream().filter(a -> alertArea.severity(a) == AlertSeverity.URGENT).count();
                main.append("<tr><td><a class=\"link\" href=\"").append(Html.escape(childUrl(child.id()))).append("\">")
                        .append(Html.escape(child.displayName())).append("</a></td><td>").append(cohorts(child.cohorts()))
                        .append("</td><td>").append(Html.escape(child.team())).append("</td><td>");
                if (alerts.isEmpty()) {
                    main.append("None");
                } else {
                    main.append(alerts.size()).append(alerts.size() == 1 ? " alert" : " alerts");
                    if (urgent > 0) {
                        main.append(", <strong class=\"tag tag-red\">").append(urgent).append(" urgent</strong>");
                    }
                }
                main.append("</td></tr>");
            }
            main.append("</tbody></table>");
        }
        html(response, 200, Layout.page("Children", name(staff), "children", host.hasOversight(staff),
                SignedIn.csrf(request), List.of(), main.toString()));
    }

    private void screen(HttpServletRequest request, HttpServletResponse response, String screen, String childId)
            throws Exception {
        String staff = SignedIn.staff(request);
        Optional<ChildRecord> child = childId == null ? Optional.empty() : host.child(childId);
        if (childId != null && (child.isEmpty() || host.rolesFor(staff, childId).isEmpty())) {
            // the same answer for a child who does not exist and one the person may not see
            notFound(request, response, "There is no child record here that you may see.");
            return;
        }
        if (childId == null && !host.hasOversight(staff)) {
            notFound(request, response, "The oversight screen is for the IRO Service Manager and the Head of Service.");
            return;
        }
        String pageUrl = childId == null ? "/host/oversight" : childUrl(childId);
        Map<String, List<String>> query = parameters(request);
        String csrf = SignedIn.csrf(request);
        List<Extensions.Tab> visible = new ArrayList<>();
        CaseView view = new CaseView(screen, staff, childId, query, pageUrl, SignedIn.CSRF_FIELD, csrf, CHILD_URL);
        for (Extensions.Tab tab : extensions.tabs(screen)) {
            if (Session.runAs(staff, () -> tab.tab().isVisible(view))) {
                visible.add(tab);
            }
        }
        String problem = null;
        int status = 200;
        if ("POST".equals(request.getMethod())) {
            if (!SignedIn.csrfMatches(request)) {
                problem = "This form had expired or did not come from this service, so nothing was changed. Please"
                        + " try again.";
                status = 403;
            } else {
                String key = request.getParameter(CaseTab.TAB_PARAMETER);
                Optional<Extensions.Tab> target = visible.stream().filter(t -> t.key().equals(key)).findFirst();
                if (target.isEmpty()) {
                    problem = "There is no tab '" + key + "' here for you.";
                    status = 404;
                } else {
                    TabOutcome outcome = Session.runAs(staff, () -> target.get().tab().act(view));
                    if (outcome.isDone()) {
                        SignedIn.flash(request, outcome.message());
                        Map<String, String> back = new LinkedHashMap<>(outcome.parameters());
                        String anchor = back.containsKey("concern") ? "#concern-" + back.get("concern") : "";
                        response.setStatus(303);
                        response.setHeader("Location", view.link(back) + anchor);
                        return;
                    }
                    problem = outcome.message();
                    status = outcome.status();
                }
            }
        }
        String selectedKey = request.getParameter(CaseTab.TAB_PARAMETER);
        Extensions.Tab selected = visible.stream().filter(t -> t.key().equals(selectedKey)).findFirst()
                .orElse(visible.isEmpty() ? null : visible.get(0));

        StringBuilder main = new StringBuilder();
        if (child.isPresent()) {
            ChildRecord c = child.get();
            main.append("<span class=\"caption\">Case record</span><h1 class=\"heading-xl\">")
                    .append(Html.escape(c.displayName())).append("</h1><dl class=\"child-summary\">")
                    .append("<div><dt>Born</dt><dd>").append(DAY.format(c.dateOfBirth())).append("</dd></div>")
                    .append("<div><dt>Legal status</dt><dd>").append(cohorts(c.cohorts())).append("</dd></div>")
                    .append("<div><dt>Social worker</dt><dd>").append(Html.escape(name(c.allocatedWorker())))
                    .append("</dd></div><div><dt>Team</dt><dd>").append(Html.escape(c.team())).append("</dd></div></dl>");
        } else {
            main.append("<h1 class=\"heading-xl\">Oversight</h1>");
        }
        main.append(Layout.banner(problem, true)).append(Layout.banner(problem == null ? SignedIn.takeFlash(request)
                : null, false));
        if (child.isPresent()) {
            main.append(alertArea.render(staff, childId));
        }
        List<String> sheets = new ArrayList<>();
        if (visible.isEmpty()) {
            main.append("<p class=\"body\">Nothing here is for you.</p>");
        } else {
            main.append("<nav class=\"tabs\" aria-label=\"").append(child.isPresent() ? "Case record sections"
                    : "Oversight sections").append("\"><ul class=\"tabs-list\">");
            for (Extensions.Tab tab : visible) {
                boolean current = tab == selected;
                main.append("<li class=\"tabs-item").append(current ? " tabs-item-selected" : "").append("\"><a href=\"")
                        .append(Html.escape(view.link(Map.of(CaseTab.TAB_PARAMETER, tab.key())))).append('"')
                        .append(current ? " aria-current=\"page\"" : "").append('>').append(Html.escape(tab.label()))
                        .append("</a></li>");
            }
            main.append("</ul></nav><section class=\"tabs-panel\" aria-label=\"").append(Html.escape(selected.label()))
                    .append("\">");
            CaseView shown = view;
            StringBuilder fragment = new StringBuilder();
            Session.runAs(staff, () -> {
                selected.tab().render(shown, fragment);
                return null;
            });
            main.append(fragment).append("</section>");
            sheets.addAll(new LinkedHashSet<>(selected.tab().stylesheets()));
        }
        String title = child.map(ChildRecord::displayName).orElse("Oversight")
                + (selected == null ? "" : ": " + selected.label());
        html(response, status, Layout.page(title, name(staff), child.isPresent() ? "children" : "oversight",
                host.hasOversight(staff), csrf, sheets, main.toString()));
    }


    /** The alert's own severity where it gives one, else its type's. */

    private void notFound(HttpServletRequest request, HttpServletResponse response, String why) throws IOException {
        String staff = SignedIn.staff(request);
        html(response, 404, Layout.page("Page not found", staff == null ? null : name(staff), "",
                staff != null && host.hasOversight(staff), SignedIn.csrf(request), List.of(),
                "<h1 class=\"heading-xl\">Page not found</h1><p class=\"body\">" + Html.escape(why)
                        + "</p><p class=\"body\"><a class=\"link\" href=\"/host/children\">Go to your children</a></p>"));
    }

    private String name(String staffId) {
        return host.member(staffId).map(StaffMember::name).orElse(staffId);
    }

    static String childUrl(String childId) {
        return CHILD_URL.replace(CaseView.CHILD_ID, java.net.URLEncoder.encode(childId, StandardCharsets.UTF_8));
    }

    private static String cohorts(Set<Cohort> cohorts) {
        List<String> words = new ArrayList<>();
        if (cohorts.contains(Cohort.LOOKED_AFTER)) {
            words.add("Looked after");
        }
        if (cohorts.contains(Cohort.CHILD_PROTECTION)) {
            words.add("Child protection plan");
        }
        return words.isEmpty() ? "Neither" : String.join(", ", words);
    }

    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!SignedIn.CSRF_FIELD.equals(name)) {
                out.put(name, Arrays.asList(values));
            }
        });
        return out;
    }

    private static void html(HttpServletResponse response, int status, String page) throws IOException {
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
