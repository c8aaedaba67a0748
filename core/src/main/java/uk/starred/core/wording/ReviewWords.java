package uk.starred.core.wording;

import java.time.LocalDate;
import java.util.List;

import uk.starred.api.calendar.SpokenTime;
import uk.starred.api.procedure.RoleWords;

/**
 * Every sentence a looked-after child's review timetable says: its history entries and the
 * notifications about it, in one place.
 */
public final class ReviewWords {

    private ReviewWords() {
    }

    public static String lookedAfter(LocalDate since, LocalDate firstDue) {
        return "Looked after since " + since + "; the initial review is due by " + firstDue + ".";
    }

    public static String held(int n, LocalDate on, LocalDate decisionRecordDue, LocalDate recordDue,
            LocalDate distributionDue, LocalDate nextDue) {
        return "Review " + n + " held on " + on + "; decision record due by " + decisionRecordDue + ", record by "
                + recordDue + ", distribution by " + distributionDue + "; review " + (n + 1) + " due by " + nextDue + ".";
    }

    public static String toConsiderSubject(int n) {
        return "review " + n + " decisions to consider";
    }

    /** @param chairRole the role that chairs reviews, as the council's timetable names it */
    public static String toConsider(int n, LocalDate windowEnds, String chairRole) {
        return "The decisions of review " + n + " are circulated. Tell the " + RoleWords.of(chairRole) + " by "
                + windowEnds
                + " if you cannot agree them; if you do not, they are agreed.";
    }

    public static String circulated(int n, LocalDate on, LocalDate windowEnds) {
        return "Decision record of review " + n + " circulated on " + on + "; managers may disagree until "
                + windowEnds + ".";
    }

    public static String disputedSubject(int n) {
        return "review " + n + " decisions disputed";
    }

    public static String disputedNotice(String by, int n, String reasons) {
        return by + " cannot agree the decisions of review " + n + ": " + reasons;
    }

    /** What the history adds when the disagreement opened a concern. */
    public static String concernOpened(String procedureTitle) {
        return "A concern was opened under '" + procedureTitle + "', in the name of the child's IRO.";
    }

    public static String disputed(int n, String by, String reasons) {
        return "The decisions of review " + n + " are disputed by " + by + ": " + reasons;
    }

    public static String completed(int n, LocalDate on) {
        return "Record of review " + n + " completed on " + on + ".";
    }

    public static String distributed(int n, LocalDate on) {
        return "Record of review " + n + " distributed on " + on + ".";
    }

    public static String ceased(LocalDate on) {
        return "Ceased to be looked after on " + on + "; no further review is due.";
    }

    public static String lateSubject(int n) {
        return "review " + n + " late";
    }

    public static String late(int n, LocalDate due) {
        return "Review " + n + " was due by " + due + " and is not recorded as held.";
    }

    public static String decisionRecordOverdueSubject(int n) {
        return "review " + n + " decision record overdue";
    }

    public static String decisionRecordOverdue(int n, LocalDate due) {
        return "The decision record of review " + n + " was due by " + due + ".";
    }

    public static String agreedBySilenceSubject(int n) {
        return "review " + n + " decisions agreed";
    }

    public static String agreedBySilenceNotice(int n, LocalDate windowEnds) {
        return "No manager disagreed with the decisions of review " + n + " by " + windowEnds
                + ": they are agreed by the local authority and are to be implemented.";
    }

    public static String agreedBySilence(int n, LocalDate windowEnds) {
        return "No manager disagreed with the decisions of review " + n + " by " + windowEnds + ": they are agreed.";
    }

    public static String recordOverdueSubject(int n) {
        return "review " + n + " record overdue";
    }

    public static String recordOverdue(int n, LocalDate due) {
        return "The record of review " + n + " was due by " + due + ".";
    }

    public static String notDistributedSubject(int n) {
        return "review " + n + " record not distributed";
    }

    public static String notDistributed(int n, LocalDate due) {
        return "The record of review " + n + " was due to be distributed by " + due + ".";
    }

    /** @param chairRole the role that chairs reviews, as the council's timetable names it */
    public static String lateAlert(int n, LocalDate due, String chairRole) {
        return "Review " + n + " was due by " + SpokenTime.day(due) + " and is not recorded as held; a review late"
                + " is a reason for the " + RoleWords.of(chairRole) + " to raise a concern.";
    }

    public static String recordsLate(int n, List<String> late) {
        return "Late for review " + n + ": " + String.join(", ", late) + ".";
    }

    /** @return a record named with its last day: "full record (due by Mon 23 Nov 2026)" */
    public static String dueBy(String what, LocalDate due) {
        return what + " (due by " + SpokenTime.day(due) + ")";
    }

    public static String moved(String what, LocalDate now, LocalDate was) {
        return what + " is now due by " + now + " (was " + was + ")";
    }

    public static final String DATES_MOVED = "review dates moved";

    public static String calendarChanged(String why, List<String> changes) {
        return "The working calendar changed (" + why + "): " + String.join("; ", changes) + ".";
    }

    // ---------------------------------------------------------------- the IRO, case summaries, the date set

    public static String iroAppointed(LocalDate on, LocalDate dueBy) {
        return "The child's IRO was appointed on " + on + (dueBy != null && on.isAfter(dueBy)
                ? ", after the " + dueBy + " it was due by." : ".");
    }

    public static final String IRO_NOT_APPOINTED = "IRO not yet appointed";

    public static String iroNotAppointed(LocalDate dueBy, String iroRole) {
        return "The child's " + RoleWords.of(iroRole) + " was to be appointed by " + dueBy
                + ", five working days from becoming looked after, and is not recorded as appointed.";
    }

    public static String caseSummaryCompleted(int n, LocalDate on, LocalDate next) {
        return "Case summary " + n + " completed on " + on + "; the next is due by " + next + ".";
    }

    public static String caseSummaryOverdueSubject(int n) {
        return "case summary " + n + " overdue";
    }

    public static String caseSummaryOverdue(int n, LocalDate dueBy) {
        return "Case summary " + n + " of the child's plan was due by " + dueBy + " and is not recorded as completed.";
    }

    public static String scheduledSubject(int n) {
        return "review " + n + " date set";
    }

    public static String scheduled(int n, LocalDate on, LocalDate was, String why) {
        return "Review " + n + " is set for " + on + (was == null ? "" : " (it was set for " + was + ")")
                + (why == null ? "." : ": " + why);
    }

    /** What the history says of the review before a child ceased to be looked after. */
    public static String ceasingReview(Integer review, String withoutReview) {
        return review != null ? "Review " + review + " considered it."
                : "No review considered it: " + withoutReview;
    }

    /** The alert for the IRO's appointment or a case summary past its date. */
    public static String planLate(List<String> late) {
        return "Late: " + String.join("; ", late) + ".";
    }
}
