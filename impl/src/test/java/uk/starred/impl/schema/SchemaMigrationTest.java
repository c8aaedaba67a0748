package uk.starred.impl.schema;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Collection;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

import uk.starred.impl.testing.TestDatabase;

@RunWith(Parameterized.class)
public class SchemaMigrationTest {

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.kinds();
    }

    private final TestDatabase.Kind kind;
    private TestDatabase db;

    public SchemaMigrationTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        db = TestDatabase.create(kind);
    }

    @After
    public void tearDown() {
        db.close();
    }

    @Test
    public void anEmptyDatabaseIsBroughtToTheCurrentVersion() {
        StarredSchema schema = new SchemaMigration(db.dataSource()).migrate();
        assertEquals("25", schema.version());
        assertEquals("what operators are told to expect", SchemaMigration.VERSION, schema.version());
        assertTrue(schema.database(), schema.database().toLowerCase().startsWith(
                kind == TestDatabase.Kind.H2 ? "h2" : "postgresql"));
        db.execute("SELECT id, child_id, lock_version FROM concern");
    }

    @Test
    public void migratingAgainChangesNothing() {
        new SchemaMigration(db.dataSource()).migrate();
        StarredSchema again = new SchemaMigration(db.dataSource()).migrate();
        assertEquals("25", again.version());
    }

    @Test
    public void concernsStoredBeforeTheFiguresWereCountedByDayAreCountedAtTheUpgrade() {
        org.flywaydb.core.Flyway.configure(SchemaMigration.class.getClassLoader()).dataSource(db.dataSource())
                .locations(SchemaMigration.LOCATION).table(SchemaMigration.HISTORY_TABLE).target("6").load().migrate();
        db.execute("INSERT INTO concern (id, child_id, procedure_id, procedure_version, origin, description,"
                + " remedy_wanted, remedy_due_by, responsible_person, raised_by, raised_at, status, lock_version, changes)"
                + " VALUES ('x', 'c', 'p', '1', 'RED_RAG_RATING', 'd', 'r', DATE '2026-01-05', 'tm', 'iro',"
                + " TIMESTAMP '2026-01-01 10:00:00', 'OPEN', 0, 0)");

        assertEquals("25", new SchemaMigration(db.dataSource()).migrate().version());
        assertEquals("the counts are asked to be made again, at versions 7 and 15", 2, db.count("oversight_recount"));
    }

    @Test
    public void concernsResolvedBeforeTheirOwnLimitWasCountedAreCountedAgainAtTheUpgrade() {
        org.flywaydb.core.Flyway.configure(SchemaMigration.class.getClassLoader()).dataSource(db.dataSource())
                .locations(SchemaMigration.LOCATION).table(SchemaMigration.HISTORY_TABLE).target("14").load().migrate();
        assertEquals("an empty database was never asked", 0, db.count("oversight_recount"));
        db.execute("INSERT INTO concern (id, child_id, procedure_id, procedure_version, origin, description,"
                + " remedy_wanted, remedy_due_by, responsible_person, raised_by, raised_at, status, ended_at, end_reason,"
                + " lock_version, changes) VALUES ('x', 'c', 'p', '1', 'RED_RAG_RATING', 'd', 'r', DATE '2026-01-05',"
                + " 'tm', 'iro', TIMESTAMP '2026-01-01 10:00:00', 'RESOLVED', TIMESTAMP '2026-01-05 10:00:00',"
                + " 'Plan agreed', 1, 1)");

        assertEquals("25", new SchemaMigration(db.dataSource()).migrate().version());
        assertEquals("resolved concerns are counted against their procedure's limit", 1, db.count("oversight_recount"));
    }

    @Test
    public void concernsStoredBeforeTheirTrailsEndWasKeptOnThemRecordItAtTheUpgrade() {
        org.flywaydb.core.Flyway.configure(SchemaMigration.class.getClassLoader()).dataSource(db.dataSource())
                .locations(SchemaMigration.LOCATION).table(SchemaMigration.HISTORY_TABLE).target("8").load().migrate();
        for (String[] concern : new String[][] {{"whole", "1"}, {"broken", "2"}}) {
            db.execute("INSERT INTO concern (id, child_id, procedure_id, procedure_version, origin, description,"
                    + " remedy_wanted, remedy_due_by, responsible_person, raised_by, raised_at, status, lock_version,"
                    + " changes) VALUES ('" + concern[0] + "', 'c', 'p', '1', 'RED_RAG_RATING', 'd', 'r',"
                    + " DATE '2026-01-05', 'tm', 'iro', TIMESTAMP '2026-01-01 10:00:00', 'OPEN', " + concern[1] + ", "
                    + concern[1] + ")");
            // two entries each: the whole trail of the concern at version 1, one short for the one at version 2
            for (int seq = 1; seq <= 2; seq++) {
                db.execute("INSERT INTO audit_entry (concern_id, seq, child_id, command, actor, happened_at,"
                        + " after_state, previous_hash, hash) VALUES ('" + concern[0] + "', " + seq + ", 'c', 'raise',"
                        + " 'iro', TIMESTAMP '2026-01-01 10:00:00', '{}', " + (seq == 1 ? "NULL" : "'" + concern[0]
                        + "-1'") + ", '" + concern[0] + "-" + seq + "')");
            }
        }

        assertEquals("25", new SchemaMigration(db.dataSource()).migrate().version());
        assertEquals("the last entry's hash is recorded on the concern", 1,
                db.count("concern WHERE id = 'whole' AND audit_head = 'whole-2'"));
        assertEquals("a trail without its last entry records no end", 1,
                db.count("concern WHERE id = 'broken' AND audit_head IS NULL"));
    }

    @Test
    public void anEmptyDatabaseNeedsNothingCountedAtTheUpgrade() {
        new SchemaMigration(db.dataSource()).migrate();
        assertEquals(0, db.count("oversight_recount"));
    }

    @Test
    public void theDatabaseItselfRefusesAnEndedConcernWithoutAnEndTime() {
        new SchemaMigration(db.dataSource()).migrate();
        assertThrows(IllegalStateException.class, () -> db.execute(
                "INSERT INTO concern (id, child_id, procedure_id, procedure_version, origin, description, remedy_wanted,"
                        + " remedy_due_by, responsible_person, raised_by, raised_at, status, lock_version)"
                        + " VALUES ('x', 'c', 'p', '1', 'RED_RAG_RATING', 'd', 'r', DATE '2026-01-05', 'tm', 'iro',"
                        + " TIMESTAMP '2026-01-01 10:00:00', 'WITHDRAWN', 0)"));
    }
}
