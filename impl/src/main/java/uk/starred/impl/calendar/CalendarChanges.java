package uk.starred.impl.calendar;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.impl.concern.JpaConcernService;

/**
 * When the council's calendar settings change (PID {@value WorkingCalendarComponent#PID}: a closure
 * day or bank holiday added or cancelled), moves the due moments of open concerns not yet reached,
 * and the dates of looked-after review timetables counted in working days, on a thread of its own so
 * that the operator's change returns at once. Moments already passed stay.
 */
@Component(immediate = true)
public class CalendarChanges {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarChanges.class);

    private final JpaConcernService concerns;
    private final uk.starred.impl.review.JpaReviewService reviews;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "starred-calendar-changes"));

    @Activate
    public CalendarChanges(@Reference JpaConcernService concerns,
            @Reference uk.starred.impl.review.JpaReviewService reviews) {
        this.concerns = concerns;
        this.reviews = reviews;
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
                int moved = concerns.recomputeDueMoments("council calendar settings changed");
                int timetables = reviews.recomputeDueDates("council calendar settings changed");
                LOG.info("Working calendar changed: due moments moved on {} open concern(s) and {} review timetable(s)",
                        moved, timetables);
            } catch (RuntimeException e) {
                LOG.error("Working calendar changed, but moving due moments failed; they keep their old values: {}",
                        e.toString(), e);
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
