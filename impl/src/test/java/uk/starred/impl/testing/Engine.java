package uk.starred.impl.testing;

import java.time.Instant;
import java.util.List;

import uk.starred.api.audit.AuditTrail;
import uk.starred.api.concern.ConcernService;
import uk.starred.api.concern.OversightService;
import uk.starred.api.outbox.OutboxService;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.ProcedureRef;
import uk.starred.impl.access.Access;
import uk.starred.impl.alert.JpaAlertService;
import uk.starred.impl.calendar.WorkingCalendarComponent;
import uk.starred.impl.concern.ConcernStore;
import uk.starred.impl.verify.JpaAuditTrail;
import uk.starred.impl.concern.JpaConcernService;
import uk.starred.impl.concern.JpaOversightService;
import uk.starred.impl.outbox.OutboxRelay;
import uk.starred.impl.procedure.ProcedureCatalogue;
import uk.starred.impl.review.ReviewStore;
import uk.starred.impl.timekeeping.DeadlineRunner;
import uk.starred.testkit.SettableClock;
import uk.starred.testkit.StarredSystem;
import uk.starred.testkit.TestHost;

/**
 * The whole engine over a real database and an in-memory host, wired as DS wires it in Karaf, on a
 * clock the test moves. One per test.
 */
public final class Engine implements StarredSystem, AutoCloseable {

    public final TestDatabase db;
    public final TestHost host = new TestHost();
    public final SettableClock clock;
    /** The council's calendar, with no settings until a test configures some ({@code calendar.modified}). */
    public final WorkingCalendarComponent calendar = new WorkingCalendarComponent(
            uk.starred.impl.calendar.CouncilConfigurationTest.configuration(new String[0], new String[0], new String[0]));
    public final ProcedureCatalogue catalogue = new ProcedureCatalogue();
    public final ConcernStore concernStore;
    public final ReviewStore reviewStore;
    public final JpaConcernService concerns;
    public final JpaOversightService oversight;
    public final uk.starred.impl.concern.JpaAnnualReportService annualReport;
    public final uk.starred.impl.procedure.StarredProcedureLibrary library;
    public final JpaAuditTrail audit;
    public final OutboxRelay relay;
    public final DeadlineRunner deadlines;
    public final JpaAlertService alerts;
    public final uk.starred.impl.review.JpaReviewService reviews;
    public final uk.starred.impl.practice.JpaGoodPracticeService goodPractice;
    public final uk.starred.impl.records.JpaAccessLog accessLog;
    public final uk.starred.impl.records.JpaSubjectAccess subjectAccess;

    public Engine(TestDatabase.Kind kind, Instant start) {
        this(TestDatabase.migrated(kind), start);
    }

    /** The engine over a database already migrated, perhaps shared with another node. */
    public Engine(TestDatabase db, Instant start) {
        this.db = db;
        this.clock = new SettableClock(start);
        Access access = new Access(host, host, host);
        this.concernStore = new ConcernStore(db.jpaTemplate(), access, calendar);
        this.reviewStore = new ReviewStore(db.jpaTemplate(), access, calendar, ReviewTimetables.seed002());
        this.concerns = new JpaConcernService(db.jpaTemplate(), clock, access, host, calendar, catalogue, concernStore);
        this.oversight = new JpaOversightService(db.jpaTemplate(), clock, access, host, calendar);
        this.annualReport = new uk.starred.impl.concern.JpaAnnualReportService(db.jpaTemplate(), clock, access, host,
                host, calendar);
        this.library = new uk.starred.impl.procedure.StarredProcedureLibrary(catalogue, db.jpaTemplate());
        this.audit = new JpaAuditTrail(db.jpaTemplate(), access);
        this.relay = OutboxRelay.onCallersThread(db.jpaTemplate(), host, host, clock, 500);
        relay.episodes(host);
        this.alerts = new JpaAlertService(db.jpaTemplate(), clock, access, calendar, ReviewTimetables.seed002().iroRole());
        this.reviews = new uk.starred.impl.review.JpaReviewService(db.jpaTemplate(), clock, access, host, reviewStore,
                catalogue, concernStore);
        this.goodPractice = new uk.starred.impl.practice.JpaGoodPracticeService(db.jpaTemplate(), clock, access, host,
                host, library, calendar);
        this.deadlines = new DeadlineRunner(db.jpaTemplate(), concernStore, reviewStore, clock, db.kind() == TestDatabase.Kind.POSTGRESQL,
                "node-1", 200);
        this.accessLog = new uk.starred.impl.records.JpaAccessLog(db.jpaTemplate(), access);
        this.subjectAccess = new uk.starred.impl.records.JpaSubjectAccess(db.jpaTemplate(), access, clock);
    }

    /** The council's retention applied with the periods given, in years (0 keeps for ever), on this clock. */
    public uk.starred.impl.records.Retention retention(int endedConcernsKeptYears, int accessLogKeptYears) {
        return new uk.starred.impl.records.Retention(db.jpaTemplate(), new Access(host, host, host), calendar, clock,
                new uk.starred.impl.records.Purge.Settings(endedConcernsKeptYears, accessLogKeptYears));
    }

    public Engine with(Procedure procedure) {
        install(procedure);
        return this;
    }

    /**
     * Installs the procedure of a descriptor on the class path, read as Starred's extender reads it
     * from a procedure bundle; a refused descriptor fails with every problem listed.
     *
     * @param resource the descriptor's path, such as {@code OSGI-INF/starred/example-council-alerts.yaml}
     */
    public Engine withDescriptor(String resource) {
        java.io.InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no descriptor on the class path at " + resource);
        }
        try (java.io.Reader yaml = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            return with(uk.starred.impl.descriptor.DescriptorReader.read(resource, yaml));
        } catch (uk.starred.impl.descriptor.DescriptorException e) {
            throw new AssertionError(e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Installs a seed's procedure, read from its bundle's descriptor. */
    public Engine withSeed(ProcedureRef seed) {
        seed(seed);
        return this;
    }

    @Override
    public Procedure seed(ProcedureRef seed) {
        Procedure procedure = Seeds.procedure(seed);
        install(procedure);
        return procedure;
    }

    @Override
    public void select(uk.starred.api.procedure.Cohort cohort, ProcedureRef procedure) {
        catalogue.select(cohort, procedure.id() + "@" + procedure.version());
    }

    @Override
    public void install(Procedure procedure) {
        catalogue.addProvider(() -> procedure);
    }

    /** Runs the outbox relay once, as its timer would. */
    @Override
    public void deliver() {
        relay.deliverDue();
    }

    /**
     * Delivers the outbox and returns what reached the host since the last look, each as "recipient:
     * subject" with the subject's "Starred: child ...: " prefix left off, sorted.
     */
    public List<String> told() {
        relay.deliverDue();
        List<String> told = host.notifications.stream().flatMap(n -> n.recipients().stream()
                .map(r -> r + ": " + uk.starred.testkit.seeds.Scenario.subjects(List.of(n)).get(0))).sorted().toList();
        host.notifications.clear();
        return told;
    }

    /** Moves the clock to the instant and fires what has fallen due. @return how many moments fired */
    public int fireAt(String instant) {
        clock.set(Instant.parse(instant));
        return deadlines.fireDue();
    }

    /** Runs the outbox relay once. @return how many messages it delivered */
    public int deliverCounting() {
        return relay.deliverDue();
    }

    @Override
    public uk.starred.api.review.ReviewService reviews() {
        return reviews;
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
    public JpaAlertService alerts() {
        return alerts;
    }

    @Override
    public DeadlineRunner deadlines() {
        return deadlines;
    }

    @Override
    public OutboxService outbox() {
        return relay;
    }

    @Override
    public TestHost host() {
        return host;
    }

    @Override
    public SettableClock clock() {
        return clock;
    }

    @Override
    public void close() {
        db.close();
    }
}
