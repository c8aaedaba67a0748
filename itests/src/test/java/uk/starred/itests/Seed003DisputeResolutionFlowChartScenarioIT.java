package uk.starred.itests;

import java.time.Instant;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
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

import uk.starred.testkit.StarredSystem;
import uk.starred.testkit.seeds.Seed003DisputeResolutionFlowChartScenarios;

/** {@link Seed003DisputeResolutionFlowChartScenarios} through Starred's OSGi services in the real Karaf, on its embedded H2. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class Seed003DisputeResolutionFlowChartScenarioIT extends Seed003DisputeResolutionFlowChartScenarios {

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

    @Override
    protected StarredSystem system(Instant start) {
        try {
            return KarafStarred.in(bundleContext).startRun(start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void release(StarredSystem system) {
        ((KarafStarred) system).endRun();
    }
}
