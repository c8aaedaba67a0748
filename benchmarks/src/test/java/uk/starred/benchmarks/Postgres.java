package uk.starred.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.apache.commons.dbcp2.BasicDataSource;

/**
 * The local PostgreSQL the benchmarks run on (127.0.0.1:5432, database {@code test}, user
 * {@code postgres}, trust authentication): a schema of its own for each measurement, and pools into it.
 */
public final class Postgres {

    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private Postgres() {
    }

    /** Makes a new, empty schema. @return its name, the prefix and a random part */
    public static String createSchema(String prefix) throws SQLException {
        String schema = prefix + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    public static void dropSchema(String schema) throws SQLException {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    /** @return the JDBC URL of the schema */
    public static String url(String schema) {
        return URL + "?currentSchema=" + schema;
    }

    /** A pool of connections into the schema, as pax-jdbc's dbcp2 pool keeps them in Karaf. */
    public static BasicDataSource pool(String schema, int connections) {
        BasicDataSource ds = new BasicDataSource();
        ds.setUrl(url(schema));
        ds.setUsername("postgres");
        ds.setMaxTotal(connections);
        return ds;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", null); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
