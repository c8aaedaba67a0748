package uk.starred.impl.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import uk.starred.api.StoreUnavailableException;
import uk.starred.api.operations.CommandTiming;
import uk.starred.api.operations.OperationsService;
import uk.starred.api.operations.ServiceStatus;
import uk.starred.api.operations.StageCount;
import uk.starred.api.outbox.OutboxBacklog;
import uk.starred.api.outbox.OutboxService;
import uk.starred.impl.extender.ProcedureExtender;
import uk.starred.impl.procedure.ProcedureCatalogue;
import uk.starred.impl.schema.SchemaMigration;
import uk.starred.impl.schema.StarredSchema;
import uk.starred.impl.store.CommandTimings;

/**
 * Starred's state for operators, read straight from the database with plain statements (so it answers while the
 * rest of the engine waits for its schema or its persistence unit) and from the components that know the rest:
 * the schema migrated or not, the outbox's backlog, the procedures refused. Every reference is optional: what is
 * missing is itself the news.
 */
@Component(service = OperationsService.class, immediate = true)
@Designate(ocd = OperationsComponent.Config.class)
public class OperationsComponent implements OperationsService {

    @ObjectClassDefinition(name = "Starred operations", description = "What health checks and metrics read")
    public @interface Config {
        @AttributeDefinition(name = "Database answer (seconds)", min = "1", max = "60",
                description = "how long the database may take to answer before it is reported down")
        int databaseTimeoutSeconds() default 5;

        @AttributeDefinition(name = "Open concerns kept (seconds)", min = "0", max = "3600",
                description = "how long the count of open concerns by stage is reused: it reads every open"
                        + " concern, and monitoring asks for it every few seconds")
        int openConcernsCacheSeconds() default 30;
    }

    private final Clock clock;
    private final int databaseTimeoutSeconds;
    private final Duration cacheFor;
    private volatile Cached cached;

    @Reference(target = "(osgi.jndi.service.name=starred)", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DataSource dataSource;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StarredSchema schema;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OutboxService outbox;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ProcedureCatalogue catalogue;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ProcedureExtender extender;

    private record Cached(Instant at, List<StageCount> counts) {
    }

    @Activate
    public OperationsComponent(Config config,
            @Reference(name = "clock", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this(clock == null ? Clock.systemUTC() : clock, config.databaseTimeoutSeconds(),
                Duration.ofSeconds(config.openConcernsCacheSeconds()));
    }

    /** Reads the database given; the other parts as they are set. */
    public OperationsComponent(Clock clock, int databaseTimeoutSeconds, Duration cacheFor) {
        this.clock = clock;
        this.databaseTimeoutSeconds = databaseTimeoutSeconds;
        this.cacheFor = cacheFor;
    }

    /** Sets the parts read, as Declarative Services does in Karaf. */
    public OperationsComponent reading(DataSource dataSource, StarredSchema schema, OutboxService outbox) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.outbox = outbox;
        return this;
    }

    @Override
    public ServiceStatus status() {
        Instant now = clock.instant();
        List<String> refused = refusedProcedures();
        StarredSchema migrated = schema;
        String version = migrated == null ? null : migrated.version();
        DataSource db = dataSource;
        if (db == null) {
            return new ServiceStatus(now, "no DataSource named starred is registered", null, version,
                    SchemaMigration.VERSION, null, -1, -1, null, refused);
        }
        long started = System.nanoTime();
        try (Connection c = db.getConnection()) {
            if (!c.isValid(databaseTimeoutSeconds)) {
                return new ServiceStatus(now, "the database did not answer within " + databaseTimeoutSeconds + " s",
                        null, version, SchemaMigration.VERSION, null, -1, -1, null, refused);
            }
            Duration answered = Duration.ofNanos(System.nanoTime() - started);
            if (migrated == null) {
                return new ServiceStatus(now, null, answered, null, SchemaMigration.VERSION, null, -1, -1, null,
                        refused);
            }
            long[] sweep = sweep(c, now);
            Duration lag = sweep[0] < 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, now.toEpochMilli() - sweep[0]));
            return new ServiceStatus(now, null, answered, version, SchemaMigration.VERSION, lag, sweep[1], sweep[2],
                    backlog(), refused);
        } catch (SQLException | RuntimeException e) {
            return new ServiceStatus(now, e.getClass().getSimpleName(), null, version, SchemaMigration.VERSION, null,
                    -1, -1, null, refused);
        }
    }

    /** @return the oldest due moment not fired (epoch millis, -1 for none), how many are due, how many stuck */
    private static long[] sweep(Connection c, Instant now) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT MIN(due_at), COUNT(*),"
                + " SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END) FROM deadline"
                + " WHERE state = 'PENDING' AND due_at <= ?")) {
            q.setTimestamp(1, Timestamp.from(now), utc());
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                Timestamp oldest = rs.getTimestamp(1, utc());
                return new long[] {oldest == null ? -1 : oldest.toInstant().toEpochMilli(), rs.getLong(2),
                        rs.getLong(3)};
            }
        }
    }

    private OutboxBacklog backlog() {
        OutboxService relay = outbox;
        if (relay == null) {
            return null;
        }
        try {
            return relay.backlog();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private List<String> refusedProcedures() {
        List<String> refused = new ArrayList<>();
        ProcedureCatalogue c = catalogue;
        if (c != null) {
            c.refused().forEach(r -> refused.add(r.id() + "@" + r.version()));
        }
        ProcedureExtender e = extender;
        if (e != null) {
            refused.addAll(e.refused().keySet());
        }
        return refused;
    }

    @Override
    public List<StageCount> openConcerns() {
        Instant now = clock.instant();
        Cached last = cached;
        if (last != null && last.at().plus(cacheFor).isAfter(now)) {
            return last.counts();
        }
        DataSource db = dataSource;
        if (db == null || schema == null) {
            throw new StoreUnavailableException();
        }
        List<StageCount> counts = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT c.procedure_id, s.stage_id, COUNT(*),"
                     + " SUM(CASE WHEN s.due_at < ? THEN 1 ELSE 0 END) FROM concern c"
                     + " LEFT JOIN stage_record s ON s.concern_id = c.id AND s.state = 'ACTIVE'"
                     + " WHERE c.status = 'OPEN' GROUP BY c.procedure_id, s.stage_id"
                     + " ORDER BY c.procedure_id, s.stage_id")) {
            q.setTimestamp(1, Timestamp.from(now), utc());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    counts.add(new StageCount(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2),
                            rs.getLong(3), rs.getLong(4)));
                }
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException();
        }
        cached = new Cached(now, List.copyOf(counts));
        return cached.counts();
    }

    /**
     * The zone moments are stored in: Hibernate writes them as UTC ({@code hibernate.jdbc.time_zone}), so a plain
     * statement reads and compares them as UTC too, whatever the server's own zone (Europe/London is an hour
     * ahead in summer).
     */
    private static java.util.Calendar utc() {
        return java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"));
    }

    @Override
    public List<CommandTiming> commandTimings() {
        return CommandTimings.snapshot();
    }
}
