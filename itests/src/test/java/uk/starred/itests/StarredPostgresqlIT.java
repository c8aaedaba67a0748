package uk.starred.itests;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * {@code feature:install starred-postgresql starred-demo} into a plain Karaf whose
 * {@code etc/org.ops4j.datasource-starred.cfg} points at PostgreSQL, exactly as the README tells an
 * operator to do it: the schema is migrated there and every concern is stored there.
 */
@RunWith(PostgresqlGate.class)
@ExamReactorStrategy(PerClass.class)
public class StarredPostgresqlIT extends StarredInKaraf {

    @Configuration
    public Option[] config() {
        String schema = System.getProperty(PostgresqlGate.SCHEMA_PROPERTY);
        List<Option> options = new ArrayList<>(Arrays.asList(KarafOptions.plainKaraf("starred-postgresql", "starred-demo")));
        options.addAll(KarafOptions.postgresqlDataSource(schema));
        return options.toArray(Option[]::new);
    }

    @Override
    protected String expectedDatabase() {
        return "PostgreSQL";
    }

    @Test
    public void theSchemaIsMigratedIntoTheConfiguredPostgresqlSchema() throws Exception {
        // the schema name reaches the container only through the DataSource configuration
        assertEquals(1, countRows("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'concern'"
                + " AND table_schema = current_schema()"));
        assertEquals(1, countRows("SELECT COUNT(*) FROM starred_schema_history WHERE version = '3' AND success"));
    }
}
