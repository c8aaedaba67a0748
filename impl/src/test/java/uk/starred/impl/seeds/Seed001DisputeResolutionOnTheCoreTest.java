package uk.starred.impl.seeds;

import java.time.Instant;

import uk.starred.impl.testing.CoreSystem;
import uk.starred.testkit.StarredSystem;
import uk.starred.testkit.seeds.Seed001DisputeResolutionScenarios;

/** {@link Seed001DisputeResolutionScenarios} on the core's rules alone, kept in memory: no database, milliseconds. */
public class Seed001DisputeResolutionOnTheCoreTest extends Seed001DisputeResolutionScenarios {

    @Override
    protected StarredSystem system(Instant start) {
        return new CoreSystem(start);
    }

    @Override
    protected void release(StarredSystem system) {
        // nothing held: the system is garbage once the scenario ends
    }
}
