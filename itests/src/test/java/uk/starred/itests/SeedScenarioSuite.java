package uk.starred.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.stream.Collectors;

import org.junit.runner.JUnitCore;
import org.junit.runner.Result;
import org.osgi.framework.FrameworkUtil;

import uk.starred.testkit.StarredSystem;
import uk.starred.testkit.seeds.ScenarioSystems;
import uk.starred.testkit.seeds.Seed000StarredDecisionsScenarios;
import uk.starred.testkit.seeds.Seed001DisputeResolutionScenarios;
import uk.starred.testkit.seeds.Seed002LookedAfterReviewsScenarios;
import uk.starred.testkit.seeds.Seed003DisputeResolutionFlowChartScenarios;
import uk.starred.testkit.seeds.Seed004AlertProcessScenarios;

/**
 * Every seed scenario, run inside one Karaf through Starred's OSGi services, with the seed
 * procedures loaded from their bundles: one container for all five keeps the suite quick, and a
 * failure names each scenario that failed with its trace.
 */
final class SeedScenarioSuite {

    private SeedScenarioSuite() {
    }

    static void runAll() {
        ScenarioSystems.use(KARAF);
        Class<?>[] seeds = {Seed000.class, Seed001.class, Seed002.class, Seed003.class, Seed004.class};
        Result result = new JUnitCore().run(seeds);
        assertTrue(result.getFailures().stream().map(f -> f.getTestHeader() + ": " + f.getTrace())
                .collect(Collectors.joining("\n\n")), result.wasSuccessful());
        long scenarios = java.util.Arrays.stream(seeds).flatMap(c -> java.util.Arrays.stream(c.getMethods()))
                .filter(m -> m.isAnnotationPresent(org.junit.Test.class)).count();
        assertTrue("the seeds have scenarios", scenarios >= 22);
        assertEquals("every scenario of the five seeds ran", scenarios, result.getRunCount());
    }

    /** Each scenario run gets a fresh host and the clock at its start; at its end, what it sent is delivered. */
    private static final ScenarioSystems.Factory KARAF = new ScenarioSystems.Factory() {
        @Override
        public StarredSystem start(Instant start) {
            try {
                return KarafStarred.in(FrameworkUtil.getBundle(SeedScenarioSuite.class).getBundleContext())
                        .startRun(start);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void release(StarredSystem system) {
            ((KarafStarred) system).endRun();
        }
    };

    public static class Seed000 extends Seed000StarredDecisionsScenarios {
    }

    public static class Seed001 extends Seed001DisputeResolutionScenarios {
    }

    public static class Seed002 extends Seed002LookedAfterReviewsScenarios {
    }

    public static class Seed003 extends Seed003DisputeResolutionFlowChartScenarios {
    }

    public static class Seed004 extends Seed004AlertProcessScenarios {
    }
}
