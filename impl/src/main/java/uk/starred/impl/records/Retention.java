package uk.starred.impl.records;

import java.time.Clock;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.api.audit.RetentionPurge;
import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.StaffDirectory;
import uk.starred.impl.access.Access;
import uk.starred.impl.outbox.Rounds;
import uk.starred.impl.schema.StarredSchema;
import uk.starred.impl.store.StoreGuard;

/**
 * The council's retention of dispute records ({@code etc/uk.starred.retention.cfg}), applied every few hours
 * and on demand ({@code starred:purge}, or {@link RetentionPurge} by those with oversight). Nothing is purged
 * until a period is configured: the council decides how long it keeps a child's records.
 */
@Component(service = RetentionPurge.class, immediate = true, configurationPid = Retention.PID)
@Designate(ocd = Retention.Config.class)
public class Retention implements RetentionPurge {

    public static final String PID = "uk.starred.retention";

    /** Who the purges the component runs by itself are recorded as made by. */
    static final String BY = "starred retention";

    @ObjectClassDefinition(name = "Starred retention", description = "How long Starred keeps concerns"
            + " after they end, and its access log; 0 keeps them for ever")
    public @interface Config {
        @AttributeDefinition(name = "Ended concerns kept (years)", min = "0", description = "concerns resolved,"
                + " withdrawn, referred or closed longer ago than this are deleted with everything written with"
                + " them, each leaving a purge record; 0 keeps them for ever")
        int endedConcernsKeptYears() default 0;

        @AttributeDefinition(name = "Access log kept (years)", min = "0", description = "entries of who saw a"
                + " child's records older than this are deleted; 0 keeps them for ever")
        int accessLogKeptYears() default 0;

        @AttributeDefinition(name = "Purge every (hours)", min = "1")
        int purgeEveryHours() default 24;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final JpaTemplate jpa;
    private final Access access;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final Purge.Settings settings;
    private Rounds rounds;

    @Activate
    public Retention(@Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema, @Reference CallerContext caller,
            @Reference StaffDirectory staff, @Reference ChildRecords children, @Reference WorkingCalendar calendar,
            Config config,
            @Reference(name = "clock", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this(jpa, new Access(caller, staff, children), calendar, clock == null ? Clock.systemUTC() : clock,
                new Purge.Settings(config.endedConcernsKeptYears(), config.accessLogKeptYears()));
        if (settings.endedConcernsKeptYears() > 0 || settings.accessLogKeptYears() > 0) {
            rounds = Rounds.every(config.purgeEveryHours() * 3600, "starred-retention", LOG, "Retention purge",
                    () -> purgeAs(BY, false));
        }
    }

    public Retention(JpaTemplate jpa, Access access, WorkingCalendar calendar, Clock clock, Purge.Settings settings) {
        this.jpa = StoreGuard.guarded(jpa);
        this.access = access;
        this.calendar = calendar;
        this.clock = clock;
        this.settings = settings;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (rounds != null) {
            rounds.close();
        }
    }

    @Override
    public Outcome purge(boolean dryRun) {
        String actor = access.caller();
        access.requireOversight(actor, "purge records past their retention");
        return purgeAs(actor, dryRun);
    }

    /** Purges as the person or part of Starred named; logs what went, never whose. */
    public Outcome purgeAs(String by, boolean dryRun) {
        Outcome outcome = Purge.run(jpa, settings, calendar.zone(), clock.instant(), by, dryRun);
        if (!dryRun && (outcome.concerns() > 0 || outcome.timetables() > 0 || outcome.accessEntries() > 0)) {
            LOG.info("Retention purge: {} concern(s) ended before {}, {} review timetable(s) and {} access log"
                    + " entr(ies) from before {} deleted; each concern and timetable left a purge record",
                    outcome.concerns(), outcome.endedBefore(), outcome.timetables(), outcome.accessEntries(),
                    outcome.viewedBefore());
        }
        return outcome;
    }
}
