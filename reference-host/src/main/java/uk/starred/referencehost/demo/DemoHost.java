package uk.starred.referencehost.demo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.h2.jdbcx.JdbcConnectionPool;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.api.host.CallerContext;
import uk.starred.api.host.CaseFile;
import uk.starred.api.host.CaseNote;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.Notification;
import uk.starred.api.host.Notifier;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.host.StaffMember;
import uk.starred.api.procedure.Cohort;
import uk.starred.referencehost.session.Session;

/**
 * The reference host's adapter: the five ports Starred needs, answered from the host's own tables
 * ({@link HostTables}) in its own embedded database under {@code ${karaf.data}/starred-demo-host}.
 * This is the class an integrator reads first: each method is what their platform must answer.
 * The case file and the inbox keep what they receive, and a message whose id they already hold is
 * ignored (the database's primary key decides), as the ports require of a delivery repeated after a
 * crash.
 */
@Component(service = {ChildRecords.class, StaffDirectory.class, CallerContext.class, CaseFile.class, Notifier.class,
        DemoHost.class})
public class DemoHost implements ChildRecords, StaffDirectory, CallerContext, CaseFile, Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(DemoHost.class);
    private static final String DUPLICATE_KEY = "23505";

    /** Where a role is held for every child rather than one, in {@link #addPerson}. */
    public static final String EVERY_CHILD = HostTables.EVERY_CHILD;

    private final JdbcConnectionPool db;

    @Activate
    public DemoHost() throws SQLException {
        Path file = Path.of(System.getProperty("karaf.data", "data"), "starred-demo-host", "host").toAbsolutePath();
        // each pooled connection keeps the plans of the statements it has run, the host's few dozen of them
        // each commit written before it returns, as Starred's own embedded database does
        db = JdbcConnectionPool.create("jdbc:h2:file:" + file + ";QUERY_CACHE_SIZE=64;WRITE_DELAY=0", "host", "host");
        try {
            HostTables.createAndSeed(db);
        } catch (SQLException e) {
            db.dispose();
            throw e;
        }
    }

    @Deactivate
    void close() {
        db.dispose();
    }

    /**
     * Adds a member of staff with the roles they hold, for every child ({@link HostTables#EVERY_CHILD})
     * or for one, in one transaction.
     *
     * @param roles role for every child, or child id to the roles held for that child
     * @throws IllegalArgumentException naming what is wrong: a person already known, a child not on the records
     */
    public void addPerson(StaffMember member, boolean oversight, Map<String, Set<String>> roles) throws SQLException {
        if (member(member.id()).isPresent()) {
            throw new IllegalArgumentException("the demo host already has a person '" + member.id() + "'");
        }
        for (String childId : roles.keySet()) {
            if (!childId.equals(HostTables.EVERY_CHILD) && child(childId).isEmpty()) {
                throw new IllegalArgumentException("the demo host has no child '" + childId + "'");
            }
        }
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement staff = c.prepareStatement("INSERT INTO host_staff (id, seq, name, email, oversight,"
                    + " team) SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ? FROM host_staff");
                    PreparedStatement role = c.prepareStatement(
                            "INSERT INTO host_role (staff_id, child_id, role) VALUES (?, ?, ?)")) {
                staff.setString(1, member.id());
                staff.setString(2, member.name());
                staff.setString(3, member.email());
                staff.setBoolean(4, oversight);
                staff.setString(5, member.team());
                staff.executeUpdate();
                for (Map.Entry<String, Set<String>> e : roles.entrySet()) {
                    for (String r : e.getValue()) {
                        role.setString(1, member.id());
                        role.setString(2, e.getKey());
                        role.setString(3, r);
                        role.addBatch();
                    }
                }
                role.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** @return every member of staff, in the order the host lists them */
    public List<StaffMember> staff() {
        List<StaffMember> out = new ArrayList<>();
        query("SELECT id, name, email, team FROM host_staff ORDER BY seq", rs -> out.add(member(rs)));
        return out;
    }

    /** @return the roles the person holds for every child, and those held for named children as ROLE@CHILD */
    public List<String> rolesHeld(String staffId) {
        List<String> out = new ArrayList<>();
        query("SELECT role, child_id FROM host_role WHERE staff_id = ? ORDER BY child_id, role",
                rs -> out.add(rs.getString(2).equals(HostTables.EVERY_CHILD) ? rs.getString(1)
                        : rs.getString(1) + "@" + rs.getString(2)), staffId);
        return out;
    }

    @Override
    public Optional<ChildRecord> child(String childId) {
        return Session.remembered("child|" + childId,
                () -> children("SELECT * FROM host_child WHERE id = ?", childId).stream().findFirst());
    }

    /** The children in one query for each thousand ids. */
    @Override
    public Map<String, ChildRecord> children(Collection<String> childIds) {
        Map<String, ChildRecord> found = new HashMap<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(childIds));
        for (int from = 0; from < ids.size(); from += 1000) {
            List<String> some = ids.subList(from, Math.min(from + 1000, ids.size()));
            String marks = String.join(", ", Collections.nCopies(some.size(), "?"));
            for (ChildRecord child : children("SELECT * FROM host_child WHERE id IN (" + marks + ")",
                    some.toArray(String[]::new))) {
                found.put(child.id(), child);
            }
        }
        return found;
    }

    /** @return every child on the host's records, in the order the host lists them */
    public List<ChildRecord> children() {
        return children("SELECT * FROM host_child ORDER BY seq");
    }

    @Override
    public Set<String> rolesFor(String staffId, String childId) {
        return Session.remembered("roles|" + staffId + "|" + childId, () -> askRolesFor(staffId, childId));
    }

    private Set<String> askRolesFor(String staffId, String childId) {
        // the roles for the child and those for every child (each a look-up in the key, however many
        // children), and only for a child the host has
        Set<String> roles = new LinkedHashSet<>();
        query("SELECT role FROM (SELECT r.role FROM host_role r WHERE r.staff_id = ? AND r.child_id = ? UNION"
                + " SELECT r.role FROM host_role r WHERE r.staff_id = ? AND r.child_id = '" + HostTables.EVERY_CHILD
                + "') WHERE EXISTS (SELECT 1 FROM host_child c WHERE c.id = ?) ORDER BY role",
                rs -> roles.add(rs.getString(1)), staffId, childId, staffId, childId);
        return Collections.unmodifiableSet(roles);
    }

    @Override
    public List<StaffMember> holders(String role, String childId) {
        return holders(childId).getOrDefault(role, List.of());
    }

    /**
     * Who holds each role for the child, from one query: a screen asks for several roles of one
     * child (the raise form offers the managers of each), and each question would otherwise be a query.
     */
    private Map<String, List<StaffMember>> holders(String childId) {
        return Session.remembered("holders|" + childId, () -> askHolders(childId));
    }

    private Map<String, List<StaffMember>> askHolders(String childId) {
        Map<String, List<StaffMember>> out = new HashMap<>();
        // from the child's roles (an index on child and role) to the staff, not every member to their roles
        query("SELECT DISTINCT s.id, s.name, s.email, s.team, r.role, s.seq FROM host_role r JOIN host_staff s"
                + " ON s.id = r.staff_id WHERE r.child_id IN (?, '" + HostTables.EVERY_CHILD + "')"
                + " AND EXISTS (SELECT 1 FROM host_child c WHERE c.id = ?) ORDER BY s.seq",
                rs -> out.computeIfAbsent(rs.getString("role"), r -> new ArrayList<>()).add(member(rs)),
                childId, childId);
        out.replaceAll((role, members) -> List.copyOf(members));
        return Map.copyOf(out);
    }

    @Override
    public Optional<StaffMember> member(String staffId) {
        return Session.remembered("member|" + staffId, () -> {
            List<StaffMember> out = new ArrayList<>();
            query("SELECT id, name, email, team FROM host_staff WHERE id = ?", rs -> out.add(member(rs)), staffId);
            return out.stream().findFirst();
        });
    }

    @Override
    public boolean hasOversight(String staffId) {
        return Session.remembered("oversight|" + staffId, () -> {
            List<Boolean> out = new ArrayList<>();
            query("SELECT oversight FROM host_staff WHERE id = ?", rs -> out.add(rs.getBoolean(1)), staffId);
            return out.contains(Boolean.TRUE);
        });
    }

    @Override
    public Optional<String> currentStaffId() {
        return Session.current();
    }

    @Override
    public void write(CaseNote note) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO host_case_note (id, child_id, note_type, text, author, written_at, received_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, note.id());
            insert.setString(2, note.childId());
            insert.setString(3, note.noteType());
            insert.setString(4, note.text());
            insert.setString(5, note.author());
            insert.setObject(6, OffsetDateTime.ofInstant(note.at(), ZoneOffset.UTC));
            insert.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
            LOG.debug("Case note {} filed: {}", note.id(), note.noteType());
        } catch (SQLException e) {
            if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    @Override
    public void send(Notification notification) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO host_notification (id, child_id, concern_id,"
                    + " subject, body, received_at) VALUES (?, ?, ?, ?, ?, ?)");
                    PreparedStatement to = c.prepareStatement(
                            "INSERT INTO host_notification_recipient (notification_id, staff_id) VALUES (?, ?)")) {
                insert.setString(1, notification.id());
                insert.setString(2, notification.childId());
                insert.setString(3, notification.concernId());
                insert.setString(4, notification.subject());
                insert.setString(5, notification.body());
                insert.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
                insert.executeUpdate();
                for (String recipient : new LinkedHashSet<>(notification.recipients())) {
                    to.setString(1, notification.id());
                    to.setString(2, recipient);
                    to.addBatch();
                }
                to.executeBatch();
                c.commit();
                LOG.debug("Notification {} delivered to {} recipient(s)", notification.id(),
                        notification.recipients().size());
            } catch (SQLException e) {
                c.rollback();
                if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    /** @return the notes written to the child's file, oldest first */
    public List<CaseNote> caseFile(String childId) {
        List<CaseNote> out = new ArrayList<>();
        query("SELECT id, child_id, note_type, text, author, written_at FROM host_case_note WHERE child_id = ?"
                + " ORDER BY written_at, received_at", rs -> out.add(new CaseNote(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant())), childId);
        return out;
    }

    /** @return the subjects of the notifications sent to the person, oldest first */
    public List<Notification> inbox(String staffId) {
        List<Notification> out = new ArrayList<>();
        query("SELECT n.id, n.child_id, n.concern_id, n.subject, n.body FROM host_notification n JOIN"
                + " host_notification_recipient r ON r.notification_id = n.id WHERE r.staff_id = ?"
                + " ORDER BY n.received_at", rs -> out.add(new Notification(rs.getString(1), List.of(staffId),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))), staffId);
        return out;
    }

    private List<ChildRecord> children(String sql, String... args) {
        List<ChildRecord> out = new ArrayList<>();
        query(sql, rs -> {
            Set<Cohort> cohorts = EnumSet.noneOf(Cohort.class);
            if (rs.getBoolean("looked_after")) {
                cohorts.add(Cohort.LOOKED_AFTER);
            }
            if (rs.getBoolean("child_protection")) {
                cohorts.add(Cohort.CHILD_PROTECTION);
            }
            out.add(new ChildRecord(rs.getString("id"), rs.getString("name"), cohorts,
                    rs.getObject("born", LocalDate.class), rs.getString("worker"), rs.getString("team")));
        }, args);
        return out;
    }

    private static StaffMember member(ResultSet rs) throws SQLException {
        return new StaffMember(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }

    /** One row of a result. */
    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row, String... args) {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setString(i + 1, args[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The host's records could not be read: " + e.getMessage(), e);
        }
    }
}
