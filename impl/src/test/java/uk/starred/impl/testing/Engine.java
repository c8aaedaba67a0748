package uk.starred.impl.testing;

import uk.starred.testkit.TestHost;
import uk.starred.testkit.SettableClock;
import java.time.Instant;

import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.procedure.Procedure;
import uk.starred.impl.access.Access;
import uk.starred.impl.audit.JpaAuditTrail;
import uk.starred.impl.calendar.EnglandAndWalesCalendar;
import uk.starred.impl.concern.JpaConcernService;
import uk.starred.impl.concern.JpaOversightService;
import uk.starred.impl.outbox.OutboxRelay;
import uk.starred.impl.procedure.ProcedureCatalogue;

/**
 * The whole engine over a real database and an in-memory host, wired as DS wires it in Karaf, on a
 * clock the test moves. One per test.
 */
public final class Engine implements AutoCloseable {

    public final TestDatabase db;
    public final TestHost host = new TestHost();
    public final SettableClock clock;
    public final WorkingCalendar calendar = EnglandAndWalesCalendar.withoutSettings();
    public final ProcedureCatalogue catalogue = new ProcedureCatalogue();
    public final JpaConcernService concerns;
    public final JpaOversightService oversight;
    public final JpaAuditTrail audit;
    public final OutboxRelay relay;

    public Engine(TestDatabase.Kind kind, Instant start) {
        this.db = TestDatabase.migrated(kind);
        this.clock = new SettableClock(start);
        Access access = new Access(host, host);
        this.concerns = new JpaConcernService(db.jpaTemplate(), clock, access, host, calendar, catalogue);
        this.oversight = new JpaOversightService(db.jpaTemplate(), access);
        this.audit = new JpaAuditTrail(db.jpaTemplate(), access);
        this.relay = new OutboxRelay(db.jpaTemplate(), host, host, clock, 500);
    }

    public Engine install(Procedure procedure) {
        catalogue.addProvider(() -> procedure);
        return this;
    }

    /** Runs the outbox relay once, as its timer would. @return how many messages it delivered */
    public int deliver() {
        return relay.deliverDue();
    }

    @Override
    public void close() {
        db.close();
    }
}
