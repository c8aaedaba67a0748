package uk.starred.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
        return KarafShell.run(sessions, command);
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
        String checked = KarafShell.failing(sessions, "starred:procedure-validate " + broken);
        assertTrue(checked, checked.contains("would be refused"));
        assertTrue(checked, checked.contains(":4:1: colour: is not a field of a procedure"));
        assertTrue(checked, checked.contains("refused: "));
        java.nio.file.Files.delete(broken);
    }

    @Test
    public void operatorsFoldTheOversightCountsAndCountTheConcernsAgainFromTheShell() throws Exception {
        // the command needs what the engine needs: the host's records among them
        KarafStarred.in(bundleContext).startRun(Instant.parse("2026-12-07T10:00:00Z"));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (sessions.getRegistry().getCommand("starred", "oversight-counts") == null
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        String again = shell("starred:oversight-counts --again");
        assertTrue(again, again.contains("concerns again."));
        assertTrue(again, again.contains("changes into the totals."));
        String folded = shell("starred:oversight-counts");
        assertTrue(folded, folded.contains("Folded 0 changes into the totals."));
        assertFalse("nobody asked to count again", folded.contains("concerns again."));
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
        awaitInstalled("council-alerts@2.1.0", true);

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
        assertTrue("everything else keeps running", installed().containsAll(List.of("council-alerts@2.1.0",
                "seed-004-alert-process@2.1.0")));

        java.nio.file.Files.delete(council);
        java.nio.file.Files.delete(broken);
        awaitInstalled("council-alerts@2.1.0", false);
    }

    @Test
    public void procedureBundlesComeAndGoAndRunningConcernsKeepTheirDefinition() throws Exception {
        KarafStarred starred = KarafStarred.in(bundleContext).startRun(Instant.parse("2026-03-02T09:00:00Z"));
        // the five descriptors are read from their bundles and accepted
        assertEquals(new TreeSet<>(List.of("seed-000-starred-decisions@2.0.0", "seed-001-dispute-resolution@2.0.0",
                "seed-002-looked-after-reviews@2.1.0", "seed-003-dispute-resolution-flow-chart@2.0.0",
                "seed-004-alert-process@2.1.0")), installed());

        String child = starred.childId("hana");
        starred.host().child(child, Cohort.LOOKED_AFTER).role("iro-1", SeedProcedures.IRO, child)
                .role("tm-1", SeedProcedures.TEAM_MANAGER, child).role("sw-1", SeedProcedures.SOCIAL_WORKER, child);
        starred.host().signIn("iro-1");
        Concern raised = starred.concerns().raise(new RaiseConcern(child,
                SeedProcedures.ALERT_PROCESS_004, ConcernOrigin.CONCERN_OUTSIDE_REVIEW,
                List.of("REVIEW_LATE_OR_CANCELLED"), "Review cancelled without the IRO's agreement",
                "Review held", LocalDate.of(2026, 3, 20), "tm-1", null));

        Bundle seed004 = bundle("uk.starred.procedure.seed-004-alert-process");
        seed004.stop();
        assertTrue("stopping the bundle withdraws its procedure", !installed().contains("seed-004-alert-process@2.1.0"));
        assertEquals(4, installed().size());

        // the running concern carries on under the definition stored with it
        Concern escalated = starred.concerns().escalate(raised.id(), raised.version(), null, "Not resolved in 72 hours");
        assertEquals("INFORMAL_ALERT", escalated.currentStage().orElseThrow().stageId());

        seed004.start();
        assertTrue("starting it again brings the procedure back", installed().contains("seed-004-alert-process@2.1.0"));
        assertNotNull(starred.concerns().find(raised.id()).orElseThrow());
    }

    /** A council's procedure as a descriptor: two stages, the first's name and timescale varying by version. */
    private static String councilDescriptor(String version, String firstStageName, String firstTimescale) {
        return String.join("\n",
                "id: council-alerts",
                "version: " + version,
                "title: Council IRO Alerts",
                "appliesTo: [CHILD_PROTECTION]",
                "roles: [CPC, TEAM_MANAGER, HEAD_OF_SERVICE]",
                "raisedBy: [CPC]",
                "cafcass:",
                "  anyPoint: true",
                "  decisionTimescale: 14 calendar days",
                "stages:",
                "  - id: ALERT",
                "    name: " + firstStageName,
                "    participants: [CPC, TEAM_MANAGER]",
                "    respondingRole: TEAM_MANAGER",
                "    timescale: " + firstTimescale,
                "  - id: HEAD_OF_SERVICE",
                "    name: Escalation to the Head of Service",
                "    participants: [CPC, HEAD_OF_SERVICE]",
                "    respondingRole: HEAD_OF_SERVICE",
                "    timescale: 5 working days",
                "reasons:",
                "  - code: PLAN_DRIFT",
                "    label: Drift in the child's plan",
                "    appliesTo: [CHILD_PROTECTION]",
                "");
    }

    /** @return a procedure bundle holding the descriptor, as a council's build (or the template) makes one */
    private static java.io.InputStream procedureBundle(String bundleVersion, String descriptor) throws Exception {
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        java.util.jar.Attributes main = manifest.getMainAttributes();
        main.put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, "uk.starred.procedure.council-alerts");
        main.putValue(Constants.BUNDLE_VERSION, bundleVersion);
        main.putValue("Starred-Procedure", "OSGI-INF/starred/council-alerts.yaml");
        main.putValue(Constants.REQUIRE_CAPABILITY,
                "osgi.extender;filter:=\"(&(osgi.extender=uk.starred.procedure)(version>=1.0)(!(version>=2.0)))\"");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.jar.JarOutputStream jar = new java.util.jar.JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new java.util.jar.JarEntry("OSGI-INF/starred/council-alerts.yaml"));
            jar.write(descriptor.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return new java.io.ByteArrayInputStream(bytes.toByteArray());
    }

    private RaiseConcern drift(String child) {
        return new RaiseConcern(child, null, ConcernOrigin.CONCERN_OUTSIDE_REVIEW, List.of("PLAN_DRIFT"),
                "No core group since the conference", "Core group held", LocalDate.of(2026, 6, 30), "tm-2", null);
    }

    /**
     * Raises a concern under the procedure selected for the child, once Config Admin has delivered a
     * new selection to the engine; a concern raised under the old selection meanwhile is withdrawn.
     */
    private Concern raiseUnderSelection(KarafStarred starred, String child, String expected) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                Concern c = starred.concerns().raise(drift(child));
                if (c.procedure().toString().equals(expected)) {
                    return c;
                }
                starred.concerns().withdraw(c.id(), c.version(), "raised before the new selection reached the engine");
            } catch (uk.starred.api.UnknownProcedureException notYet) {
                // the selection has not reached the engine yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("new concerns did not come to use " + expected + " within 60 s");
            }
            Thread.sleep(200);
        }
    }

    @Test
    public void installingUpgradingDowngradingAndUninstallingLiveLeavesRunningConcernsOnTheirOwnDefinition()
            throws Exception {
        KarafStarred starred = KarafStarred.in(bundleContext).startRun(Instant.parse("2026-06-01T09:00:00Z"));
        String child = starred.childId("iris");
        starred.host().child(child, Cohort.CHILD_PROTECTION).role("cpc-2", "CPC", child)
                .role("tm-2", "TEAM_MANAGER", child).role("hos-2", "HEAD_OF_SERVICE", child);
        starred.host().signIn("cpc-2");

        // ---- install 1.0.0 and select it for children on child protection plans
        Bundle council = bundleContext.installBundle("council-alerts-1.0.0",
                procedureBundle("1.0.0", councilDescriptor("1.0.0", "Alert to the Team Manager", "5 working days")));
        council.start();
        awaitInstalled("council-alerts@1.0.0", true);
        String selected = shell("starred:procedure-select child-protection council-alerts");
        assertTrue(selected, selected.contains("now use council-alerts"));
        Concern first = raiseUnderSelection(starred, child, "council-alerts@1.0.0");
        assertEquals("Alert to the Team Manager", first.currentStage().orElseThrow().name());
        // Mon 1 June 2026 + 5 working days -> midnight ending Mon 8 June (BST)
        assertEquals(Instant.parse("2026-06-08T23:00:00Z"), first.currentStage().orElseThrow().dueAt());

        // ---- upgrade: 1.1.0 installed beside 1.0.0; new concerns take the newest, the running one stays
        Bundle upgrade = bundleContext.installBundle("council-alerts-1.1.0",
                procedureBundle("1.1.0", councilDescriptor("1.1.0", "Informal alert to the Team Manager", "3 working days")));
        upgrade.start();
        awaitInstalled("council-alerts@1.1.0", true);
        assertTrue(installed().containsAll(List.of("council-alerts@1.0.0", "council-alerts@1.1.0")));
        Concern second = starred.concerns().raise(drift(child));
        assertEquals("council-alerts@1.1.0", second.procedure().toString());
        assertEquals("Informal alert to the Team Manager", second.currentStage().orElseThrow().name());
        assertEquals(Instant.parse("2026-06-04T23:00:00Z"), second.currentStage().orElseThrow().dueAt());
        assertEquals("the running concern is untouched", first, starred.concerns().find(first.id()).orElseThrow());

        // ---- downgrade: 1.1.0 uninstalled; new concerns fall back to 1.0.0, the one under 1.1.0 carries on
        upgrade.uninstall();
        awaitInstalled("council-alerts@1.1.0", false);
        Concern third = starred.concerns().raise(drift(child));
        assertEquals("council-alerts@1.0.0", third.procedure().toString());
        starred.clock().set(Instant.parse("2026-06-05T09:00:00Z"));
        second = starred.concerns().escalate(second.id(), second.version(), null, "No response in 3 working days");
        assertEquals("council-alerts@1.1.0", second.procedure().toString());
        assertEquals("Escalation to the Head of Service", second.currentStage().orElseThrow().name());
        assertEquals("Informal alert to the Team Manager", second.stages().get(0).name());

        // ---- the 1.0.0 bundle updated in place to 1.0.1: 1.0.0 is withdrawn, 1.0.1 takes its place
        council.update(procedureBundle("1.0.1", councilDescriptor("1.0.1", "Alert to the Team Manager", "4 working days")));
        awaitInstalled("council-alerts@1.0.0", false);
        awaitInstalled("council-alerts@1.0.1", true);
        // pinned back to a version: new concerns take exactly that one
        shell("starred:procedure-select child-protection council-alerts@1.0.1");
        Concern fourth = raiseUnderSelection(starred, child, "council-alerts@1.0.1");
        assertEquals(Instant.parse("2026-06-11T23:00:00Z"), fourth.currentStage().orElseThrow().dueAt());
        first = starred.concerns().find(first.id()).orElseThrow();
        assertEquals(Instant.parse("2026-06-08T23:00:00Z"), first.currentStage().orElseThrow().dueAt());

        // ---- uninstalled altogether: nothing new may start under it, and nothing running is orphaned
        council.uninstall();
        awaitInstalled("council-alerts@1.0.1", false);
        uk.starred.api.UnknownProcedureException none = uk.starred.testkit.Expect.thrown(
                uk.starred.api.UnknownProcedureException.class, () -> starred.concerns().raise(drift(child)));
        assertTrue(none.getMessage(), none.getMessage().contains("council-alerts"));
        for (Concern running : List.of(first, second, third, fourth)) {
            Concern now = starred.concerns().find(running.id()).orElseThrow();
            Concern resolved = starred.concerns().resolve(now.id(), now.version(), "Core group held");
            assertEquals(uk.starred.api.concern.ConcernStatus.RESOLVED, resolved.status());
            assertEquals(running.procedure(), resolved.procedure());
        }
    }

    @Test
    public void aMissedDeadlineFiresOnceTurnsTheAlertRedAndIsPostedOnEventAdmin() throws Exception {
        java.util.concurrent.BlockingQueue<org.osgi.service.event.Event> events =
                new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.Hashtable<String, Object> topics = new java.util.Hashtable<>();
        topics.put(org.osgi.service.event.EventConstants.EVENT_TOPIC, uk.starred.api.alert.AlertEvents.ALL);
        org.osgi.framework.ServiceRegistration<?> handler = bundleContext.registerService(
                org.osgi.service.event.EventHandler.class.getName(),
                (org.osgi.service.event.EventHandler) events::add, topics);
        try {
            KarafStarred starred = KarafStarred.in(bundleContext).startRun(Instant.parse("2026-11-16T10:00:00Z"));
            String child = starred.childId("jade");
            starred.host().child(child, Cohort.LOOKED_AFTER).role("iro-3", SeedProcedures.IRO, child)
                    .role("tm-3", SeedProcedures.TEAM_MANAGER, child).role("sw-3", SeedProcedures.SOCIAL_WORKER, child)
                    .role("sm-3", SeedProcedures.SERVICE_MANAGER, child)
                    .role("hos-3", SeedProcedures.HEAD_OF_SERVICE, child);
            starred.host().signIn("iro-3");
            Concern raised = starred.concerns().raise(new RaiseConcern(child, SeedProcedures.ALERT_PROCESS_004,
                    ConcernOrigin.CONCERN_OUTSIDE_REVIEW, List.of("REVIEW_LATE_OR_CANCELLED"), "Review cancelled",
                    "Review held", LocalDate.of(2026, 12, 18), "tm-3", null));
            starred.deliver();
            org.osgi.service.event.Event changed = null;
            for (org.osgi.service.event.Event e; changed == null
                    && (e = events.poll(30, java.util.concurrent.TimeUnit.SECONDS)) != null; ) {
                if (child.equals(e.getProperty(uk.starred.api.alert.AlertEvents.CHILD_ID))) {
                    changed = e;
                }
            }
            assertNotNull("the change is posted on Event Admin", changed);
            assertEquals(uk.starred.api.alert.AlertEvents.CONCERN_CHANGED, changed.getTopic());
            assertEquals("raise", changed.getProperty(uk.starred.api.alert.AlertEvents.WHAT));

            // Step 1: 72 working hours from Mon 16 November 10:00 -> 10:00 Thu 19 November
            Instant due = raised.currentStage().orElseThrow().dueAt();
            assertEquals(Instant.parse("2026-11-19T10:00:00Z"), due);
            assertEquals("GREEN", starred.alerts().alertsForChild(child).get(0).rag().name());
            starred.clock().set(due);
            starred.deadlines().fireDue();
            String overdue = shell("starred:deadlines --overdue");
            assertTrue(overdue, overdue.contains(raised.id() + "/STAGE_DUE/"));
            assertTrue(overdue, overdue.contains("prompted to decide"));
            assertEquals(List.of("RED INFORMAL_ALERT", "RED STAGE_OVERDUE"), starred.alerts().alertsForChild(child)
                    .stream().map(a -> a.rag() + " " + a.kind()).toList());
            assertEquals("fired once", 1L, starred.deadlines().overdue(1000).stream()
                    .filter(d -> raised.id().equals(d.concernId())).count());

            starred.deliver();
            Set<String> topicsSeen = new TreeSet<>();
            for (org.osgi.service.event.Event e; (e = events.poll(10, java.util.concurrent.TimeUnit.SECONDS)) != null; ) {
                if (raised.id().toString().equals(e.getProperty(uk.starred.api.alert.AlertEvents.CONCERN_ID))) {
                    topicsSeen.add(e.getTopic());
                }
                if (topicsSeen.contains("uk/starred/deadline/STAGE_DUE")) {
                    break;
                }
            }
            assertTrue(topicsSeen.toString(), topicsSeen.contains("uk/starred/deadline/STAGE_DUE"));
        } finally {
            handler.unregister();
        }
    }

    @Test
    public void aClosureDayConfiguredWhileConcernsRunMovesTheirDueMoments() throws Exception {
        KarafStarred starred = KarafStarred.in(bundleContext).startRun(Instant.parse("2026-12-07T10:00:00Z"));
        String child = starred.childId("kit");
        starred.host().child(child, Cohort.LOOKED_AFTER).role("iro-4", SeedProcedures.IRO, child)
                .role("tm-4", SeedProcedures.TEAM_MANAGER, child).role("sw-4", SeedProcedures.SOCIAL_WORKER, child);
        starred.host().signIn("iro-4");
        Concern raised = starred.concerns().raise(new RaiseConcern(child, SeedProcedures.ALERT_PROCESS_004,
                ConcernOrigin.CONCERN_OUTSIDE_REVIEW, List.of("REVIEW_LATE_OR_CANCELLED"), "Review cancelled",
                "Review held", LocalDate.of(2027, 1, 29), "tm-4", null));
        // Step 1: 72 working hours from Mon 7 December 10:00 -> 10:00 Thu 10 December
        assertEquals(Instant.parse("2026-12-10T10:00:00Z"), raised.currentStage().orElseThrow().dueAt());

        org.osgi.service.cm.Configuration calendar = bundleContext.getService(bundleContext.getServiceReference(
                org.osgi.service.cm.ConfigurationAdmin.class)).getConfiguration("uk.starred.calendar", "?");
        java.util.Hashtable<String, Object> closure = new java.util.Hashtable<>();
        closure.put("closureDays", new String[] {"2026-12-08 Council closure"});
        starred.outbox().deliverDue();
        int told = starred.host().notifications.size();
        calendar.update(closure);
        try {
            // the change is applied on a thread of its own: wait (at most 60 s) for the due moment to move
            Instant moved = Instant.parse("2026-12-11T10:00:00Z");
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            Instant due = raised.currentStage().orElseThrow().dueAt();
            while (!moved.equals(due) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                due = starred.concerns().find(raised.id()).orElseThrow().currentStage().orElseThrow().dueAt();
            }
            assertEquals("Tuesday 8 December closed: a day later", moved, due);
            starred.outbox().deliverDue();
            assertTrue("the IRO is told of the move", starred.host().notifications.size() > told);
        } finally {
            calendar.delete();
        }
    }

    @Test
    public void aLookedAfterReviewNotHeldByItsDateIsLateOnceAndARedAlert() throws Exception {
        KarafStarred starred = KarafStarred.in(bundleContext).startRun(Instant.parse("2026-01-05T10:00:00Z"));
        String child = starred.childId("lou");
        starred.host().child(child, Cohort.LOOKED_AFTER).role("iro-5", SeedProcedures.IRO, child)
                .role("sw-5", SeedProcedures.SOCIAL_WORKER, child);
        uk.starred.api.review.ReviewService reviews = bundleContext.getService(
                bundleContext.getServiceReference(uk.starred.api.review.ReviewService.class));
        starred.host().signIn("sw-5");
        uk.starred.api.review.ReviewTimetable t = reviews.lookedAfterFrom(child, LocalDate.of(2026, 1, 5));
        assertEquals("within 20 working days", LocalDate.of(2026, 2, 2), t.nextReview().orElseThrow().dueBy());
        starred.host().signIn("iro-5");
        t = reviews.iroAppointed(child, t.version(), LocalDate.of(2026, 1, 5));
        starred.clock().set(Instant.parse("2026-02-03T00:00:00Z"));
        starred.deadlines().fireDue();
        assertEquals(List.of("RED REVIEW_OVERDUE"), starred.alerts().alertsForChild(child).stream()
                .map(a -> a.rag() + " " + a.kind()).toList());
        String overdue = shell("starred:deadlines --overdue");
        assertTrue(overdue, overdue.contains(child + "/REVIEW_DUE/1"));
        assertTrue(overdue, overdue.contains("review 1 late"));
        reviews.reviewHeld(child, t.version(), LocalDate.of(2026, 2, 3));
        assertEquals(List.of(), starred.alerts().alertsForChild(child));
    }
}
