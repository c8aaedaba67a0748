package uk.starred.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.junit.Test;
import org.junit.runner.JUnitCore;
import org.junit.runner.Result;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;

import uk.starred.testkit.StarredSystem;
import uk.starred.testkit.seeds.Seed000StarredDecisionsScenarios;
import uk.starred.testkit.seeds.Seed001DisputeResolutionScenarios;
import uk.starred.testkit.seeds.Seed002LookedAfterReviewsScenarios;
import uk.starred.testkit.seeds.Seed003DisputeResolutionFlowChartScenarios;
import uk.starred.testkit.seeds.Seed004AlertProcessScenarios;

/**
 * Every seed scenario through Starred's OSGi services in one Karaf whose DataSource is PostgreSQL,
 * as an operator configures it. (On H2 each seed has a Karaf test class of its own.)
 */
@RunWith(PostgresqlGate.class)
@ExamReactorStrategy(PerClass.class)
public class SeedScenariosOnPostgresqlIT {

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
        List<Option> options = new ArrayList<>(Arrays.asList(KarafOptions.scenarioKaraf("starred-postgresql")));
        options.addAll(KarafOptions.postgresqlDataSource(System.getProperty(PostgresqlGate.SCHEMA_PROPERTY)));
        return options.toArray(Option[]::new);
    }

    @Test
    public void everySeedScenarioPassesOnPostgresql() throws Exception {
        assertEquals("PostgreSQL", KarafStarred.databaseProduct(bundleContext));
        Result result = new JUnitCore().run(Seed000.class, Seed001.class, Seed002.class, Seed003.class, Seed004.class);
        assertTrue(result.getFailures().stream().map(f -> f.getTestHeader() + ": " + f.getTrace())
                .collect(Collectors.joining("\n\n")), result.wasSuccessful());
        assertEquals("every scenario of the five seeds ran", 17, result.getRunCount());
    }

    static StarredSystem start(Instant start) {
        try {
            return KarafStarred.in(FrameworkUtil.getBundle(SeedScenariosOnPostgresqlIT.class).getBundleContext())
                    .startRun(start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static class Seed000 extends Seed000StarredDecisionsScenarios {
        @Override
        protected StarredSystem system(Instant start) {
            return start(start);
        }

        @Override
        protected void release(StarredSystem system) {
            ((KarafStarred) system).endRun();
        }
    }

    public static class Seed001 extends Seed001DisputeResolutionScenarios {
        @Override
        protected StarredSystem system(Instant start) {
            return start(start);
        }

        @Override
        protected void release(StarredSystem system) {
            ((KarafStarred) system).endRun();
        }
    }

    public static class Seed002 extends Seed002LookedAfterReviewsScenarios {
        @Override
        protected StarredSystem system(Instant start) {
            return start(start);
        }

        @Override
        protected void release(StarredSystem system) {
            ((KarafStarred) system).endRun();
        }
    }

    public static class Seed003 extends Seed003DisputeResolutionFlowChartScenarios {
        @Override
        protected StarredSystem system(Instant start) {
            return start(start);
        }

        @Override
        protected void release(StarredSystem system) {
            ((KarafStarred) system).endRun();
        }
    }

    public static class Seed004 extends Seed004AlertProcessScenarios {
        @Override
        protected StarredSystem system(Instant start) {
            return start(start);
        }

        @Override
        protected void release(StarredSystem system) {
            ((KarafStarred) system).endRun();
        }
    }
}
