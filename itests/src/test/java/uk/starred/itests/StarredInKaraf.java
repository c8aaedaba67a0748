package uk.starred.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.karaf.features.BootFinished;
import org.junit.Test;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernService;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.procedure.ProcedureRef;
import uk.starred.referencehost.session.Session;

/**
 * What must hold wherever Starred is installed with a host adapter (here the reference host):
 * every bundle active, every Starred component satisfied, the service working end to end against
 * the configured database for the people the host signs in, and the front page answering over HTTP
 * with what the database holds. Subclasses choose the container.
 */
public abstract class StarredInKaraf {

    @Inject
    protected BundleContext bundleContext;

    /** Wait until boot provisioning is over, so nothing is re-wired under the test. */
    @Inject
    protected BootFinished bootFinished;

    @Inject
    protected ServiceComponentRuntime scr;

    @Inject
    protected ConcernService concerns;

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        probe.setHeader(Constants.DYNAMICIMPORT_PACKAGE, "*");
        return probe;
    }

    /** @return the database product name expected behind the "starred" DataSource */
    protected abstract String expectedDatabase();

    @Test
    public void everyBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && bundle.getState() != Bundle.ACTIVE) {
                notActive.add(bundle.getSymbolicName() + " " + bundle.getVersion() + " is " + state(bundle.getState()));
            }
        }
        assertTrue("bundles not active: " + notActive, notActive.isEmpty());
    }

    /**
     * Every component is satisfied once the platform has settled: a feature installed just before may
     * still be refreshing bundles, and the persistence unit comes back after; a component that stays
     * unsatisfied for a minute is a fault.
     */
    @Test
    public void everyStarredComponentIsSatisfied() throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        List<String> problems = unsatisfiedComponents();
        while (!problems.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            problems = unsatisfiedComponents();
        }
        assertTrue("Starred components not satisfied: " + problems, problems.isEmpty());
    }

    private List<String> unsatisfiedComponents() {
        List<String> problems = new ArrayList<>();
        int starred = 0;
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getSymbolicName() == null || !bundle.getSymbolicName().startsWith("uk.starred.")) {
                continue;
            }
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                starred++;
                if (description.name.equals("uk.starred.impl.outbox.EventAdminSink")
                        && bundleContext.getServiceReference("org.osgi.service.event.EventAdmin") == null) {
                    continue; // events are posted only where the platform runs Event Admin
                }
                Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(description);
                if (!scr.isComponentEnabled(description)) {
                    problems.add(description.name + " is disabled");
                }
                for (ComponentConfigurationDTO configuration : configurations) {
                    if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                        for (UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
                            problems.add(description.name + " waits for reference '" + reference.name + "' (target "
                                    + reference.target + ")");
                        }
                    } else if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        problems.add(description.name + " failed to activate: " + configuration.failure);
                    } else if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION) {
                        problems.add(description.name + " waits for its configuration");
                    }
                }
            }
        }
        assertTrue("expected the Starred components to be found, found " + starred, starred >= 3);
        return problems;
    }

    @Test
    public void theStarredDataSourceIsTheConfiguredDatabase() throws Exception {
        try (Connection connection = starredDataSource().getConnection()) {
            assertEquals(expectedDatabase(), connection.getMetaData().getDatabaseProductName());
        }
    }

    static final ProcedureRef DEMO = new ProcedureRef("demo-alert-process", "1.0.0");
    static final String CHILD = "DEMO-CHILD-CHLOE";

    private static RaiseConcern concern(String description) {
        return new RaiseConcern(CHILD, DEMO, ConcernOrigin.STARRED_DECISION, List.of("REVIEW_LATE"), description,
                "Review held", LocalDate.now(ZoneId.of("Europe/London")).plusDays(7), "demo-team-manager", null);
    }

    @Test
    public void aConcernIsRaisedAnsweredAndWithdrawnThroughTheServiceByThePeopleTheHostSignsIn() throws Exception {
        String description = "itest " + UUID.randomUUID();
        Concern raised = Session.runAs("demo-iro", () -> concerns.raise(concern(description)));
        assertEquals("demo-iro", raised.raisedBy());
        assertEquals("CONVERSATION", raised.currentStage().orElseThrow().stageId());
        assertEquals(raised, Session.runAs("demo-social-worker", () -> concerns.find(raised.id())).orElseThrow());
        assertEquals(1, countRows("SELECT COUNT(*) FROM concern WHERE description = '" + description + "'"));

        Concern answered = Session.runAs("demo-team-manager", () -> concerns.respond(raised.id(), raised.version(),
                ResponseKind.DISAGREE, "Review booked for next week", List.of()));
        Concern withdrawn = Session.runAs("demo-iro", () -> concerns.withdraw(raised.id(), answered.version(),
                "Review now booked"));
        assertEquals(ConcernStatus.WITHDRAWN, withdrawn.status());
        assertEquals(3, countRows("SELECT COUNT(*) FROM audit_entry WHERE concern_id = '" + raised.id() + "'"));
    }

    @Test
    public void aWrongCommandIsRefusedAndLeavesNoRow() throws Exception {
        String description = "refused " + UUID.randomUUID();
        RaiseConcern wrong = new RaiseConcern(CHILD, null, ConcernOrigin.RED_RAG_RATING, List.of(), description,
                "r", LocalDate.of(2000, 1, 1), "demo-team-manager", null);
        try {
            Session.runAs("demo-iro", () -> concerns.raise(wrong));
            fail("a concern without reasons or a future remedy date was accepted");
        } catch (InvalidCommandException refused) {
            assertTrue(refused.getMessage(), refused.getMessage().contains("reasonCodes: at least one reason"));
            assertTrue(refused.getMessage(), refused.getMessage().contains("remedyDueBy: must not be in the past"));
        }
        assertEquals(0, countRows("SELECT COUNT(*) FROM concern WHERE description = '" + description + "'"));
    }

    @Test
    public void onlyTheChildsIroOrCpcMayRaise() throws Exception {
        try {
            Session.runAs("demo-team-manager", () -> concerns.raise(concern("by the wrong person")));
            fail("a Team Manager raised a concern");
        } catch (uk.starred.api.NotPermittedException refused) {
            assertTrue(refused.getMessage(), refused.getMessage().contains("only the child's IRO or CPC may raise"));
        }
    }

    @Test
    public void theFrontPageCountsOpenConcernsFromTheDatabase() throws Exception {
        Session.runAs("demo-iro", () -> concerns.raise(concern("counted <on the page>")));

        HttpURLConnection http = getWhenServed("/starred");
        assertEquals(200, http.getResponseCode());
        assertTrue(http.getContentType(), http.getContentType().startsWith("text/html"));
        assertTrue(http.getHeaderField("Content-Security-Policy").contains("default-src 'self'"));
        String page = body(http);
        assertTrue("the page names no child", !page.contains(CHILD));
        // the demo data may still be arriving as the tests start: the page and the database agree once it is in
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        String expected = openRow();
        while (!page.contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            page = body(get("/starred"));
            expected = openRow();
        }
        assertTrue("expected " + expected + " in " + page, page.contains(expected));

        assertEquals(404, get("/starred/no-such-page").getResponseCode());
    }

    private String openRow() throws Exception {
        long open = countRows("SELECT COUNT(*) FROM concern WHERE status = 'OPEN' AND procedure_id = 'demo-alert-process'");
        return "<td>demo-alert-process</td><td class=\"count\">" + open + "</td>";
    }

    /**
     * The HTTP whiteboard registers servlets with Jetty on its own thread, after the servlet service
     * appears: wait (at most 30 s) until the path is served, then return the response.
     */
    protected HttpURLConnection getWhenServed(String path) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        HttpURLConnection http = get(path);
        while (http.getResponseCode() == 404 && System.nanoTime() < deadline) {
            http.disconnect();
            Thread.sleep(100);
            http = get(path);
        }
        return http;
    }

    protected HttpURLConnection get(String path) throws IOException {
        URL url = new URL("http://127.0.0.1:" + System.getProperty(KarafOptions.HTTP_PORT_PROPERTY) + path);
        HttpURLConnection http = (HttpURLConnection) url.openConnection();
        http.setConnectTimeout(10_000);
        http.setReadTimeout(30_000);
        return http;
    }

    protected static String body(HttpURLConnection http) throws IOException {
        try (InputStream in = http.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    protected DataSource starredDataSource() throws InvalidSyntaxException {
        Collection<ServiceReference<DataSource>> refs =
                bundleContext.getServiceReferences(DataSource.class, "(osgi.jndi.service.name=starred)");
        if (refs.size() != 1) {
            fail("expected exactly one DataSource named starred, found " + refs.size());
        }
        return bundleContext.getService(refs.iterator().next());
    }

    protected int countRows(String sql) throws InvalidSyntaxException, SQLException {
        try (Connection c = starredDataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> Integer.toString(state);
        };
    }
}
