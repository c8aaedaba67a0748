package uk.starred.core.fault;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.ConnectException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.junit.Test;

/**
 * A failure told in the log names its kinds and where it arose, never what it carried: a database driver's
 * message holds the row it was saving.
 */
public class FailuresTest {

    private static final String CHILD = "Amelia Example, born 2 March 2015, at 4 Example Road";

    @Test
    public void aFailureIsToldByItsKindsAndSqlStateNeverItsMessage() {
        SQLException driver = new BatchUpdateException("Batch entry 0 insert into concern values ('" + CHILD + "')",
                "23505", 0, new int[0]);
        RuntimeException failure = new IllegalStateException("could not save " + CHILD,
                new RuntimeException(CHILD, driver));

        String told = Failures.describe(failure);

        assertFalse(told, told.contains("Amelia"));
        assertFalse(told, told.contains("Example"));
        assertTrue(told, told.startsWith("IllegalStateException < RuntimeException < BatchUpdateException"
                + " (SQL state 23505, code 0) at uk.starred.core.fault.FailuresTest."));
    }

    @Test
    public void aCauseThatLoopsIsToldOnce() {
        RuntimeException a = new RuntimeException(CHILD);
        RuntimeException b = new RuntimeException(CHILD, a);
        a.initCause(b);
        assertEquals(2, Failures.describe(b).split(" < ").length);
        assertEquals("no failure", Failures.describe(null));
    }

    @Test
    public void theDatabaseOutOfReachIsToldApartFromOtherFailures() {
        assertTrue(Failures.databaseUnreachable(new RuntimeException(new SQLException("gone", "08006"))));
        assertTrue(Failures.databaseUnreachable(new RuntimeException(new SQLException("shutting down", "57P01"))));
        assertTrue(Failures.databaseUnreachable(new RuntimeException(new SQLException("io", null,
                new ConnectException("refused")))));
        assertFalse("a host's directory out of reach is not the database",
                Failures.databaseUnreachable(new RuntimeException(new ConnectException("refused"))));
        assertFalse(Failures.databaseUnreachable(new RuntimeException(new SQLException("duplicate", "23505"))));
        assertFalse(Failures.databaseUnreachable(new IllegalArgumentException("wrong")));
    }
}
