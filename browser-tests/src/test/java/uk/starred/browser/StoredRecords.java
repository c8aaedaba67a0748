package uk.starred.browser;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the demo's PostgreSQL holds of the concerns a reliability test raised, each marked by a word of its
 * own at the start of its description: how many of each, and any raised only in part.
 */
final class StoredRecords {

    private final DemoDistribution demo;

    StoredRecords(DemoDistribution demo) {
        this.demo = demo;
    }

    /** @return how many concerns hold each marker that starts with the prefix */
    Map<String, Integer> concernsByMarker(String prefix) throws SQLException {
        Map<String, Integer> found = new HashMap<>();
        try (Connection c = demo.postgresql(); PreparedStatement q = c.prepareStatement(
                "SELECT description FROM concern WHERE description LIKE ?")) {
            q.setString(1, prefix + "%");
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    String description = rows.getString(1);
                    found.merge(description.substring(0, description.indexOf(' ')), 1, Integer::sum);
                }
            }
        }
        return found;
    }

    /**
     * @return each marked concern stored without something its raising writes in the same transaction: its
     *         stage record, its audit entry (and the chain's head), its due moments, its notices
     */
    List<String> halfDone(String prefix) throws SQLException {
        List<String> problems = new ArrayList<>();
        Map<String, String> missing = Map.of(
                "a stage record", "SELECT 1 FROM stage_record x WHERE x.concern_id = c.id",
                "an audit entry", "SELECT 1 FROM audit_entry x WHERE x.concern_id = c.id",
                "a due moment", "SELECT 1 FROM deadline x WHERE x.concern_id = c.id",
                "a notice in the outbox", "SELECT 1 FROM outbox x WHERE x.concern_id = c.id");
        try (Connection c = demo.postgresql()) {
            for (Map.Entry<String, String> check : missing.entrySet()) {
                try (PreparedStatement q = c.prepareStatement("SELECT count(*) FROM concern c WHERE c.description"
                        + " LIKE ? AND NOT EXISTS (" + check.getValue() + ")")) {
                    q.setString(1, prefix + "%");
                    try (ResultSet r = q.executeQuery()) {
                        r.next();
                        if (r.getLong(1) > 0) {
                            problems.add(r.getLong(1) + " concern(s) without " + check.getKey());
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** @return a count over the schema, such as {@code SELECT count(*) FROM outbox WHERE ...} */
    long count(String sql) throws SQLException {
        try (Connection c = demo.postgresql(); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
