package uk.starred.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.HttpURLConnection;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The demo distribution as a new user gets it: Starred and the demo preinstalled, the page answering. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DemoDistributionIT extends StarredInKaraf {

    @Configuration
    public Option[] config() {
        return KarafOptions.demoDistribution();
    }

    @Override
    protected String expectedDatabase() {
        return "H2";
    }

    @Test
    public void theDemoChildrensConcernsAreThereAndCountedOnTheFrontPage() throws Exception {
        // the demo seeds its caseload and its teams' year on its own thread, and says when it is done
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        HttpURLConnection ready = getWhenServed("/host/status");
        while (ready.getResponseCode() != 200 && System.nanoTime() < deadline) {
            ready.disconnect();
            Thread.sleep(200);
            ready = get("/host/status");
        }
        assertEquals("the demo's caseload seeded", 200, ready.getResponseCode());
        HttpURLConnection http = getWhenServed("/starred");
        assertEquals(200, http.getResponseCode());
        String page = body(http);
        assertTrue(page, page.contains("<td>demo-alert-process</td>"));
        assertEquals(1, uk.starred.referencehost.session.Session.runAs("demo-iro",
                () -> concerns.concernsForChild("DEMO-CHILD-AMARA")).size());
    }

    @javax.inject.Inject
    protected uk.starred.api.host.StaffDirectory staff;

    @javax.inject.Inject
    protected uk.starred.api.procedure.ProcedureLibrary procedures;

    @javax.inject.Inject
    protected org.apache.karaf.shell.api.console.SessionFactory sessions;

    @Test
    public void someoneHoldsEveryRoleEveryInstalledProcedureNamesForTheChildrenItServes() {
        java.util.List<String> nobody = new java.util.ArrayList<>();
        java.util.List<uk.starred.api.host.ChildRecord> children = demoChildren();
        for (uk.starred.api.procedure.Procedure p : procedures.installed()) {
            for (String role : p.roles()) {
                boolean held = children.stream()
                        .filter(c -> c.cohorts().stream().anyMatch(p.appliesTo()::contains))
                        .anyMatch(c -> !staff.holders(role, c.id()).isEmpty());
                if (!held) {
                    nobody.add(p.ref() + " " + role);
                }
            }
        }
        assertEquals("roles nobody in the demo holds", java.util.List.of(), nobody);
    }

    @Test
    public void anOperatorAddsAPersonWithTheirRolesAndTheyHoldThem() throws Exception {
        String added = shell("starred-demo:person-add --oversight demo-area-manager \"Kim Area (Area Manager)\""
                + " HEAD_OF_SERVICE TEAM_MANAGER@DEMO-CHILD-AMARA");
        assertTrue(added, added.contains("Added demo-area-manager"));
        assertEquals(java.util.Set.of("HEAD_OF_SERVICE", "TEAM_MANAGER"),
                staff.rolesFor("demo-area-manager", "DEMO-CHILD-AMARA"));
        assertEquals(java.util.Set.of("HEAD_OF_SERVICE"), staff.rolesFor("demo-area-manager", "DEMO-CHILD-BEN"));
        assertTrue(staff.hasOversight("demo-area-manager"));
        String people = shell("starred-demo:people");
        assertTrue(people, people.contains("demo-area-manager"));
        assertTrue(people, people.contains("TEAM_MANAGER for 1 child"));

        String refused = KarafShell.failing(sessions,
                "starred-demo:person-add demo-nobody \"No One\" TEAM_MANAGER@NO-SUCH-CHILD");
        assertTrue(refused, refused.contains("no child 'NO-SUCH-CHILD'"));
        assertTrue(staff.member("demo-nobody").isEmpty());
    }

    /** @return the first demo's children: looked after, on a plan, and both */
    private java.util.List<uk.starred.api.host.ChildRecord> demoChildren() {
        uk.starred.api.host.ChildRecords records = bundleContext.getService(
                bundleContext.getServiceReference(uk.starred.api.host.ChildRecords.class));
        return java.util.List.copyOf(records.children(java.util.List.of("DEMO-CHILD-AMARA", "DEMO-CHILD-BEN",
                "DEMO-CHILD-CHLOE")).values());
    }

    private String shell(String command) throws Exception {
        return KarafShell.run(sessions, command);
    }

    @Test
    public void theGuidesWorkedExampleDroppedIntoDeployRunsAConcern() throws Exception {
        java.nio.file.Path example = java.nio.file.Path.of(System.getProperty(KarafOptions.EXAMPLE_DESCRIPTOR_PROPERTY));
        java.nio.file.Path deployed = java.nio.file.Path.of(System.getProperty("karaf.base"), "deploy",
                "example-council-alerts.yaml");
        java.nio.file.Files.copy(example, deployed);
        uk.starred.api.procedure.ProcedureRef ref = new uk.starred.api.procedure.ProcedureRef("example-council-alerts", "2.0.0");
        org.osgi.util.tracker.ServiceTracker<uk.starred.api.procedure.InstalledProcedure, ?> loaded =
                new org.osgi.util.tracker.ServiceTracker<>(bundleContext, bundleContext.createFilter("(&(objectClass="
                        + uk.starred.api.procedure.InstalledProcedure.class.getName() + ")("
                        + uk.starred.api.procedure.InstalledProcedure.ID + "=" + ref.id() + "))"), null);
        loaded.open();
        try {
            assertTrue("the dropped descriptor is loaded within 60 s", loaded.waitForService(60_000) != null);
        } finally {
            loaded.close();
        }
        int before = uk.starred.referencehost.session.Session.runAs("demo-iro",
                () -> concerns.concernsForChild("DEMO-CHILD-CHLOE")).size();
        uk.starred.api.concern.Concern raised = uk.starred.referencehost.session.Session.runAs("demo-iro",
                () -> concerns.raise(new uk.starred.api.concern.RaiseConcern("DEMO-CHILD-CHLOE", ref,
                        uk.starred.api.concern.ConcernOrigin.CONCERN_OUTSIDE_REVIEW, java.util.List.of("PLAN_DRIFT"),
                        "No permanence plan at the second review", "Permanence planning meeting held",
                        java.time.LocalDate.now().plusDays(30), "demo-team-manager", null)));
        assertEquals(ref, raised.procedure());
        assertEquals("Alert to the Team Manager", raised.currentStage().orElseThrow().name());
        assertEquals(before + 1, uk.starred.referencehost.session.Session.runAs("demo-iro",
                () -> concerns.concernsForChild("DEMO-CHILD-CHLOE")).size());
    }
}
