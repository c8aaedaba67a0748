package uk.starred.impl.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.FlushModeType;

import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.AgreedAction;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.concern.StageState;
import uk.starred.api.deadline.DeadlineKind;
import uk.starred.api.deadline.DeadlineState;

/**
 * Keeps a concern's stored due moments in step with the concern, in the transaction of every change
 * to it: moments it now has are added, moved ones moved, and those it no longer has cancelled (or,
 * when already fired, marked dealt with). The rules for when each moment falls are here.
 */
public final class Deadlines {

    private Deadlines() {
    }

    /** @return every due moment the concern has now, by key */
    static Map<DeadlineEntity.Key, Instant> of(Concern c, WorkingCalendar calendar) {
        Map<DeadlineEntity.Key, Instant> due = new LinkedHashMap<>();
        String id = c.id().toString();
        if (c.status() == ConcernStatus.OPEN) {
            for (StageRecord s : c.stages()) {
                if (s.state() == StageState.ACTIVE && s.dueAt() != null) {
                    due.put(new DeadlineEntity.Key(id, DeadlineKind.STAGE_DUE, s.ordinal()), s.dueAt());
                    Instant soon = dueSoon(calendar, s.enteredAt(), s.dueAt());
                    if (soon != null) {
                        due.put(new DeadlineEntity.Key(id, DeadlineKind.STAGE_DUE_SOON, s.ordinal()), soon);
                    }
                }
            }
            if (c.formalDueAt() != null) {
                due.put(new DeadlineEntity.Key(id, DeadlineKind.FORMAL_LIMIT, 0), c.formalDueAt());
            }
        }
        // agreed actions are monitored while the concern is open and after it is resolved
        if (c.status() == ConcernStatus.OPEN || c.status() == ConcernStatus.RESOLVED) {
            for (AgreedAction a : c.agreedActions()) {
                if (!a.isCompleted()) {
                    due.put(new DeadlineEntity.Key(id, DeadlineKind.AGREED_ACTION_DUE, a.number()),
                            endOf(a.dueBy(), calendar.zone()));
                }
            }
        }
        if (c.cafcass() != null && c.cafcass().referredAt() != null && c.cafcass().decision() == null
                && c.cafcass().decisionDueAt() != null) {
            due.put(new DeadlineEntity.Key(id, DeadlineKind.CAFCASS_DECISION_DUE, 0), c.cafcass().decisionDueAt());
        }
        return due;
    }

    /**
     * When a stage is "due soon": from the start of the last working day before its due moment (for
     * a stage due at midnight, the day that midnight ends). None when that is not after the stage began.
     */
    public static Instant dueSoon(WorkingCalendar calendar, Instant entered, Instant due) {
        ZoneId zone = calendar.zone();
        ZonedDateTime at = due.atZone(zone);
        LocalDate last = at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().minusDays(1) : at.toLocalDate();
        for (int i = 0; i < 30 && !calendar.isWorkingDay(last); i++) {
            last = last.minusDays(1);
        }
        Instant soon = last.atStartOfDay(zone).toInstant();
        return soon.isAfter(entered) && soon.isBefore(due) ? soon : null;
    }

    /** @return the moment the day ends, where a date is the last day allowed */
    public static Instant endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * Brings the stored moments of the concern in line with what it has now.
     *
     * @param raised whether the concern is being raised, so has no moments stored yet to read
     */
    public static void reconcile(EntityManager em, Concern c, boolean raised, WorkingCalendar calendar, Instant now) {
        String id = c.id().toString();
        reconcile(em, raised ? List.of() : stored(em, id), c.childId(), false, of(c, calendar), now);
    }

    /**
     * Brings the stored moments of one subject (a concern, or a child's review timetable) in line
     * with those it has now.
     *
     * @param reviewTimetable whether the subject is a child's review timetable
     * @param wanted          every moment the subject has now, by key
     */
    public static void reconcile(EntityManager em, String subjectId, String childId, boolean reviewTimetable,
            Map<DeadlineEntity.Key, Instant> wanted, Instant now) {
        reconcile(em, stored(em, subjectId), childId, reviewTimetable, wanted, now);
    }

    /**
     * The subject's stored moments. Those already read in this transaction come back as they are in
     * memory, so the change need not be written first: no flush before the query.
     */
    private static List<DeadlineEntity> stored(EntityManager em, String subjectId) {
        return em.createQuery("select d from DeadlineEntity d where d.concernId = :id", DeadlineEntity.class)
                .setParameter("id", subjectId).setFlushMode(FlushModeType.COMMIT).getResultList();
    }

    private static void reconcile(EntityManager em, List<DeadlineEntity> stored, String childId,
            boolean reviewTimetable, Map<DeadlineEntity.Key, Instant> wanted, Instant now) {
        Map<DeadlineEntity.Key, Instant> left = new LinkedHashMap<>(wanted);
        for (DeadlineEntity d : stored) {
            if (d.kind().ofReviewTimetable() != reviewTimetable) {
                continue;
            }
            Instant want = left.remove(d.key());
            if (d.state() == DeadlineState.PENDING) {
                if (want == null) {
                    d.cancel(now);
                } else if (!want.equals(d.dueAt())) {
                    d.moveTo(want);
                }
            } else if (d.state() == DeadlineState.FIRED && want == null && d.settledAt() == null) {
                d.settle(now);
            } else if (d.state() == DeadlineState.CANCELLED && want != null) {
                // the subject has the moment again: a cancelled row left as it was would never fire
                d.reopen(want);
            }
        }
        left.forEach((key, at) -> em.persist(new DeadlineEntity(key.concernId(), key.kind(), key.item(), childId, at)));
    }
}
