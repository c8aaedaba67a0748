package uk.starred.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.InstalledProcedure;
import uk.starred.testkit.seeds.SeedProcedures;

/**
 * The five seed procedure bundles in a plain Karaf: each descriptor is loaded as its bundle starts
 * and withdrawn as it stops, and a concern running under a withdrawn procedure carries on with the
 * definition stored with it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProcedureBundlesIT {

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected BootFinished bootFinished;

    @Inject
    protected org.apache.karaf.shell.api.console.SessionFactory sessions;

    /** @return what the shell command printed, standard output and error together */
    private String shell(String command) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, "UTF-8");
        org.apache.karaf.shell.api.console.Session session = sessions.create(
                new java.io.ByteArrayInputStream(new byte[0]), print, print);
        try {
            session.execute(command);
        } finally {
            session.close();
        }
        print.flush();
        return out.toString("UTF-8");
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        probe.setHeader(Constants.DYNAMICIMPORT_PACKAGE, "*");
        return probe;
    }

    @Configuration
    public Option[] config() {
        return KarafOptions.scenarioKaraf();
    }

    private Set<String> installed() throws Exception {
        Set<String> refs = new TreeSet<>();
        Collection<ServiceReference<InstalledProcedure>> found =
                bundleContext.getServiceReferences(InstalledProcedure.class, null);
        for (ServiceReference<InstalledProcedure> ref : found) {
            refs.add(ref.getProperty(InstalledProcedure.ID) + "@" + ref.getProperty(InstalledProcedure.VERSION));
        }
        return refs;
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : bundleContext.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    @Test
    public void operatorsListShowAndValidateProceduresFromTheShell() throws Exception {
        String list = shell("starred:procedure-list");
        for (String id : List.of("seed-000-starred-decisions", "seed-001-dispute-resolution",
                "seed-002-looked-after-reviews", "seed-003-dispute-resolution-flow-chart", "seed-004-alert-process")) {
            assertTrue(list, list.contains(id));
        }
        assertTrue(list, list.contains("installed"));

        String selected = shell("starred:procedure-select looked-after seed-001-dispute-resolution");
        assertTrue(selected, selected.contains("now use seed-001-dispute-resolution"));
        assertEquals("seed-001-dispute-resolution", bundleContext.getService(bundleContext.getServiceReference(
                org.osgi.service.cm.ConfigurationAdmin.class)).getConfiguration("uk.starred.procedures", null)
                .getProperties().get("lookedAfter"));
        String unknown = shell("starred:procedure-select looked-after no-such-procedure");
        assertTrue(unknown, unknown.contains("No procedure no-such-procedure is installed"));

        String shown = shell("starred:procedure-show seed-001-dispute-resolution");
        assertTrue(shown, shown.contains("formal stages within 20 working days"));
        assertTrue(shown, shown.contains("no-remit->INFORMAL_RESOLUTION"));

        java.nio.file.Path broken = java.nio.file.Files.createTempFile("broken", ".yaml");
        java.nio.file.Files.writeString(broken, "id: x\nversion: 1.0.0\ntitle: A council\ncolour: blue\n");
        String checked = shell("starred:procedure-validate " + broken);
        assertTrue(checked, checked.contains("would be refused"));
        assertTrue(checked, checked.contains(":4:1: colour: is not a field of a procedure"));
        java.nio.file.Files.delete(broken);
    }

    /** Waits (at most 60 s) until the procedure is installed or, with {@code present} false, gone. */
    private void awaitInstalled(String ref, boolean present) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (installed().contains(ref) != present && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(ref + (present ? " installed" : " gone"), present, installed().contains(ref));
    }

    @Test
    public void aBareDescriptorDroppedIntoDeployBecomesAProcedureAndABrokenOneIsRefusedAlone() throws Exception {
        String seed = new String(bundle("uk.starred.procedure.seed-004-alert-process")
                .getEntry("OSGI-INF/starred/seed-004-alert-process.yaml").openStream().readAllBytes(), "UTF-8");
        java.nio.file.Path deploy = java.nio.file.Path.of(System.getProperty("karaf.base"), "deploy");
        java.nio.file.Path council = deploy.resolve("council-alerts.yaml");
        java.nio.file.Files.writeString(council, seed.replace("id: seed-004-alert-process", "id: council-alerts"));
        awaitInstalled("council-alerts@1.0.0", true);

        java.nio.file.Path broken = deploy.resolve("broken-alerts.yaml");
        java.nio.file.Files.writeString(broken, seed.replace("id: seed-004-alert-process", "id: broken-alerts")
                .replace("timescale: 72 working hours", "timescale: 72 workng hours"));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        String list = shell("starred:procedure-list");
        while (!list.contains("broken-alerts.yaml") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            list = shell("starred:procedure-list");
        }
        assertTrue(list, list.contains("72 workng hours' is not a timescale"));
        assertTrue("everything else keeps running", installed().containsAll(List.of("council-alerts@1.0.0",
                "seed-004-alert-process@1.0.0")));

        java.nio.file.Files.delete(council);
        java.nio.file.Files.delete(broken);
        awaitInstalled("council-alerts@1.0.0", false);
    }

    @Test
    public void procedureBundlesComeAndGoAndRunningConcernsKeepTheirDefinition() throws Exception {
        KarafStarred starred = KarafStarred.in(bundleContext).startRun(Instant.parse("2026-03-02T09:00:00Z"));
        // the five descriptors are read from their bundles and accepted
        assertEquals(new TreeSet<>(List.of("seed-000-starred-decisions@1.0.0", "seed-001-dispute-resolution@1.0.0",
                "seed-002-looked-after-reviews@1.0.0", "seed-003-dispute-resolution-flow-chart@1.0.0",
                "seed-004-alert-process@1.0.0")), installed());

        String child = starred.childId("hana");
        starred.host().child(child, Cohort.LOOKED_AFTER).role("iro-1", SeedProcedures.IRO, child)
                .role("tm-1", SeedProcedures.TEAM_MANAGER, child).role("sw-1", SeedProcedures.SOCIAL_WORKER, child);
        starred.host().signIn("iro-1");
        Concern raised = starred.concerns().raise(new RaiseConcern(child,
                SeedProcedures.alertProcess004().ref(), ConcernOrigin.CONCERN_OUTSIDE_REVIEW,
                List.of("REVIEW_LATE_OR_CANCELLED"), "Review cancelled without the IRO's agreement",
                "Review held", LocalDate.of(2026, 3, 20), "tm-1", null));

        Bundle seed004 = bundle("uk.starred.procedure.seed-004-alert-process");
        seed004.stop();
        assertTrue("stopping the bundle withdraws its procedure", !installed().contains("seed-004-alert-process@1.0.0"));
        assertEquals(4, installed().size());

        // the running concern carries on under the definition stored with it
        Concern escalated = starred.concerns().escalate(raised.id(), raised.version(), null, "Not resolved in 72 hours");
        assertEquals("INFORMAL_ALERT", escalated.currentStage().orElseThrow().stageId());

        seed004.start();
        assertTrue("starting it again brings the procedure back", installed().contains("seed-004-alert-process@1.0.0"));
        assertNotNull(starred.concerns().find(raised.id()).orElseThrow());
    }
}
