package uk.starred.impl.seeds;

import java.time.Instant;
import java.util.Collection;

import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.testkit.StarredSystem;
import uk.starred.testkit.seeds.Seed001DisputeResolutionScenarios;

/** {@link Seed001DisputeResolutionScenarios} on the engine wired by hand, on H2 and (when it answers) PostgreSQL. */
@RunWith(Parameterized.class)
public class Seed001DisputeResolutionScenarioTest extends Seed001DisputeResolutionScenarios {

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.kinds();
    }

    private final TestDatabase.Kind kind;

    public Seed001DisputeResolutionScenarioTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @Override
    protected StarredSystem system(Instant start) {
        return new Engine(kind, start);
    }

    @Override
    protected void release(StarredSystem system) {
        ((Engine) system).close();
    }
}
