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
        HttpURLConnection http = getWhenServed("/starred");
        assertEquals(200, http.getResponseCode());
        String page = body(http);
        assertTrue(page, page.contains("<td>demo-alert-process</td>"));
        assertEquals(1, uk.starred.referencehost.session.Session.runAs("demo-iro",
                () -> concerns.concernsForChild("DEMO-CHILD-AMARA")).size());
    }

    @Test
    public void theGuidesWorkedExampleDroppedIntoDeployRunsAConcern() throws Exception {
        java.nio.file.Path example = java.nio.file.Path.of(System.getProperty(KarafOptions.EXAMPLE_DESCRIPTOR_PROPERTY));
        java.nio.file.Path deployed = java.nio.file.Path.of(System.getProperty("karaf.base"), "deploy",
                "example-council-alerts.yaml");
        java.nio.file.Files.copy(example, deployed);
        uk.starred.api.procedure.ProcedureRef ref = new uk.starred.api.procedure.ProcedureRef("example-council-alerts", "1.0.0");
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
