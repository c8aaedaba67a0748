package uk.starred.core.deadline;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.AgreedAction;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.deadline.DeadlineKind;

/**
 * The due moments a concern has as it stands: what the deadline runner must fire, and when. The store
 * keeps them in step with the concern after every change: moments it no longer has are cancelled.
 */
public final class DueMoments {

    private DueMoments() {
    }

    /** @return every due moment the concern has now, by key, in a stable order */
    public static Map<DueKey, Instant> of(Concern c, WorkingCalendar calendar) {
        Map<DueKey, Instant> due = new LinkedHashMap<>();
        if (c.status() == ConcernStatus.OPEN) {
            for (StageRecord s : c.stages()) {
                if (StageClock.running(s)) {
                    due.put(new DueKey(DeadlineKind.STAGE_DUE, s.ordinal()), s.dueAt());
                    Instant soon = Urgency.dueSoon(s.enteredAt(), s.dueAt(), calendar);
                    if (soon != null) {
                        due.put(new DueKey(DeadlineKind.STAGE_DUE_SOON, s.ordinal()), soon);
                    }
                }
            }
            if (c.formalDueAt() != null) {
                due.put(new DueKey(DeadlineKind.FORMAL_LIMIT, 0), c.formalDueAt());
            }
        }
        // agreed actions are monitored while the concern is open and after it is resolved
        if (c.status() == ConcernStatus.OPEN || c.status() == ConcernStatus.RESOLVED) {
            for (AgreedAction a : c.agreedActions()) {
                if (!a.isCompleted()) {
                    due.put(new DueKey(DeadlineKind.AGREED_ACTION_DUE, a.number()),
                            Urgency.endOf(a.dueBy(), calendar.zone()));
                }
            }
        }
        if (c.cafcass() != null && c.cafcass().referredAt() != null && c.cafcass().decision() == null
                && c.cafcass().decisionDueAt() != null) {
            due.put(new DueKey(DeadlineKind.CAFCASS_DECISION_DUE, 0), c.cafcass().decisionDueAt());
        }
        return due;
    }
}
