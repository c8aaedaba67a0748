package uk.starred.impl.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the schema this release needs, with the versioned SQL migrations under
 * {@code db/migration/starred}. Safe to run on every start and from several nodes at once: Flyway
 * takes a lock in the database, applies only what is missing, and refuses a database whose applied
 * migrations were changed afterwards.
 */
public final class SchemaMigration {

    /** The schema version this release migrates to: its newest migration's ({@code SchemaMigrationTest} holds it so). */
    public static final String VERSION = "25";

    static final String LOCATION = "classpath:db/migration/starred";
    static final String HISTORY_TABLE = "starred_schema_history";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    private final DataSource dataSource;

    public SchemaMigration(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Applies every pending migration.
     *
     * @return the schema as it now stands
     */
    public StarredSchema migrate() {
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(false)
                .validateOnMigrate(true)
                .load();
        MigrateResult result = flyway.migrate();
        MigrationInfo current = flyway.info().current();
        String version = current == null ? "0" : current.getVersion().getVersion();
        String database = databaseProduct();
        if (result.migrationsExecuted > 0) {
            LOG.info("Starred schema migrated to version {} on {} ({} migration(s) applied)",
                    version, database, result.migrationsExecuted);
        } else {
            LOG.info("Starred schema is at version {} on {}", version, database);
        }
        return new AppliedSchema(version, database);
    }

    private String databaseProduct() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database product after migrating", e);
        }
    }

    private record AppliedSchema(String version, String database) implements StarredSchema {
    }
}
