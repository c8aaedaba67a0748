package uk.starred.impl.seeds;

import java.time.Instant;

import uk.starred.impl.testing.CoreSystem;
import uk.starred.testkit.StarredSystem;
import uk.starred.testkit.seeds.Seed002LookedAfterReviewsScenarios;

/** {@link Seed002LookedAfterReviewsScenarios} on the core's rules alone, kept in memory: no database, milliseconds. */
public class Seed002LookedAfterReviewsOnTheCoreTest extends Seed002LookedAfterReviewsScenarios {

    @Override
    protected StarredSystem system(Instant start) {
        return new CoreSystem(start);
    }

    @Override
    protected void release(StarredSystem system) {
        // nothing held: the system is garbage once the scenario ends
    }
}
