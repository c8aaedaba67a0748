package uk.starred.testkit;

import uk.starred.api.audit.AuditTrail;
import uk.starred.api.concern.ConcernService;
import uk.starred.api.concern.OversightService;
import uk.starred.api.deadline.DeadlineService;
import uk.starred.api.outbox.OutboxService;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.ProcedureRef;

/**
 * Starred as a scenario sees it, whether wired by hand over a database in a plain test or running as
 * OSGi services in Karaf: its services, the in-memory host it serves, and the clock it reads.
 */
public interface StarredSystem {

    ConcernService concerns();

    OversightService oversight();

    AuditTrail audit();

    OutboxService outbox();

    /** Looked-after children's review timetables. */
    uk.starred.api.review.ReviewService reviews();

    /** A child's current alerts. */
    uk.starred.api.alert.AlertService alerts();

    /** The deadline runner; scenarios fire what has fallen due by hand, as its timer would. */
    DeadlineService deadlines();

    TestHost host();

    SettableClock clock();

    /**
     * Selects the procedure that new concerns for children of the legal status run under when none is
     * named, as the council's configuration (PID {@code uk.starred.procedures}) does.
     */
    void select(uk.starred.api.procedure.Cohort cohort, ProcedureRef procedure);

    /** Makes the procedure available for new concerns. */
    void install(Procedure procedure);

    /**
     * Makes one of the seed procedures available for new concerns, read from the descriptor its
     * procedure bundle carries ({@code OSGI-INF/starred/<id>.yaml}), as Starred
     * reads it when the bundle is installed.
     *
     * @return the procedure as read
     */
    Procedure seed(ProcedureRef seed);

    /**
     * @return the id to use for a child the scenario calls {@code name}: the name itself where every
     *         scenario has a system of its own, a name no other run has used where runs share one
     */
    default String childId(String name) {
        return name;
    }

    /** Delivers what the outbox holds that is due now, as the relay does. */
    default void deliver() {
        outbox().deliverDue();
    }
}
