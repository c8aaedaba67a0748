package uk.starred.itests;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Every seed scenario through Starred's OSGi services in one Karaf whose DataSource is PostgreSQL,
 * as an operator configures it.
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
        SeedScenarioSuite.runAll();
    }
}
