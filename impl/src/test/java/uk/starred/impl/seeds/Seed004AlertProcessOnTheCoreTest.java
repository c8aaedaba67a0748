package uk.starred.impl.seeds;

import java.time.Instant;

import uk.starred.impl.testing.CoreSystem;
import uk.starred.testkit.StarredSystem;
import uk.starred.testkit.seeds.Seed004AlertProcessScenarios;

/** {@link Seed004AlertProcessScenarios} on the core's rules alone, kept in memory: no database, milliseconds. */
public class Seed004AlertProcessOnTheCoreTest extends Seed004AlertProcessScenarios {

    @Override
    protected StarredSystem system(Instant start) {
        return new CoreSystem(start);
    }

    @Override
    protected void release(StarredSystem system) {
        // nothing held: the system is garbage once the scenario ends
    }
}
