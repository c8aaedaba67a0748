package uk.starred.benchmarks.council;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import javax.sql.DataSource;

/**
 * Makes a council's worth of concerns in a PostgreSQL schema Starred has migrated, fast enough for a
 * million: a few concerns are first raised and moved on through the real engine (so every row is one
 * the engine wrote, in its own formats), then each generated concern copies one of them in SQL, with
 * an id of its own, a child of its own, and every moment moved by the same amount. What a copy is and
 * where its moments fall is said by a {@link Plan}: a row of SQL per concern giving its number, its
 * template and the interval its moments move by.
 *
 * <p>The concern, its reasons, its stage records and their actions, its agreed actions, its
 * communications and its due moments are copied. The audit trail and the outbox are not: they are
 * the engine's record of what it did, and a copied entry would not be one it wrote.
 */
public final class CouncilData {

    /** The tables a concern's rows are in, with the column that names the concern. */
    private static final String[][] TABLES = {{"concern", "id"}, {"concern_reason", "concern_id"},
            {"stage_record", "concern_id"}, {"stage_action", "concern_id"}, {"agreed_action", "concern_id"},
            {"communication", "concern_id"}, {"deadline", "concern_id"}};

    /**
     * What to generate: SQL selecting, for each concern to make, {@code g} (its number, from 1),
     * {@code template} (the id of the concern it copies) and {@code shift} (an interval its moments
     * move by). A child is drawn from {@code children} by the number.
     */
    public record Plan(String select, int children) {
    }

    private CouncilData() {
    }

    /** @return how many concerns were made */
    public static long generate(DataSource ds, Plan plan) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("DROP TABLE IF EXISTS generated_concern");
            // ids made here in the form the engine makes them (random UUIDs), children shared between concerns
            s.execute("CREATE TABLE generated_concern AS SELECT p.g, gen_random_uuid()::text AS id, 'child-'"
                    + " || lpad(((p.g::bigint * 7919) % " + plan.children() + ")::text, 7, '0') AS child, p.template,"
                    + " p.shift FROM (" + plan.select() + ") p");
            s.execute("CREATE INDEX generated_concern_template_ix ON generated_concern (template)");
            long made;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM generated_concern")) {
                rs.next();
                made = rs.getLong(1);
            }
            for (String[] table : TABLES) {
                s.executeUpdate(copy(c, table[0], table[1]));
            }
            s.execute("DROP TABLE generated_concern");
            // the oversight figures' counts are made again from the concerns, as after any bulk load
            s.executeUpdate("INSERT INTO oversight_recount (requested_at, requested_by)"
                    + " VALUES (CURRENT_TIMESTAMP, 'council data generator')");
            c.commit();
            // what autovacuum does in time after a bulk load: the planner's statistics for the new rows, and
            // the visibility map that lets an index answer without reading the rows (outside a transaction,
            // which VACUUM needs)
            c.setAutoCommit(true);
            for (String[] table : TABLES) {
                s.execute("VACUUM ANALYZE " + table[0]);
            }
            // and the load's writes made durable now, not by the checkpointer during what is measured next
            s.execute("CHECKPOINT");
            return made;
        } catch (SQLException e) {
            throw new IllegalStateException("generating concerns: " + e.getMessage(), e);
        }
    }

    /** INSERT ... SELECT copying the table's rows of each template to its generated concerns. */
    private static String copy(Connection c, String table, String key) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), table, null)) {
            while (rs.next()) {
                columns.add(new String[] {rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME")});
            }
        }
        StringJoiner names = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        for (String[] column : columns) {
            String name = column[0];
            String type = column[1].toLowerCase(Locale.ROOT);
            names.add(name);
            if (name.equals(key)) {
                values.add("g.id");
            } else if (name.equals("child_id")) {
                values.add("g.child");
            } else if (type.startsWith("timestamp")) {
                values.add("t." + name + " + g.shift");
            } else if (type.equals("date")) {
                values.add("(t." + name + " + g.shift)::date");
            } else {
                values.add("t." + name);
            }
        }
        return "INSERT INTO " + table + " (" + names + ") SELECT " + values + " FROM generated_concern g JOIN "
                + table + " t ON t." + key + " = g.template";
    }

    /** Removes a concern and all its rows, such as a template once copied. */
    public static void remove(DataSource ds, String concernId) {
        for (String table : List.of("oversight_count", "outbox", "audit_entry", "deadline", "stage_action", "stage_record",
                "concern_reason", "agreed_action", "communication", "concern")) {
            execute(ds, "DELETE FROM " + table + " WHERE " + (table.equals("concern") ? "id" : "concern_id")
                    + " = '" + concernId + "'");
        }
    }

    /** Runs SQL on the database, such as a change to what was generated. @return the rows changed */
    public static int execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** @return the single number the query answers */
    public static long count(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
