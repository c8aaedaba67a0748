package uk.starred.impl.store;

import java.util.ArrayList;
import java.util.List;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import uk.starred.api.StoreUnavailableException;
import uk.starred.core.fault.Failures;

/**
 * The persistence unit as every Starred component uses it: Aries JPA's template, with the database out
 * of reach told apart from every other failure. A transaction that fails because the database cannot be
 * reached throws the API's {@link StoreUnavailableException} (no message of the driver's, which may hold
 * what was being saved, goes further) and is counted in {@link StoreOutage}; the first that succeeds
 * after an outage ends it.
 *
 * <p>The work is flushed inside the transaction, so that a failure after it has returned can only be the
 * commit's: then the database may have kept the change with its answer lost on the way back, and the
 * exception says that it {@linkplain StoreUnavailableException#mayHaveBeenSaved() may have been saved}
 * rather than that nothing was.
 *
 * <p>A transaction whose open connection failed under it before its commit kept nothing, so it is run
 * again, on another connection, before anyone is told: the pool lends its connections without asking the
 * database first (pax-jdbc's dbcp2 pool, as configured, saves that round trip on every command), and the
 * connections that died while they lay in the pool (the database restarted, a firewall's idle timeout)
 * each fail on their first statement and leave the pool. It is run again at most {@value #MOST_TRIES}
 * times in all, and not once a new connection cannot be made: then the database is out of reach. Only
 * the outermost transaction of a thread is run again, with what it remembered outside the database
 * {@linkplain #ifUndone(Runnable) forgotten}.
 */
public final class StoreGuard implements JpaTemplate {

    /** The most times a transaction is tried while the connections it is lent turn out dead. */
    static final int MOST_TRIES = 17;

    /** The transactions this thread is inside, and what to forget if the outermost is undone. */
    private static final ThreadLocal<Frame> FRAME = new ThreadLocal<>();

    private static final class Frame {
        final List<Runnable> ifUndone = new ArrayList<>();
        final List<Runnable> afterCommit = new ArrayList<>();

        void undo() {
            List<Runnable> steps = List.copyOf(ifUndone);
            ifUndone.clear();
            afterCommit.clear();
            steps.forEach(Runnable::run);
        }
    }

    private final JpaTemplate jpa;
    private final StoreOutage outage;

    private StoreGuard(JpaTemplate jpa, StoreOutage outage) {
        this.jpa = jpa;
        this.outage = outage;
    }

    /** @return the template guarded against the database's outages, counted in the one outage record */
    public static JpaTemplate guarded(JpaTemplate jpa) {
        return jpa instanceof StoreGuard ? jpa : new StoreGuard(jpa, StoreOutage.INSTANCE);
    }

    /**
     * Runs the step if the thread's outermost guarded transaction fails or is run again: for what is
     * remembered outside the database (that a person was seen) as the transaction writes its rows, which must
     * be forgotten when they are not kept. Outside a guarded transaction, nothing is registered.
     */
    public static void ifUndone(Runnable step) {
        Frame frame = FRAME.get();
        if (frame != null) {
            frame.ifUndone.add(step);
        }
    }

    /**
     * Runs the step once the thread's outermost guarded transaction has committed (at once outside one), and
     * not at all if it fails: for telling others what the commit made true (the outbox relay, that there is
     * something to deliver). The same step registered again in one transaction runs once.
     */
    public static void afterCommit(Runnable step) {
        Frame frame = FRAME.get();
        if (frame == null) {
            step.run();
        } else if (!frame.afterCommit.contains(step)) {
            frame.afterCommit.add(step);
        }
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        Frame frame = FRAME.get();
        if (frame != null) {
            // joined to the thread's outer transaction, which alone commits and alone may run again
            return attempt(type, code, false, false);
        }
        frame = new Frame();
        FRAME.set(frame);
        R result;
        try {
            result = outermost(type, code, frame);
        } catch (RuntimeException | Error e) {
            frame.undo();
            throw e;
        } finally {
            FRAME.remove();
        }
        for (Runnable step : frame.afterCommit) {
            step.run();
        }
        return result;
    }

    private <R> R outermost(TransactionType type, EmFunction<R> code, Frame frame) {
        for (int tries = 1; ; tries++) {
            try {
                return attempt(type, code, tries < MOST_TRIES, true);
            } catch (LostConnection lost) {
                frame.undo();
            }
        }
    }

    /** An open connection lost before the commit, on a try of an outermost transaction: it is tried again. */
    private static final class LostConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LostConnection() {
            super(null, null, false, false);
        }
    }

    /**
     * The database out of reach in a transaction joined to an outer one, which alone commits, counts the
     * outage and may run again: whether an open connection failed, or a new one could not be made.
     */
    private static final class Joined extends StoreUnavailableException {
        private static final long serialVersionUID = 1L;
        final boolean lostConnection;
        final String failure;

        Joined(RuntimeException failure) {
            this.lostConnection = !Failures.couldNotConnect(failure);
            this.failure = Failures.describe(failure);
        }
    }

    /**
     * @param mayRetry  whether a connection lost before the commit is thrown as {@link LostConnection}
     * @param outermost whether this transaction commits, so that its outcome counts in the outage record
     */
    private <R> R attempt(TransactionType type, EmFunction<R> code, boolean mayRetry, boolean outermost) {
        boolean[] committing = {false};
        try {
            R result = jpa.txExpr(type, em -> {
                R r = code.apply(em);
                if (em.isJoinedToTransaction()) {
                    em.flush();
                }
                committing[0] = true;
                return r;
            });
            if (outermost) {
                outage.answered();
            }
            return result;
        } catch (RuntimeException e) {
            if (mayRetry && !committing[0] && lostConnection(e)) {
                throw new LostConnection();
            }
            throw translated(e, committing[0], outermost);
        }
    }

    /** Whether an open connection failed under the work: not one refused, nor a commit's lost answer. */
    private static boolean lostConnection(RuntimeException e) {
        if (e instanceof StoreUnavailableException) {
            // from a transaction joined inside this one, which says which it met
            return e instanceof Joined joined && joined.lostConnection;
        }
        return Failures.databaseUnreachable(e) && !Failures.couldNotConnect(e);
    }

    @Override
    public void tx(TransactionType type, EmConsumer code) {
        txExpr(type, em -> {
            code.accept(em);
            return null;
        });
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }

    private RuntimeException translated(RuntimeException e, boolean committing, boolean outermost) {
        if (e instanceof StoreUnavailableException) {
            if (outermost) {
                outage.unreachable(e instanceof Joined joined ? joined.failure : Failures.describe(e));
            }
            return e instanceof Joined ? new StoreUnavailableException() : e;
        }
        if (Failures.databaseUnreachable(e)) {
            if (!outermost) {
                return new Joined(e);
            }
            outage.unreachable(Failures.describe(e));
            return committing ? StoreUnavailableException.whileSaving() : new StoreUnavailableException();
        }
        // a refusal of the command, or a fault of the code: as it was
        return e;
    }
}
