package uk.starred.browser;

import static org.junit.Assert.assertTrue;

import org.junit.ClassRule;
import org.junit.Test;

/**
 * Hostile input to the REST API of the demo distribution on PostgreSQL, which refuses what H2 takes (a NUL in
 * text among it).
 */
public class RestFuzzOnPostgresqlIT extends RestFuzzing {

    @ClassRule
    public static final DemoDistribution demo = DemoDistribution.onPostgresql();

    @Override
    protected DemoDistribution demo() {
        return demo;
    }

    @Test
    public void theDemoKeepsItsRecordsOnPostgresql() throws Exception {
        assertTrue("the demo's concerns are in its PostgreSQL schema", demo.rowsOnPostgresql("concern") > 10);
        assertTrue("and their audit trails", demo.rowsOnPostgresql("audit_entry") > 10);
    }
}
