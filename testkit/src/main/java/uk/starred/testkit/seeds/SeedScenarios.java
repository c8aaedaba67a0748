package uk.starred.testkit.seeds;

import java.time.Instant;

import org.junit.After;

import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.ProcedureRef;
import uk.starred.testkit.StarredSystem;

/**
 * What every seed scenario class shares: the system it runs on (from {@link ScenarioSystems} unless
 * a subclass says otherwise), the procedure installed on it, and the {@link Scenario} helper.
 */
public abstract class SeedScenarios {

    protected StarredSystem engine;
    protected Scenario s;
    /** The seed's procedure, as the system read it from its descriptor. */
    protected Procedure procedure;

    /** @return the system to run the scenario on, its clock at {@code start} */
    protected StarredSystem system(Instant start) {
        return ScenarioSystems.start(start);
    }

    /** Ends the scenario's use of the system. */
    protected void release(StarredSystem system) {
        ScenarioSystems.release(system);
    }

    /** Starts the scenario on a system whose clock reads {@code start}, with the seed's procedure installed. */
    protected void begin(Instant start, ProcedureRef seed) {
        engine = system(start);
        procedure = engine.seed(seed);
        s = new Scenario(engine);
    }

    @After
    public void tearDown() {
        release(engine);
    }
}
