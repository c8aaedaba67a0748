package uk.starred.referencehost.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.StaffMember;
import uk.starred.api.procedure.Cohort;

/**
 * The reference host's own tables, in its own database: children, staff, who holds which role for
 * which child, the case file and the notifications inbox. They stand for the records a council's
 * platform already has; the adapter ({@link DemoHost}) answers Starred's ports from them.
 */
final class HostTables {

    /** A role held for every child rather than one. */
    static final String EVERY_CHILD = "*";

    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS host_child (id VARCHAR(100) PRIMARY KEY, seq INT NOT NULL, name VARCHAR(200) NOT NULL,"
                + " looked_after BOOLEAN NOT NULL, child_protection BOOLEAN NOT NULL, born DATE NOT NULL,"
                + " worker VARCHAR(100), team VARCHAR(200) NOT NULL)",
        "CREATE TABLE IF NOT EXISTS host_staff (id VARCHAR(100) PRIMARY KEY, seq INT NOT NULL, name VARCHAR(200) NOT NULL,"
                + " email VARCHAR(200), oversight BOOLEAN NOT NULL)",
        // a member of staff's team, added after the table first shipped
        "ALTER TABLE host_staff ADD COLUMN IF NOT EXISTS team VARCHAR(200)",
        "CREATE TABLE IF NOT EXISTS host_role (staff_id VARCHAR(100) NOT NULL, child_id VARCHAR(100) NOT NULL,"
                + " role VARCHAR(100) NOT NULL, PRIMARY KEY (staff_id, child_id, role))",
        "CREATE TABLE IF NOT EXISTS host_case_note (id VARCHAR(200) PRIMARY KEY, child_id VARCHAR(100) NOT NULL,"
                + " note_type VARCHAR(200) NOT NULL, text VARCHAR(10000) NOT NULL, author VARCHAR(100),"
                + " written_at TIMESTAMP WITH TIME ZONE NOT NULL, received_at TIMESTAMP WITH TIME ZONE NOT NULL)",
        "CREATE INDEX IF NOT EXISTS host_case_note_child ON host_case_note (child_id, written_at)",
        "CREATE INDEX IF NOT EXISTS host_role_child ON host_role (child_id, role)",
        "CREATE TABLE IF NOT EXISTS host_notification (id VARCHAR(200) PRIMARY KEY, child_id VARCHAR(100),"
                + " concern_id VARCHAR(100), subject VARCHAR(1000) NOT NULL, body VARCHAR(10000) NOT NULL,"
                + " received_at TIMESTAMP WITH TIME ZONE NOT NULL)",
        "CREATE TABLE IF NOT EXISTS host_notification_recipient (notification_id VARCHAR(200) NOT NULL,"
                + " staff_id VARCHAR(100) NOT NULL, PRIMARY KEY (notification_id, staff_id))",
    };

    private HostTables() {
    }

    /** Creates the tables where missing and puts the demo's people in them, in one transaction. */
    static void createAndSeed(DataSource db) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String ddl : SCHEMA) {
                    s.execute(ddl);
                }
            }
            seed(c);
            c.commit();
        }
    }

    /** The demo's people, merged in on every start so that a newer demo adds its new children. */
    private static void seed(Connection c) throws SQLException {
        try (PreparedStatement child = c.prepareStatement(
                "MERGE INTO host_child (id, seq, name, looked_after, child_protection, born, worker, team)"
                        + " KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (ChildRecord r : DemoPeople.CHILDREN) {
                child.setString(1, r.id());
                child.setInt(2, seq++);
                child.setString(3, r.displayName());
                child.setBoolean(4, r.cohorts().contains(Cohort.LOOKED_AFTER));
                child.setBoolean(5, r.cohorts().contains(Cohort.CHILD_PROTECTION));
                child.setObject(6, r.dateOfBirth());
                child.setString(7, r.allocatedWorker());
                child.setString(8, r.team());
                child.addBatch();
            }
            child.executeBatch();
        }
        try (PreparedStatement staff = c.prepareStatement(
                "MERGE INTO host_staff (id, seq, name, email, oversight, team) KEY (id) VALUES (?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (StaffMember m : DemoPeople.ALL_STAFF) {
                staff.setString(1, m.id());
                staff.setInt(2, seq++);
                staff.setString(3, m.name());
                staff.setString(4, m.email());
                staff.setBoolean(5, DemoPeople.OVERSIGHT.contains(m.id()));
                staff.setString(6, m.team());
                staff.addBatch();
            }
            staff.executeBatch();
        }
        try (PreparedStatement role = c.prepareStatement(
                "MERGE INTO host_role (staff_id, child_id, role) KEY (staff_id, child_id, role) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Set<String>> e : DemoPeople.ROLES_FOR_EVERY_CHILD.entrySet()) {
                for (String r : e.getValue()) {
                    add(role, e.getKey(), EVERY_CHILD, r);
                }
            }
            for (ChildRecord child : DemoPeople.CHILDREN) {
                for (StaffMember m : DemoPeople.ALL_STAFF) {
                    for (String r : DemoPeople.chairRoles(m.id(), child)) {
                        add(role, m.id(), child.id(), r);
                    }
                }
            }
            role.executeBatch();
        }
    }

    private static void add(PreparedStatement role, String staff, String child, String name) throws SQLException {
        role.setString(1, staff);
        role.setString(2, child);
        role.setString(3, name);
        role.addBatch();
    }
}
