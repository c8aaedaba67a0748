package uk.starred.impl.timekeeping;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.StaffDirectory;
import uk.starred.core.fault.Failures;
import uk.starred.impl.access.Access;
import uk.starred.impl.calendar.WorkingCalendarComponent;
import uk.starred.impl.concern.ConcernStore;
import uk.starred.impl.review.ReviewStore;
import uk.starred.impl.review.ReviewTimetableConfig;
import uk.starred.impl.schema.StarredSchema;

/**
 * When the council's calendar settings change (PID {@value WorkingCalendarComponent#PID}: a closure
 * day or bank holiday added or cancelled), moves the due moments of open concerns not yet reached,
 * and the dates of looked-after review timetables counted in working days, on a thread of its own so
 * that the operator's change returns at once. Moments already passed stay.
 */
@Component(immediate = true, configurationPid = ReviewTimetableConfig.PID)
public class CalendarChanges {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarChanges.class);

    private final JpaTemplate jpa;
    private final Access access;
    private final ReviewTimetableConfig reviewTimetable;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "starred-calendar-changes"));

    @Activate
    public CalendarChanges(@Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema, @Reference CallerContext caller,
            @Reference StaffDirectory staff, @Reference ChildRecords children, ReviewTimetableConfig reviewTimetable,
            @Reference(name = "clock", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this.jpa = uk.starred.impl.store.StoreGuard.guarded(jpa);
        this.access = new Access(caller, staff, children);
        this.reviewTimetable = reviewTimetable;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    @Reference(service = WorkingCalendar.class, policy = ReferencePolicy.DYNAMIC, updated = "calendarUpdated",
            unbind = "unbindCalendar")
    void bindCalendar(WorkingCalendar calendar, Map<String, Object> properties) {
        // the calendar in service at start: due moments were computed with it
    }

    /** The calendar's configuration changed (the service properties carry it). */
    void calendarUpdated(WorkingCalendar calendar, Map<String, Object> properties) {
        worker.execute(() -> {
            try {
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                int moved = new ConcernStore(jpa, access, calendar).recomputeDueMoments(
                        "council calendar settings changed", now);
                int timetables = new ReviewStore(jpa, access, calendar, reviewTimetable).recomputeDueDates(
                        "council calendar settings changed", now);
                LOG.info("Working calendar changed: due moments moved on {} open concern(s) and {} review timetable(s)",
                        moved, timetables);
            } catch (RuntimeException e) {
                LOG.error("Working calendar changed, but moving due moments failed; they keep their old values: {}",
                        Failures.describe(e));
            }
        });
    }

    void unbindCalendar(WorkingCalendar calendar, Map<String, Object> properties) {
        // nothing held
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }
}
