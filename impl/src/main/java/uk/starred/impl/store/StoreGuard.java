package uk.starred.impl.store;

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
 */
public final class StoreGuard implements JpaTemplate {

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

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
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
            outage.answered();
            return result;
        } catch (RuntimeException e) {
            throw translated(e, committing[0]);
        }
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

    private RuntimeException translated(RuntimeException e, boolean committing) {
        if (e instanceof StoreUnavailableException) {
            return e;
        }
        if (Failures.databaseUnreachable(e)) {
            outage.unreachable(e);
            return committing ? StoreUnavailableException.whileSaving() : new StoreUnavailableException();
        }
        // a refusal of the command, or a fault of the code: as it was
        return e;
    }
}
