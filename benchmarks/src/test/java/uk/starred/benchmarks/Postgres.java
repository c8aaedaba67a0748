package uk.starred.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
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
        // lent without asking the database first, as pax-jdbc's dbcp2 pool lends them (commons-pool's default)
        ds.setTestOnBorrow(false);
        return ds;
    }

    /** Blocks of one table, with its indexes and TOAST: found in PostgreSQL's shared buffers, and read in. */
    public record TableBlocks(long hit, long read) {
    }

    /**
     * What the whole PostgreSQL server wrote to its write-ahead log: its bytes, and the full-page images
     * among them (a block's first change after a checkpoint logs the whole 8 KB block); and the time the
     * database's server processes spent reading blocks in and writing them out (zero unless the server
     * has {@code track_io_timing} on).
     */
    public record Wal(long bytes, long fullPages, double readMillis, double writeMillis) {
    }

    /** The blocks of a schema's tables, table by table, and the server's write-ahead log. */
    public record Blocks(Map<String, TableBlocks> byTable, Wal wal) {

        public long hit() {
            return byTable.values().stream().mapToLong(TableBlocks::hit).sum();
        }

        public long read() {
            return byTable.values().stream().mapToLong(TableBlocks::read).sum();
        }

        /** @return the blocks since {@code before}, naming only the tables that were read */
        public Blocks minus(Blocks before) {
            Map<String, TableBlocks> tables = new TreeMap<>();
            byTable.forEach((table, now) -> {
                TableBlocks then = before.byTable.getOrDefault(table, new TableBlocks(0, 0));
                if (!now.equals(then)) {
                    tables.put(table, new TableBlocks(now.hit() - then.hit(), now.read() - then.read()));
                }
            });
            return new Blocks(tables, new Wal(wal.bytes() - before.wal.bytes(),
                    wal.fullPages() - before.wal.fullPages(), wal.readMillis() - before.wal.readMillis(),
                    wal.writeMillis() - before.wal.writeMillis()));
        }

        /** @return the tables as JSON: each one's blocks hit and read, per {@code per} (such as items fired) */
        public String json(long per) {
            StringJoiner out = new StringJoiner(", ", "{", "}");
            byTable.forEach((table, b) -> out.add(String.format(Locale.ROOT,
                    "\"%s\": {\"hit\": %.1f, \"read\": %.1f}", table, b.hit() / (double) per,
                    b.read() / (double) per)));
            return out.toString();
        }
    }

    /**
     * What PostgreSQL's statistics say of the blocks the schema's tables, their indexes and TOAST were
     * read from. A server process reports its figures once it has been idle for up to ten seconds, so
     * this waits that long first: call it when the work to be counted has finished. The log's figures
     * are the server's ({@code pg_stat_wal}), so count nothing else running at the time.
     */
    public static Blocks blocks(String schema) throws SQLException, InterruptedException {
        Thread.sleep(11_000);
        try (Connection c = DriverManager.getConnection(URL, "postgres", null);
             PreparedStatement q = c.prepareStatement("SELECT relname, COALESCE(heap_blks_hit, 0)"
                     + " + COALESCE(idx_blks_hit, 0) + COALESCE(toast_blks_hit, 0) + COALESCE(tidx_blks_hit, 0),"
                     + " COALESCE(heap_blks_read, 0) + COALESCE(idx_blks_read, 0) + COALESCE(toast_blks_read, 0)"
                     + " + COALESCE(tidx_blks_read, 0) FROM pg_statio_user_tables WHERE schemaname = ?")) {
            q.setString(1, schema);
            Map<String, TableBlocks> tables = new TreeMap<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    tables.put(rs.getString(1), new TableBlocks(rs.getLong(2), rs.getLong(3)));
                }
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT w.wal_bytes, w.wal_fpi, d.blk_read_time, d.blk_write_time"
                         + " FROM pg_stat_wal w, pg_stat_database d WHERE d.datname = current_database()")) {
                rs.next();
                return new Blocks(tables, new Wal(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4)));
            }
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", null); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
