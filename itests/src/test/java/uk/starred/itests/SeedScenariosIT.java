package uk.starred.itests;

import static org.junit.Assert.assertEquals;

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
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Every seed scenario through Starred's OSGi services in a plain Karaf on its embedded H2, the
 * procedures loaded from the seed procedure bundles.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SeedScenariosIT {

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected BootFinished bootFinished;

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        probe.setHeader(Constants.DYNAMICIMPORT_PACKAGE, "*");
        return probe;
    }

    @Configuration
    public Option[] config() {
        return KarafOptions.scenarioKaraf();
    }

    @Test
    public void everySeedScenarioPasses() throws Exception {
        assertEquals("H2", KarafStarred.databaseProduct(bundleContext));
        SeedScenarioSuite.runAll();
    }
}
