package uk.starred.impl.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import uk.starred.api.ConcurrentChangeException;
import uk.starred.api.InvalidCommandException;
import uk.starred.api.NotFoundException;
import uk.starred.api.UnknownChildException;
import uk.starred.api.Violation;
import uk.starred.api.alert.AlertEvents;
import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.deadline.DeadlineKind;
import uk.starred.api.deadline.DeadlineState;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.review.DecisionsStatus;
import uk.starred.api.review.Review;
import uk.starred.api.review.ReviewService;
import uk.starred.api.review.ReviewTimetable;
import uk.starred.impl.access.Access;
import uk.starred.impl.deadline.DeadlineEntity;
import uk.starred.impl.deadline.Deadlines;
import uk.starred.impl.outbox.Effects;
import uk.starred.impl.schema.StarredSchema;

/**
 * The looked-after review timetable over the {@code starred} unit. Each command locks the child's
 * timetable at the version the caller read, checks the caller's role and the dates, and stores the
 * change with its due moments (kept in the deadline table, fired by the deadline runner) and its
 * notifications, in one transaction.
 */
@Component(service = {ReviewService.class, JpaReviewService.class}, configurationPid = "uk.starred.reviews")
@Designate(ocd = ReviewTimetableConfig.class)
public class JpaReviewService implements ReviewService {

    static final String ACTOR = "starred";

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Access access;
    private final ChildRecords children;
    private final WorkingCalendar calendar;
    private final ReviewTimetableConfig timescales;

    @Activate
    public JpaReviewService(@Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema, @Reference CallerContext caller,
            @Reference StaffDirectory staff, @Reference ChildRecords children, @Reference WorkingCalendar calendar,
            ReviewTimetableConfig timescales,
            @Reference(name = "clock", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this(jpa, clock == null ? Clock.systemUTC() : clock, new Access(caller, staff), children, calendar, timescales);
    }

    public JpaReviewService(JpaTemplate jpa, Clock clock, Access access, ChildRecords children,
            WorkingCalendar calendar, ReviewTimetableConfig timescales) {
        this.jpa = jpa;
        this.clock = clock;
        this.access = access;
        this.children = children;
        this.calendar = calendar;
        this.timescales = timescales;
    }

    @Override
    public Optional<ReviewTimetable> timetable(String childId) {
        require("Read review timetable", "childId", childId);
        String actor = access.caller();
        if (!access.hasOversight(actor) && access.roles(actor, childId).isEmpty()) {
            return Optional.empty();
        }
        return jpa.txExpr(TransactionType.Required, em -> Optional.ofNullable(em.find(LookedAfterChildEntity.class,
                childId)).map(LookedAfterChildEntity::toTimetable));
    }

    @Override
    public ReviewTimetable lookedAfterFrom(String childId, LocalDate since) {
        String what = "Record becoming looked after";
        require(what, "childId", childId);
        String actor = access.caller();
        access.requireRoleOrOversight(actor, childId, List.of(timescales.socialWorkerRole(), timescales.iroRole()),
                "record that a child became looked after");
        children.child(childId).orElseThrow(() -> new UnknownChildException("the host has no child record '"
                + childId + "'"));
        Instant now = now();
        notAfterToday(what, "since", since, now);
        return jpa.txExpr(TransactionType.Required, em -> {
            LookedAfterChildEntity existing = em.find(LookedAfterChildEntity.class, childId);
            if (existing != null) {
                throw new InvalidCommandException(what, List.of(new Violation("childId", "child " + childId
                        + " has a review timetable already, looked after since " + existing.lookedAfterSince()
                        + (existing.ceasedOn() == null ? "" : " until " + existing.ceasedOn()))));
            }
            LookedAfterChildEntity child = new LookedAfterChildEntity(childId, since, actor, now,
                    calendar.addWorkingDays(since, timescales.firstReviewWorkingDays()));
            em.persist(child);
            em.flush();
            history(em, child, now, actor, "lookedAfterFrom", "Looked after since " + since + "; the initial review"
                    + " is due by " + child.reviews().get(0).dueBy + ".");
            return finish(em, child, actor, "lookedAfterFrom", now, new Effects());
        });
    }

    @Override
    public ReviewTimetable reviewHeld(String childId, long expectedVersion, LocalDate heldOn) {
        String what = "Record review held";
        return command(what, childId, expectedVersion, List.of(timescales.iroRole()), "record a review held",
                (em, child, actor, now, told) -> {
                    notAfterToday(what, "heldOn", heldOn, now);
                    List<LookedAfterChildEntity.ReviewRow> reviews = child.reviews();
                    int index = nextIndex(what, child);
                    LocalDate earliest = index == 0 ? child.lookedAfterSince() : reviews.get(index - 1).heldOn;
                    if (heldOn.isBefore(earliest)) {
                        reject(what, "heldOn", heldOn + " is before " + (index == 0 ? "the child became looked after"
                                : "review " + index + " was held") + " (" + earliest + ")");
                    }
                    LookedAfterChildEntity.ReviewRow review = reviews.get(index);
                    review.heldOn = heldOn;
                    review.heldRecordedBy = actor;
                    review.decisionRecordDueBy = calendar.addWorkingDays(heldOn, timescales.decisionRecordWorkingDays());
                    review.recordDueBy = calendar.addWorkingDays(heldOn, timescales.recordWorkingDays());
                    review.distributionDueBy = calendar.addWorkingDays(heldOn, timescales.distributionWorkingDays());
                    LocalDate next = heldOn.plusMonths(index == 0 ? timescales.secondReviewMonths()
                            : timescales.laterReviewMonths());
                    child.addReview(next);
                    return "Review " + (index + 1) + " held on " + heldOn + "; decision record due by "
                            + review.decisionRecordDueBy + ", record by " + review.recordDueBy + ", distribution by "
                            + review.distributionDueBy + "; review " + (index + 2) + " due by " + next + ".";
                });
    }

    @Override
    public ReviewTimetable decisionRecordCirculated(String childId, long expectedVersion, int review, LocalDate on) {
        String what = "Record decision record circulated";
        return command(what, childId, expectedVersion, List.of(timescales.iroRole()),
                "record a decision record circulated", (em, child, actor, now, told) -> {
                    LookedAfterChildEntity.ReviewRow row = held(what, child, review);
                    notAfterToday(what, "on", on, now);
                    notBefore(what, "on", on, row.heldOn, "the review was held");
                    if (row.decisionRecordCirculatedOn != null) {
                        reject(what, "review", "review " + review + "'s decision record was circulated on "
                                + row.decisionRecordCirculatedOn);
                    }
                    row.decisionRecordCirculatedOn = on;
                    row.disagreementWindowEnds = calendar.addWorkingDays(on, timescales.disagreementWorkingDays());
                    tell(told, child, access.holders(List.of(timescales.managerRole()), child.childId()),
                            "review " + review + " decisions to consider", "The decisions of review " + review
                                    + " are circulated. Tell the IRO by " + row.disagreementWindowEnds
                                    + " if you cannot agree them; if you do not, they are agreed.");
                    return "Decision record of review " + review + " circulated on " + on + "; managers may disagree"
                            + " until " + row.disagreementWindowEnds + ".";
                });
    }

    @Override
    public ReviewTimetable disagree(String childId, long expectedVersion, int review, String reasons) {
        String what = "Disagree with review decisions";
        return command(what, childId, expectedVersion, List.of(timescales.managerRole()),
                "disagree with a review's decisions", (em, child, actor, now, told) -> {
                    LookedAfterChildEntity.ReviewRow row = held(what, child, review);
                    if (reasons == null || reasons.isBlank()) {
                        reject(what, "reasons", "are required: say which decisions and why");
                    }
                    if (reasons.length() > 4000) {
                        reject(what, "reasons", "must be at most 4000 characters, was " + reasons.length());
                    }
                    if (row.decisionRecordCirculatedOn == null) {
                        reject(what, "review", "review " + review + "'s decision record is not circulated yet");
                    }
                    if (row.decisions != DecisionsStatus.AWAITED) {
                        reject(what, "review", "review " + review + "'s decisions are " + row.decisions
                                + (row.decisions == DecisionsStatus.AGREED_BY_SILENCE
                                        ? ": the window to disagree ended on " + row.disagreementWindowEnds : ""));
                    }
                    row.decisions = DecisionsStatus.DISPUTED;
                    row.disputedBy = actor;
                    row.disputeReasons = reasons.strip();
                    tell(told, child, access.holders(List.of(timescales.iroRole()), child.childId()),
                            "review " + review + " decisions disputed", actor + " cannot agree the decisions of review "
                                    + review + ": " + reasons.strip());
                    return "The decisions of review " + review + " are disputed by " + actor + ": " + reasons.strip();
                });
    }

    @Override
    public ReviewTimetable recordCompleted(String childId, long expectedVersion, int review, LocalDate on) {
        String what = "Record review record completed";
        return command(what, childId, expectedVersion, List.of(timescales.iroRole()), "record a review record completed",
                (em, child, actor, now, told) -> {
                    LookedAfterChildEntity.ReviewRow row = held(what, child, review);
                    notAfterToday(what, "on", on, now);
                    notBefore(what, "on", on, row.heldOn, "the review was held");
                    if (row.recordCompletedOn != null) {
                        reject(what, "review", "review " + review + "'s record was completed on " + row.recordCompletedOn);
                    }
                    row.recordCompletedOn = on;
                    return "Record of review " + review + " completed on " + on + ".";
                });
    }

    @Override
    public ReviewTimetable recordDistributed(String childId, long expectedVersion, int review, LocalDate on) {
        String what = "Record review record distributed";
        return command(what, childId, expectedVersion, List.of(timescales.iroRole()),
                "record a review record distributed", (em, child, actor, now, told) -> {
                    LookedAfterChildEntity.ReviewRow row = held(what, child, review);
                    notAfterToday(what, "on", on, now);
                    if (row.recordCompletedOn == null) {
                        reject(what, "review", "review " + review + "'s record is not completed yet");
                    }
                    notBefore(what, "on", on, row.recordCompletedOn, "the record was completed");
                    if (row.distributedOn != null) {
                        reject(what, "review", "review " + review + "'s record was distributed on " + row.distributedOn);
                    }
                    row.distributedOn = on;
                    return "Record of review " + review + " distributed on " + on + ".";
                });
    }

    @Override
    public ReviewTimetable ceasedLookedAfter(String childId, long expectedVersion, LocalDate on) {
        String what = "Record ceasing to be looked after";
        return command(what, childId, expectedVersion, List.of(timescales.socialWorkerRole(), timescales.iroRole()),
                "record that a child ceased to be looked after", (em, child, actor, now, told) -> {
                    notAfterToday(what, "on", on, now);
                    notBefore(what, "on", on, child.lookedAfterSince(), "the child became looked after");
                    if (child.ceasedOn() != null) {
                        reject(what, "on", "child " + childId + " ceased to be looked after on " + child.ceasedOn());
                    }
                    child.cease(on);
                    return "Ceased to be looked after on " + on + "; no further review is due.";
                });
    }

    // ---------------------------------------------------------------- the deadline runner's part

    /**
     * Fires one due moment of a review timetable in one transaction: tells those who must act and,
     * when the managers' window ends in silence, records the decisions as agreed. Fires nothing when
     * the moment is no longer pending or {@code node} lost its claim.
     *
     * @return what firing did, in words, or {@code null} when nothing fired
     */
    public String fireDeadline(DeadlineEntity.Key key, String node, boolean claimed) {
        Instant now = now();
        return jpa.txExpr(TransactionType.Required, em -> {
            LookedAfterChildEntity child = em.find(LookedAfterChildEntity.class, key.concernId(),
                    LockModeType.PESSIMISTIC_WRITE);
            DeadlineEntity deadline = em.find(DeadlineEntity.class, key);
            if (child == null || deadline == null || deadline.state() != DeadlineState.PENDING
                    || (claimed && !node.equals(deadline.claimedBy()))) {
                return null;
            }
            int n = key.item();
            LookedAfterChildEntity.ReviewRow row = n >= 1 && n <= child.reviews().size() ? child.reviews().get(n - 1) : null;
            List<String> iro = access.holders(List.of(timescales.iroRole()), child.childId());
            Effects messages = new Effects();
            String outcome = null;
            if (row != null && !(key.kind() == DeadlineKind.REVIEW_DUE && child.ceasedOn() != null)) {
                switch (key.kind()) {
                    case REVIEW_DUE -> {
                        if (row.heldOn == null) {
                            List<String> told = both(iro, access.holders(List.of(timescales.socialWorkerRole()),
                                    child.childId()));
                            tell(messages, child, told, "review " + n + " late", "Review " + n
                                    + " was due by " + row.dueBy + " and is not recorded as held.");
                            outcome = "review " + n + " late: told " + String.join(", ", told);
                        }
                    }
                    case DECISION_RECORD_DUE -> {
                        if (row.heldOn != null && row.decisionRecordCirculatedOn == null) {
                            tell(messages, child, iro, "review " + n + " decision record overdue",
                                    "The decision record of review " + n + " was due by " + row.decisionRecordDueBy + ".");
                            outcome = "decision record overdue: told " + String.join(", ", iro);
                        }
                    }
                    case DECISIONS_WINDOW_ENDS -> {
                        if (row.decisions == DecisionsStatus.AWAITED && row.decisionRecordCirculatedOn != null) {
                            row.decisions = DecisionsStatus.AGREED_BY_SILENCE;
                            List<String> told = both(iro, access.holders(List.of(timescales.managerRole()),
                                    child.childId()));
                            tell(messages, child, told, "review " + n + " decisions agreed", "No manager"
                                    + " disagreed with the decisions of review " + n + " by " + row.disagreementWindowEnds
                                    + ": they are agreed by the local authority and are to be implemented.");
                            outcome = "decisions agreed by silence: told " + String.join(", ", told);
                            child.touch(ACTOR, now);
                        }
                    }
                    case REVIEW_RECORD_DUE -> {
                        if (row.heldOn != null && row.recordCompletedOn == null) {
                            tell(messages, child, iro, "review " + n + " record overdue",
                                    "The record of review " + n + " was due by " + row.recordDueBy + ".");
                            outcome = "record overdue: told " + String.join(", ", iro);
                        }
                    }
                    case RECORD_DISTRIBUTION_DUE -> {
                        if (row.heldOn != null && row.distributedOn == null) {
                            tell(messages, child, iro, "review " + n + " record not distributed",
                                    "The record of review " + n + " was due to be distributed by "
                                            + row.distributionDueBy + ".");
                            outcome = "distribution overdue: told " + String.join(", ", iro);
                        }
                    }
                    default -> throw new IllegalStateException("not a review timetable moment: " + key.kind());
                }
            }
            deadline.fired(now, node, outcome == null ? "nothing outstanding" : outcome);
            if (outcome != null) {
                String cause = "deadline/" + key.kind() + "/" + n;
                messages.event(AlertEvents.DEADLINE_TOPIC_PREFIX + key.kind(), outcome);
                messages.writeTo(em, null, child.childId(), cause, ACTOR, now);
                if (key.kind() == DeadlineKind.DECISIONS_WINDOW_ENDS) {
                    em.flush();
                    history(em, child, now, ACTOR, "decisionsAgreedBySilence", "No manager disagreed with the decisions"
                            + " of review " + n + " by " + row.disagreementWindowEnds + ": they are agreed.");
                    reconcile(em, child, now);
                }
            }
            return outcome;
        });
    }

    @Override
    public List<uk.starred.api.review.HistoryEntry> history(String childId) {
        require("Read review history", "childId", childId);
        String actor = access.caller();
        if (!access.hasOversight(actor) && access.roles(actor, childId).isEmpty()) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery("select h from HistoryEntity h"
                + " where h.childId = :child order by h.seq", HistoryEntity.class).setParameter("child", childId)
                .getResultStream().map(HistoryEntity::toEntry).toList());
    }

    /**
     * After the working calendar changed: moves the timetable dates counted in working days that are
     * not yet past (the initial review, the records after a review, the managers' window) to where
     * the calendar now puts them. Each timetable changed gets a history entry and its IRO is told.
     *
     * @param why what changed, for the record
     * @return how many children's timetables changed
     */
    public int recomputeDueDates(String why) {
        Instant now = now();
        LocalDate today = today(now);
        List<String> ids = jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "select c.childId from LookedAfterChildEntity c where c.ceasedOn is null", String.class).getResultList());
        int moved = 0;
        for (String id : ids) {
            boolean changed = jpa.txExpr(TransactionType.Required, em -> {
                LookedAfterChildEntity child = em.find(LookedAfterChildEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
                if (child == null || child.ceasedOn() != null) {
                    return false;
                }
                List<String> changes = new ArrayList<>();
                List<LookedAfterChildEntity.ReviewRow> reviews = child.reviews();
                for (int i = 0; i < reviews.size(); i++) {
                    LookedAfterChildEntity.ReviewRow r = reviews.get(i);
                    int n = i + 1;
                    if (i == 0 && r.heldOn == null) {
                        r.dueBy = moved(changes, "review 1", r.dueBy, calendar.addWorkingDays(child.lookedAfterSince(),
                                timescales.firstReviewWorkingDays()), today);
                    }
                    if (r.heldOn == null) {
                        continue;
                    }
                    if (r.decisionRecordCirculatedOn == null) {
                        r.decisionRecordDueBy = moved(changes, "review " + n + "'s decision record",
                                r.decisionRecordDueBy, calendar.addWorkingDays(r.heldOn,
                                        timescales.decisionRecordWorkingDays()), today);
                    } else if (r.decisions == DecisionsStatus.AWAITED) {
                        r.disagreementWindowEnds = moved(changes, "review " + n + "'s managers' window",
                                r.disagreementWindowEnds, calendar.addWorkingDays(r.decisionRecordCirculatedOn,
                                        timescales.disagreementWorkingDays()), today);
                    }
                    if (r.recordCompletedOn == null) {
                        r.recordDueBy = moved(changes, "review " + n + "'s record", r.recordDueBy,
                                calendar.addWorkingDays(r.heldOn, timescales.recordWorkingDays()), today);
                    }
                    if (r.distributedOn == null) {
                        r.distributionDueBy = moved(changes, "review " + n + "'s distribution", r.distributionDueBy,
                                calendar.addWorkingDays(r.heldOn, timescales.distributionWorkingDays()), today);
                    }
                }
                if (changes.isEmpty()) {
                    return false;
                }
                child.touch(ACTOR, now);
                em.flush();
                String detail = "The working calendar changed (" + why + "): " + String.join("; ", changes) + ".";
                history(em, child, now, ACTOR, "calendarChanged", detail);
                Effects told = new Effects();
                tell(told, child, access.holders(List.of(timescales.iroRole()), child.childId()), "review dates moved",
                        detail);
                finish(em, child, ACTOR, "calendarChanged", now, told);
                return true;
            });
            if (changed) {
                moved++;
            }
        }
        return moved;
    }

    /** @return the date now due: the new one when the old is not yet past and differs, noted in {@code changes} */
    private static LocalDate moved(List<String> changes, String what, LocalDate old, LocalDate now, LocalDate today) {
        if (old == null || old.isBefore(today) || old.equals(now)) {
            return old;
        }
        changes.add(what + " is now due by " + now + " (was " + old + ")");
        return now;
    }

    private void history(EntityManager em, LookedAfterChildEntity child, Instant now, String actor, String what,
            String detail) {
        Number last = em.createQuery("select max(h.seq) from HistoryEntity h where h.childId = :child", Number.class)
                .setParameter("child", child.childId()).getSingleResult();
        em.persist(new HistoryEntity(child.childId(), last == null ? 1 : last.intValue() + 1, now, actor, what, detail));
    }

    private static String name(String what) {
        String[] words = what.toLowerCase(java.util.Locale.ROOT).split(" ");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    // ---------------------------------------------------------------- plumbing

    @FunctionalInterface
    interface Change {
        /** @return what the command recorded, in words, for the history; notifications go to {@code told} */
        String apply(EntityManager em, LookedAfterChildEntity child, String actor, Instant now, Effects told);
    }

    private ReviewTimetable command(String what, String childId, long expectedVersion, List<String> roles, String right,
            Change change) {
        require(what, "childId", childId);
        String actor = access.caller();
        access.requireRoleOrOversight(actor, childId, roles, right);
        Instant now = now();
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                LookedAfterChildEntity child = em.find(LookedAfterChildEntity.class, childId,
                        LockModeType.PESSIMISTIC_WRITE);
                if (child == null) {
                    throw new NotFoundException("child " + childId + " has no review timetable; record when they"
                            + " became looked after first");
                }
                if (child.version() != expectedVersion) {
                    throw changedMeanwhile(childId);
                }
                Effects messages = new Effects();
                String detail = change.apply(em, child, actor, now, messages);
                child.touch(actor, now);
                em.flush();
                history(em, child, now, actor, name(what), detail);
                return finish(em, child, actor, what, now, messages);
            });
        } catch (OptimisticLockException e) {
            throw changedMeanwhile(childId);
        } catch (PersistenceException e) {
            if (e.getCause() instanceof OptimisticLockException) {
                throw changedMeanwhile(childId);
            }
            throw e;
        }
    }

    private ReviewTimetable finish(EntityManager em, LookedAfterChildEntity child, String actor, String what,
            Instant now, Effects effects) {
        effects.event(AlertEvents.REVIEWS_CHANGED, what);
        effects.writeTo(em, null, child.childId(), "v" + child.version(), actor, now);
        reconcile(em, child, now);
        em.flush();
        return child.toTimetable();
    }

    private void reconcile(EntityManager em, LookedAfterChildEntity child, Instant now) {
        Deadlines.reconcile(em, child.childId(), child.childId(), true, due(child.toTimetable()), now);
    }

    /** @return every moment the timetable has now: each at the end of its last day */
    Map<DeadlineEntity.Key, Instant> due(ReviewTimetable t) {
        Map<DeadlineEntity.Key, Instant> due = new LinkedHashMap<>();
        for (Review r : t.reviews()) {
            if (!r.isHeld()) {
                if (t.ceasedOn() == null) {
                    put(due, t, DeadlineKind.REVIEW_DUE, r.number(), r.dueBy());
                }
                continue;
            }
            if (r.decisionRecordCirculatedOn() == null) {
                put(due, t, DeadlineKind.DECISION_RECORD_DUE, r.number(), r.decisionRecordDueBy());
            } else if (r.decisions() == DecisionsStatus.AWAITED) {
                put(due, t, DeadlineKind.DECISIONS_WINDOW_ENDS, r.number(), r.disagreementWindowEnds());
            }
            if (r.recordCompletedOn() == null) {
                put(due, t, DeadlineKind.REVIEW_RECORD_DUE, r.number(), r.recordDueBy());
            }
            if (r.distributedOn() == null) {
                put(due, t, DeadlineKind.RECORD_DISTRIBUTION_DUE, r.number(), r.distributionDueBy());
            }
        }
        return due;
    }

    private void put(Map<DeadlineEntity.Key, Instant> due, ReviewTimetable t, DeadlineKind kind, int n, LocalDate last) {
        due.put(new DeadlineEntity.Key(t.childId(), kind, n), Deadlines.endOf(last, calendar.zone()));
    }

    private static void tell(Effects effects, LookedAfterChildEntity child, List<String> to, String what,
            String body) {
        effects.notify(to, "Starred: child " + child.childId() + ": " + what, body);
    }

    private static List<String> both(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList();
    }

    private static int nextIndex(String what, LookedAfterChildEntity child) {
        if (child.ceasedOn() != null) {
            reject(what, "childId", "child " + child.childId() + " ceased to be looked after on " + child.ceasedOn());
        }
        List<LookedAfterChildEntity.ReviewRow> reviews = child.reviews();
        for (int i = 0; i < reviews.size(); i++) {
            if (reviews.get(i).heldOn == null) {
                return i;
            }
        }
        throw new IllegalStateException("a looked-after child always has a review due");
    }

    private static LookedAfterChildEntity.ReviewRow held(String what, LookedAfterChildEntity child, int review) {
        if (review < 1 || review > child.reviews().size() || child.reviews().get(review - 1).heldOn == null) {
            reject(what, "review", "there is no review " + review + " held for child " + child.childId());
        }
        return child.reviews().get(review - 1);
    }

    private LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, calendar.zone());
    }

    private void notAfterToday(String what, String field, LocalDate date, Instant now) {
        if (date == null) {
            reject(what, field, "is required");
        }
        if (date.isAfter(today(now))) {
            reject(what, field, date + " is in the future (today is " + today(now) + ")");
        }
    }

    private static void notBefore(String what, String field, LocalDate date, LocalDate earliest, String because) {
        if (date.isBefore(earliest)) {
            reject(what, field, date + " is before " + because + " (" + earliest + ")");
        }
    }

    private static void require(String what, String field, String value) {
        if (value == null || value.isBlank()) {
            reject(what, field, "is required");
        }
    }

    private static void reject(String what, String field, String message) {
        throw new InvalidCommandException(what, List.of(new Violation(field, message)));
    }

    private static ConcurrentChangeException changedMeanwhile(String childId) {
        return new ConcurrentChangeException("the review timetable of child " + childId
                + " was changed by someone else after you read it; read it again and decide afresh");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
