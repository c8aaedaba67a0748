package uk.starred.core.fault;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * How a failure is told where people other than the child's own may read it: the server's log, an
 * operator's console. An exception's message may carry whatever was being saved or read (a database
 * driver's error names the row it refused: a child's id, what an IRO wrote), so a failure is described
 * by the kinds of its causes and, for a database's errors, their SQL state and vendor code; never by a
 * message.
 */
public final class Failures {

    /** A chain longer than this is cut short: the first causes say enough. */
    private static final int MOST_CAUSES = 6;

    private Failures() {
    }

    /**
     * @return for example {@code RollbackException < PersistenceException < PSQLException (SQL state 08006,
     *         code 0) at uk.starred.impl.concern.ConcernStore.write(ConcernStore.java:120)}: the kinds of the
     *         causes, and where the last arose; {@code "no failure"} for {@code null}
     */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return "no failure";
        }
        StringBuilder told = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        int causes = 0;
        Throwable root = failure;
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            root = t;
            if (causes++ == MOST_CAUSES) {
                told.append(" < ...");
                break;
            }
            if (told.length() > 0) {
                told.append(" < ");
            }
            told.append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql) {
                told.append(" (SQL state ").append(sql.getSQLState()).append(", code ").append(sql.getErrorCode())
                        .append(')');
            }
        }
        StackTraceElement where = where(root);
        if (where != null) {
            told.append(" at ").append(where);
        }
        return told.toString();
    }

    /** @return the first of Starred's own frames where the root cause arose, else its first frame */
    private static StackTraceElement where(Throwable root) {
        StackTraceElement[] frames = root.getStackTrace();
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().startsWith("uk.starred.")) {
                return frame;
            }
        }
        return frames.length == 0 ? null : frames[0];
    }

    /**
     * Whether the failure is the database being out of reach rather than a fault of the request or of the
     * code: a connection refused, broken or closed under the work, or the server shutting down or not yet
     * accepting work (SQL states of class 08, and 57P01 to 57P03; the JDBC connection exceptions; a network
     * failure beneath a database error). A network failure with no database error above it (a host's
     * directory out of reach, say) is not the database's.
     */
    public static boolean databaseUnreachable(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        boolean underDatabaseError = false;
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException sql && unreachable(sql.getSQLState())
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.sql.SQLRecoverableException
                    || t.getClass().getName().endsWith(".JDBCConnectionException")) {
                return true;
            }
            if (underDatabaseError && (t instanceof java.net.SocketException || t instanceof java.io.EOFException
                    || t instanceof java.net.SocketTimeoutException)) {
                return true;
            }
            underDatabaseError |= t instanceof SQLException;
        }
        return false;
    }

    /**
     * Whether the failure is a new connection to the database not being made (refused, rejected, the server
     * not accepting connections yet: SQL states 08001, 08004 and 57P03, or a refused socket), as against a
     * connection that was open failing under the work.
     */
    public static boolean couldNotConnect(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("08001".equals(sql.getSQLState())
                    || "08004".equals(sql.getSQLState()) || "57P03".equals(sql.getSQLState()))
                    || t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreachable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01")
                || sqlState.equals("57P02") || sqlState.equals("57P03"));
    }
}
