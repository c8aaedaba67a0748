package uk.starred.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
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
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * {@code feature:install starred} into a plain Apache Karaf 4.4.9, with no host adapter: every
 * bundle starts, the schema is migrated into the embedded H2 database under Karaf's data folder, and
 * the engine waits for exactly the host ports it needs, named, and for nothing else.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StarredFeatureIT {

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected BootFinished bootFinished;

    @Inject
    protected ServiceComponentRuntime scr;


    /** Aries JPA and the schema migration start after boot, once the DataSource is there: wait for both. */
    @org.junit.Before
    public void waitForTheDatabase() throws Exception {
        for (String filter : new String[] {"(&(objectClass=org.apache.aries.jpa.template.JpaTemplate)(osgi.unit.name=starred))",
                "(objectClass=uk.starred.impl.schema.StarredSchema)"}) {
            org.osgi.util.tracker.ServiceTracker<Object, Object> tracker = new org.osgi.util.tracker.ServiceTracker<>(
                    bundleContext, bundleContext.createFilter(filter), null);
            tracker.open(true);
            try {
                assertTrue("no service " + filter + " within 60 s", tracker.waitForService(60_000) != null);
            } finally {
                tracker.close();
            }
        }
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        probe.setHeader(Constants.DYNAMICIMPORT_PACKAGE, "*");
        return probe;
    }

    @Configuration
    public Option[] config() {
        return KarafOptions.plainKaraf("starred");
    }

    @Test
    public void everyBundleIsActive() {
        for (Bundle bundle : bundleContext.getBundles()) {
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            assertTrue(bundle.getSymbolicName() + " is not active", fragment || bundle.getState() == Bundle.ACTIVE);
        }
    }

    @Test
    public void theSchemaIsMigratedIntoTheEmbeddedDatabaseUnderKarafData() throws Exception {
        javax.sql.DataSource dataSource = bundleContext.getService(bundleContext
                .getServiceReferences(javax.sql.DataSource.class, "(osgi.jndi.service.name=starred)").iterator().next());
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.ResultSet rs = c.createStatement().executeQuery(
                     "SELECT MAX(\"version\") FROM \"starred_schema_history\" WHERE \"success\"")) {
            assertEquals("H2", c.getMetaData().getDatabaseProductName());
            rs.next();
            assertEquals("9", rs.getString(1));
        }
        File database = new File(System.getProperty("karaf.data"), "starred/starred.mv.db");
        assertTrue(database + " should exist", database.isFile());
        // configured by Starred through Config Admin, no file in etc/ for File Install to read half-written
        org.osgi.service.cm.Configuration[] configured = bundleContext.getService(bundleContext.getServiceReference(
                org.osgi.service.cm.ConfigurationAdmin.class)).listConfigurations(
                "(&(service.factoryPid=org.ops4j.datasource)(dataSourceName=starred))");
        assertEquals(1, configured.length);
        assertTrue(String.valueOf(configured[0].getProperties().get("url")).startsWith("jdbc:h2:file:"));
        assertTrue(!new File(System.getProperty("karaf.etc"), "org.ops4j.datasource-starred.cfg").exists());
    }

    @Test
    public void theEngineWaitsForTheHostPortsAndNamesThem() {
        Set<String> missing = new TreeSet<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getSymbolicName() == null || !bundle.getSymbolicName().startsWith("uk.starred.")) {
                continue;
            }
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    assertTrue(description.name + " failed: " + configuration.failure,
                            configuration.state != ComponentConfigurationDTO.FAILED_ACTIVATION);
                    if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                        for (UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
                            String type = description.references[0].interfaceName;
                            for (var ref : description.references) {
                                if (ref.name.equals(reference.name)) {
                                    type = ref.interfaceName;
                                }
                            }
                            missing.add(type);
                        }
                    }
                }
            }
        }
        // the host's five ports, and the engine's own services that wait on them in turn (the screens
        // wait on the alert, concern, oversight, report, good practice, review, audit, access log and subject
        // access services); no component waits on another's class
        assertEquals(new TreeSet<>(List.of("uk.starred.api.alert.AlertService", "uk.starred.api.concern.ConcernService",
                "uk.starred.api.concern.OversightService", "uk.starred.api.host.CallerContext",
                "uk.starred.api.host.CaseFile", "uk.starred.api.host.ChildRecords", "uk.starred.api.host.Notifier",
                "uk.starred.api.practice.GoodPracticeService", "uk.starred.api.review.ReviewService",
                "uk.starred.api.audit.AuditTrail", "uk.starred.api.audit.AccessLog",
                "uk.starred.api.audit.SubjectAccess", "uk.starred.api.host.StaffDirectory",
                "uk.starred.api.report.AnnualReportService")), missing);
    }
}
