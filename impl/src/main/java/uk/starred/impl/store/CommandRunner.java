package uk.starred.impl.store;

import java.util.function.BiFunction;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.LockTimeoutException;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import javax.persistence.PessimisticLockException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import uk.starred.api.ConcurrentChangeException;

/**
 * Runs one command on a stored aggregate (a concern, a child's review timetable), the same way for
 * each: in one transaction, load it locked, check it is still at the version the caller read, apply
 * the core's rule and write the transition; a lock lost or a version moved on becomes the API's
 * {@link ConcurrentChangeException}, and nothing is written.
 *
 * @param <E> the aggregate's root entity
 */
public final class CommandRunner<E> {

    /** What the runner needs to know of one kind of aggregate. */
    public interface Aggregate<E> {

        Class<E> type();

        long version(E entity);

        /** @return the refusal when there is no aggregate with the id */
        RuntimeException notFound(String id);

        /** @return the refusal when the aggregate changed after the caller read it */
        ConcurrentChangeException changedMeanwhile(String id);
    }

    private final JpaTemplate jpa;
    private final Aggregate<E> aggregate;

    public CommandRunner(JpaTemplate jpa, Aggregate<E> aggregate) {
        this.jpa = jpa;
        this.aggregate = aggregate;
    }

    /**
     * @param applyAndWrite applies the rule to the loaded entity and writes what it did; runs inside the
     *                      transaction, the entity locked
     */
    public <R> R run(String id, long expectedVersion, BiFunction<EntityManager, E, R> applyAndWrite) {
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                // The row stays locked until the command commits, so two commands on one aggregate run one
                // after the other and the later finds the version moved on before it writes anything. The
                // version check at flush alone comes too late: two racing commands that each add a row
                // collide first on the new row's key.
                E entity = em.find(aggregate.type(), id, LockModeType.PESSIMISTIC_WRITE);
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
                    || e.getCause() instanceof LockTimeoutException) {
                throw aggregate.changedMeanwhile(id);
            }
            throw e;
        }
    }
}
