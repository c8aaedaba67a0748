package uk.starred.itests;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

import uk.starred.api.audit.AuditTrail;
import uk.starred.api.concern.ConcernService;
import uk.starred.api.concern.OversightService;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.CaseFile;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.Notifier;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.outbox.OutboxService;
import uk.starred.api.procedure.InstalledProcedure;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.ProcedureRef;
import uk.starred.testkit.SettableClock;
import uk.starred.testkit.StarredSystem;
import uk.starred.testkit.TestHost;

/**
 * Starred as it runs in Karaf, for the scenarios: the test registers an in-memory host as the five
 * host ports and a clock it moves as the {@link Clock} service, then uses the engine's own OSGi
 * services. One per container: the engine binds the host and clock once, so each scenario run gets
 * a fresh host behind the same ports, and child ids no earlier run has used (the database is shared).
 */
final class KarafStarred implements StarredSystem {

    private static KarafStarred running;

    private final BundleContext context;
    private final SwitchableHost host = new SwitchableHost();
    private final java.util.Set<uk.starred.api.procedure.ProcedureRef> installed =
            java.util.concurrent.ConcurrentHashMap.newKeySet();
    private int run;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private final ConcernService concerns;
    private final OversightService oversight;
    private final AuditTrail audit;
    private final OutboxService outbox;
    private final uk.starred.api.deadline.DeadlineService deadlines;
    private final uk.starred.api.alert.AlertService alerts;

    /** @return the system, registering the host and the clock the first time */
    static synchronized KarafStarred in(BundleContext context) throws InterruptedException {
        if (running == null) {
            running = new KarafStarred(context);
        }
        return running;
    }

    private KarafStarred(BundleContext context) throws InterruptedException {
        this.context = context;
        context.registerService(Clock.class, clock, null);
        context.registerService(new String[] {ChildRecords.class.getName(), StaffDirectory.class.getName(),
                CallerContext.class.getName(), CaseFile.class.getName(), Notifier.class.getName(),
                uk.starred.api.host.CaseEpisodes.class.getName()}, host, null);
        this.concerns = await(ConcernService.class);
        this.oversight = await(OversightService.class);
        this.audit = await(AuditTrail.class);
        this.outbox = await(OutboxService.class);
        this.deadlines = await(uk.starred.api.deadline.DeadlineService.class);
        this.alerts = await(uk.starred.api.alert.AlertService.class);
    }

    /** @return the product name of the database behind the "starred" DataSource */
    static String databaseProduct(BundleContext context) throws Exception {
        javax.sql.DataSource dataSource = context.getService(context.getServiceReferences(javax.sql.DataSource.class,
                "(osgi.jndi.service.name=starred)").iterator().next());
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        }
    }

    private <T> T await(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(60));
        if (service == null) {
            throw new IllegalStateException(type.getSimpleName() + " did not appear within 60 s of the host ports");
        }
        return service;
    }

    @Override
    public uk.starred.api.review.ReviewService reviews() {
        try {
            return await(uk.starred.api.review.ReviewService.class);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ConcernService concerns() {
        return concerns;
    }

    @Override
    public OversightService oversight() {
        return oversight;
    }

    @Override
    public AuditTrail audit() {
        return audit;
    }

    @Override
    public uk.starred.api.alert.AlertService alerts() {
        return alerts;
    }

    @Override
    public uk.starred.api.deadline.DeadlineService deadlines() {
        return deadlines;
    }

    @Override
    public OutboxService outbox() {
        return outbox;
    }

    /** Starts a scenario run: a fresh host, the clock at {@code start}, child ids of its own. */
    synchronized KarafStarred startRun(Instant start) {
        run++;
        host.fresh();
        clock.set(start);
        return this;
    }

    /** Ends a scenario run: delivers what it left in the outbox to its own host. */
    void endRun() {
        outbox.deliverDue();
    }

    @Override
    public String childId(String name) {
        return name + "-" + run;
    }

    @Override
    public TestHost host() {
        return host.current();
    }

    @Override
    public SettableClock clock() {
        return clock;
    }

    /**
     * The seed procedures come from their procedure bundles, read by the extender from their
     * descriptors: this waits for the one the scenario names, so the scenario runs through the loaded
     * descriptor.
     */
    @Override
    public Procedure seed(ProcedureRef seed) {
        ServiceTracker<InstalledProcedure, InstalledProcedure> tracker;
        try {
            tracker = new ServiceTracker<>(context, context.createFilter("(&(objectClass="
                    + InstalledProcedure.class.getName() + ")(" + InstalledProcedure.ID + "=" + seed.id() + ")("
                    + InstalledProcedure.VERSION + "=" + seed.version() + "))"), null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        tracker.open();
        try {
            InstalledProcedure loaded = tracker.waitForService(TimeUnit.SECONDS.toMillis(60));
            if (loaded == null) {
                throw new AssertionError("procedure " + seed + " was not loaded from its bundle within 60 s");
            }
            installed.add(seed);
            return loaded.procedure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            tracker.close();
        }
    }

    /** Only the seeds' procedures, which their bundles install, are offered here. */
    /** Selects it in the configuration, and waits until the engine has taken the change. */
    @Override
    public void select(uk.starred.api.procedure.Cohort cohort, uk.starred.api.procedure.ProcedureRef procedure) {
        try {
            org.osgi.service.cm.Configuration config = context.getService(context.getServiceReference(
                    org.osgi.service.cm.ConfigurationAdmin.class)).getConfiguration("uk.starred.procedures", null);
            java.util.Dictionary<String, Object> properties = config.getProperties() == null
                    ? new java.util.Hashtable<>() : config.getProperties();
            properties.put(cohort == uk.starred.api.procedure.Cohort.LOOKED_AFTER ? "lookedAfter" : "childProtection",
                    procedure.id() + "@" + procedure.version());
            config.update(properties);
            uk.starred.api.procedure.ProcedureLibrary library = await(uk.starred.api.procedure.ProcedureLibrary.class);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!library.selectedFor(java.util.Set.of(cohort)).map(p -> p.ref().equals(procedure)).orElse(false)) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException(procedure + " was not selected within 30 s");
                }
                Thread.sleep(50); // Config Admin delivers the change on a thread of its own
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void install(Procedure procedure) {
        if (!installed.contains(procedure.ref())) {
            seed(procedure.ref());
        }
    }
}
