package uk.starred.testkit.seeds;

import java.time.Instant;

import uk.starred.testkit.StarredSystem;

/**
 * Where a scenario gets its system when its class does not say: a runner that runs several
 * scenario classes on one system (inside Karaf, say) sets the factory once instead of subclassing
 * each scenario class to say the same thing.
 */
public final class ScenarioSystems {

    /** Starts and ends a scenario's use of a system. */
    public interface Factory {
        StarredSystem start(Instant start);

        void release(StarredSystem system);
    }

    private static volatile Factory factory;

    private ScenarioSystems() {
    }

    public static void use(Factory systems) {
        factory = systems;
    }

    static StarredSystem start(Instant start) {
        return current().start(start);
    }

    static void release(StarredSystem system) {
        current().release(system);
    }

    private static Factory current() {
        Factory f = factory;
        if (f == null) {
            throw new IllegalStateException("no system for the scenario: override system() or call ScenarioSystems.use");
        }
        return f;
    }
}
