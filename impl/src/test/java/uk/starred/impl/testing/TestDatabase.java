package uk.starred.impl.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.apache.aries.jpa.support.impl.EMSupplierImpl;
import org.apache.aries.jpa.support.impl.ResourceLocalJpaTemplate;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.felix.coordinator.impl.PlainCoordinator;
import org.osgi.service.coordinator.Coordinator;
import org.postgresql.ds.PGSimpleDataSource;

import uk.starred.impl.schema.SchemaMigration;

/**
 * A real, empty database for one test class: H2 in memory always, and PostgreSQL on
 * 127.0.0.1:5432 (database {@code test}, trust authentication) when one answers. Each PostgreSQL
 * instance gets a schema of its own, dropped on {@link #close()}.
 *
 * <p>When the environment variable {@code CI} is set, PostgreSQL is required: its absence fails
 * the run with a message saying so, instead of quietly testing H2 alone.
 */
public final class TestDatabase implements AutoCloseable {

    public enum Kind { H2, POSTGRESQL }

    static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final Kind kind;
    private final DataSource dataSource;
    private final String schema;
    private boolean attached;
    private EntityManagerFactory emf;
    private Coordinator coordinator;

    private TestDatabase(Kind kind, DataSource dataSource, String schema) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.schema = schema;
    }

    /** @return the kinds to run against here, for JUnit's {@code Parameterized} runner */
    public static List<Object[]> kinds() {
        List<Object[]> kinds = new ArrayList<>();
        kinds.add(new Object[] {Kind.H2});
        String problem = postgresqlProblem();
        if (problem == null) {
            kinds.add(new Object[] {Kind.POSTGRESQL});
        } else if (System.getenv("CI") != null) {
            throw new IllegalStateException("CI is set, so the persistence tests must also run on PostgreSQL, "
                    + "but none answers at " + PG_URL + " (user postgres, trust authentication): " + problem);
        } else {
            System.err.println("PostgreSQL not available at " + PG_URL + " (" + problem
                    + "); persistence tests run on H2 only. Set CI to make PostgreSQL required.");
        }
        return kinds;
    }

    private static String postgresqlProblem() {
        try (Connection c = postgres(null).getConnection()) {
            return c.isValid(2) ? null : "connection not valid";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static PGSimpleDataSource postgres(String schema) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(PG_URL);
        ds.setUser("postgres");
        ds.setConnectTimeout(2);
        if (schema != null) {
            ds.setCurrentSchema(schema);
        }
        return ds;
    }

    /**
     * Connections to the schema kept in a pool, as pax-jdbc's dbcp2 pool keeps them in Karaf; named after the
     * schema in PostgreSQL's list of sessions, so that a test can end them.
     */
    private static DataSource pooled(String schema) {
        return pool(PG_URL + "?currentSchema=" + schema + "&ApplicationName=" + schema, "postgres");
    }

    private static DataSource pool(String url, String user) {
        org.apache.commons.dbcp2.BasicDataSource ds = new org.apache.commons.dbcp2.BasicDataSource();
        ds.setUrl(url);
        ds.setUsername(user);
        ds.setMaxTotal(8);
        // lent without asking the database first, as pax-jdbc's dbcp2 pool lends them (commons-pool's default)
        ds.setTestOnBorrow(false);
        return ds;
    }

    /**
     * Ends, from outside, every PostgreSQL session this database's pool holds, as a restart of the database
     * does: the pool still holds the connections, and each fails on its next statement.
     *
     * @return how many were ended
     */
    public int endPooledSessions() {
        try (Connection c = postgres(null).getConnection(); java.sql.PreparedStatement q = c.prepareStatement(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE application_name = ?")) {
            q.setString(1, schema);
            try (java.sql.ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new, empty database of the given kind, with no schema applied yet. */
    public static TestDatabase create(Kind kind) {
        String name = "starred_test_" + UUID.randomUUID().toString().replace("-", "");
        if (kind == Kind.H2) {
            // pooled, as pax-jdbc's dbcp2 pool keeps the embedded database's connections in Karaf
            return new TestDatabase(kind, pool("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=64", null), null);
        }
        execute(postgres(null), "CREATE SCHEMA " + name);
        return new TestDatabase(kind, pooled(name), name);
    }

    /** @return whether PostgreSQL answers here, and if not, why not; {@code null} when it does */
    public static String postgresqlUnavailable() {
        return postgresqlProblem();
    }

    /**
     * The PostgreSQL schema another process made (see {@link #schema()}), as a second node sees the
     * same database; closing it leaves the schema to its maker.
     */
    public static TestDatabase attach(String schema) {
        TestDatabase db = new TestDatabase(Kind.POSTGRESQL, pooled(schema), schema);
        db.attached = true;
        return db;
    }

    /** @return the PostgreSQL schema, or {@code null} on H2 */
    public String schema() {
        return schema;
    }

    /** A new database with the Starred schema migrated in. */
    public static TestDatabase migrated(Kind kind) {
        TestDatabase db = create(kind);
        new SchemaMigration(db.dataSource()).migrate();
        return db;
    }

    public Kind kind() {
        return kind;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The {@code starred} persistence unit over this database, through Aries JPA's own template. */
    public synchronized JpaTemplate jpaTemplate() {
        if (emf == null) {
            emf = Persistence.createEntityManagerFactory("starred",
                    Map.of("javax.persistence.nonJtaDataSource", dataSource));
            coordinator = PlainCoordinator.create();
        }
        return new ResourceLocalJpaTemplate(new EMSupplierImpl("starred", emf, coordinator), coordinator);
    }

    /** @return the number of rows in the table */
    public int count(String table) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the first column of the query's first row, as text; {@code null} when there is none */
    public String string(String query) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    public void execute(String sql) {
        execute(dataSource, sql);
    }

    private static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (emf != null) {
            emf.close();
        }
        if (kind == Kind.H2) {
            execute("SHUTDOWN");
        }
        if (dataSource instanceof org.apache.commons.dbcp2.BasicDataSource pool) {
            try {
                pool.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        if (attached || kind == Kind.H2) {
            return;
        }
        execute(postgres(null), "DROP SCHEMA " + schema + " CASCADE");
    }

    @Override
    public String toString() {
        return kind.toString();
    }
}
