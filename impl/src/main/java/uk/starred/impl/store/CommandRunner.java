package uk.starred.impl.store;

import java.sql.SQLException;
import java.util.function.BiFunction;

import javax.persistence.EntityManager;
import javax.persistence.LockTimeoutException;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import javax.persistence.PessimisticLockException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import uk.starred.api.ConcurrentChangeException;

/**
 * Runs one command on a stored aggregate (a concern, a child's review timetable), the same way for
 * each: in one transaction, load it, check it is still at the version the caller read, apply the
 * core's rule and write the transition; a lock lost, a version moved on, or a key another change
 * wrote first becomes the API's {@link ConcurrentChangeException}, and nothing is written.
 *
 * @param <E> the aggregate's root entity
 */
public final class CommandRunner<E> {

    /** The SQL state of a unique key violated, the same on PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** What the runner needs to know of one kind of aggregate. */
    public interface Aggregate<E> {

        /** @return the aggregate as stored, locked if it is read for change that way, or {@code null} */
        E load(EntityManager em, String id);

        long version(E aggregate);

        /** @return the refusal when there is no aggregate with the id */
        RuntimeException notFound(String id);

        /** @return the refusal when the aggregate changed after the caller read it */
        ConcurrentChangeException changedMeanwhile(String id);
    }

    private final JpaTemplate jpa;
    private final Aggregate<E> aggregate;

    public CommandRunner(JpaTemplate jpa, Aggregate<E> aggregate) {
        this.jpa = StoreGuard.guarded(jpa);
        this.aggregate = aggregate;
    }

    /**
     * @param applyAndWrite applies the rule to the loaded aggregate and writes what it did; runs inside the
     *                      transaction
     */
    public <R> R run(String id, long expectedVersion, BiFunction<EntityManager, E, R> applyAndWrite) {
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                E entity = aggregate.load(em, id);
                if (entity == null) {
                    throw aggregate.notFound(id);
                }
                if (aggregate.version(entity) != expectedVersion) {
                    throw aggregate.changedMeanwhile(id);
                }
                return applyAndWrite.apply(em, entity);
            });
        } catch (OptimisticLockException | PessimisticLockException | LockTimeoutException e) {
            throw aggregate.changedMeanwhile(id);
        } catch (PersistenceException e) {
            if (e.getCause() instanceof OptimisticLockException || e.getCause() instanceof PessimisticLockException
                    || e.getCause() instanceof LockTimeoutException || duplicateKey(e)) {
                throw aggregate.changedMeanwhile(id);
            }
            throw e;
        }
    }

    /**
     * Whether the change failed on a key another change wrote first: two commands that read the same
     * version and each add the same next row (a stage, an audit entry) collide there, when the versioned
     * update of the loser does not stop it first.
     */
    private static boolean duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
