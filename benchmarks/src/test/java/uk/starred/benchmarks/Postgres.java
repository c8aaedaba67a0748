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

    /**
     * Blocks of a schema's tables (with their indexes and TOAST) that PostgreSQL found in its shared
     * buffers, and read from outside them, in all and table by table.
     */
    public record Blocks(long hit, long read, java.util.Map<String, long[]> byTable) {

        public Blocks minus(Blocks before) {
            java.util.Map<String, long[]> tables = new java.util.TreeMap<>();
            byTable.forEach((table, now) -> {
                long[] then = before.byTable.getOrDefault(table, new long[2]);
                if (now[0] != then[0] || now[1] != then[1]) {
                    tables.put(table, new long[] {now[0] - then[0], now[1] - then[1]});
                }
            });
            return new Blocks(hit - before.hit, read - before.read, tables);
        }

        /** @return the tables as JSON: each one's blocks hit and read, per {@code per} (such as items fired) */
        public String json(long per) {
            java.util.StringJoiner out = new java.util.StringJoiner(", ", "{", "}");
            byTable.forEach((table, b) -> out.add(String.format(java.util.Locale.ROOT,
                    "\"%s\": {\"hit\": %.1f, \"read\": %.1f}", table, b[0] / (double) per, b[1] / (double) per)));
            return out.toString();
        }
    }

    /**
     * What PostgreSQL's statistics say of the blocks the schema's tables, their indexes and TOAST were
     * read from. A server process reports its figures once it has been idle for up to ten seconds, so
     * this waits that long first: call it when the work to be counted has finished.
     */
    public static Blocks blocks(String schema) throws SQLException, InterruptedException {
        Thread.sleep(11_000);
        try (Connection c = DriverManager.getConnection(URL, "postgres", null);
             java.sql.PreparedStatement q = c.prepareStatement("SELECT relname, COALESCE(heap_blks_hit, 0)"
                     + " + COALESCE(idx_blks_hit, 0) + COALESCE(toast_blks_hit, 0) + COALESCE(tidx_blks_hit, 0),"
                     + " COALESCE(heap_blks_read, 0) + COALESCE(idx_blks_read, 0) + COALESCE(toast_blks_read, 0)"
                     + " + COALESCE(tidx_blks_read, 0) FROM pg_statio_user_tables WHERE schemaname = ?")) {
            q.setString(1, schema);
            java.util.Map<String, long[]> tables = new java.util.TreeMap<>();
            long hit = 0;
            long read = 0;
            try (java.sql.ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    tables.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                    hit += rs.getLong(2);
                    read += rs.getLong(3);
                }
            }
            return new Blocks(hit, read, tables);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", null); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
