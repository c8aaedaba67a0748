package uk.starred.core.wording;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import uk.starred.api.calendar.SpokenTime;
import uk.starred.api.concern.CafcassDecision;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.procedure.RoleWords;

/**
 * Every sentence a concern's case notes and notifications say, in one place: the rules decide what
 * is said and to whom, this class how. Moments are said in the working calendar's zone.
 */
public final class ConcernWords {

    private final ZoneId zone;

    public ConcernWords(ZoneId zone) {
        this.zone = zone;
    }

    /** @return a due moment as people read it: midnight is the end of the day before */
    public String when(Instant at) {
        return SpokenTime.due(at, zone);
    }

    /** @return a notification's subject about the child */
    public static String subject(String childId, String what) {
        return "Starred: child " + childId + ": " + what;
    }

    // ---------------------------------------------------------------- raising

    public String raisedNote(String actor, ConcernOrigin origin, String procedureTitle, List<String> reasonCodes,
            String firstReasonLabel, String description, String remedyWanted, LocalDate remedyDueBy,
            String responsible) {
        return "Concern raised by " + actor + " (" + Labels.inSentence(Labels.origin(origin)) + ") under '"
                + procedureTitle + "'. Reasons: " + String.join(", ", reasonCodes) + " (" + firstReasonLabel + "). "
                + description + " Remedy wanted: " + remedyWanted + ", by " + remedyDueBy + ". Responsible: "
                + responsible + ".";
    }

    public static final String RAISED = "concern raised";

    public String raisedNotice(String description, String remedyWanted, LocalDate remedyDueBy) {
        return "The IRO has raised a concern: " + description + " Remedy wanted: " + remedyWanted + ", by "
                + remedyDueBy + ".";
    }

    public static final String ENTERED_AT_RAISING = "Entered directly at raising";

    // ---------------------------------------------------------------- stages

    public String stageStartedNote(String stage, Instant due, String note) {
        return "Stage '" + stage + "' started" + (due == null ? "" : ", due by " + when(due))
                + (note == null ? "." : ". " + note);
    }

    public static String stageSubject(String stage) {
        return "stage '" + stage + "'";
    }

    /**
     * @param responders the roles any one of whom may respond; empty when none is asked
     * @param iroDate    the IRO's timescale for the remedy, restated at each stage, or {@code null}
     */
    public String stageStartedNotice(String stage, Instant due, List<String> responders, LocalDate iroDate) {
        return "The concern is now at stage '" + stage + "'" + (due == null ? "." : "; due by " + when(due) + ".")
                + (responders.isEmpty() ? "" : " A response is asked of the " + anyOf(responders) + ".")
                + (iroDate == null ? "" : " The IRO's timescale for the remedy: by " + SpokenTime.day(iroDate) + ".");
    }

    /** What those copied in are told when a stage starts: the same news, marked as for their information. */
    public String stageCopyNotice(String stage, Instant due, List<String> responders, LocalDate iroDate) {
        return "For your information (you are copied in): " + stageStartedNotice(stage, due, responders, iroDate)
                + " No action is asked of you.";
    }

    /** The note of the IRO setting a new timescale for the remedy as the concern moves on. */
    public static String iroTimescaleChanged(String actor, LocalDate now, LocalDate was) {
        return actor + " set the IRO's timescale for the remedy to " + SpokenTime.day(now) + " (it was "
                + SpokenTime.day(was) + ").";
    }

    // ---------------------------------------------------------------- satisfaction

    public static final String SATISFACTION = "satisfaction recorded";

    /** @return "the IRO and the Head of Quality Assurance are", or "the IRO or the Head of QA is" */
    public static String satisfiedRule(boolean allOf, List<String> roles) {
        return "the " + String.join(allOf ? " and the " : " or the ", roles.stream().map(RoleWords::of).toList())
                + (allOf && roles.size() > 1 ? " are" : " is");
    }

    public static String satisfactionNote(String actor, String role, boolean satisfied, String reasons, String stage) {
        return actor + " (" + RoleWords.of(role) + ") is " + (satisfied ? "satisfied" : "not satisfied")
                + " the concern is resolved, in stage '" + stage + "'" + (reasons == null || reasons.isBlank() ? "."
                        : ": " + reasons);
    }

    public static String satisfactionNotice(String actor, String role, boolean satisfied, String reasons,
            boolean allOf, List<String> waiting) {
        return actor + " (" + RoleWords.of(role) + ") is " + (satisfied ? "satisfied" : "not satisfied")
                + (reasons == null || reasons.isBlank() ? "." : ": " + reasons + ".")
                + " The concern is resolved when " + satisfiedRule(allOf, waiting) + " satisfied.";
    }

    /** @return how a concern ends when the last answer needed says so */
    public static String allSatisfied(boolean allOf, List<String> roles) {
        return "Resolved: " + satisfiedRule(allOf, roles) + " satisfied.";
    }

    /** @return the roles in words, as alternatives: "Assistant Team Manager or Team Manager" */
    public static String anyOf(List<String> roles) {
        return String.join(" or ", roles.stream().map(RoleWords::of).toList());
    }

    /** @return the roles in words, listed: "IRO, Head of Quality Assurance" */
    public static String listed(List<String> roles) {
        return String.join(", ", roles.stream().map(RoleWords::of).toList());
    }

    public static String escalatedTo(String stage) {
        return "Escalated to '" + stage + "'";
    }

    public static String bypassedOnTo(String stage) {
        return "Bypassed on to '" + stage + "'";
    }

    public static String bypassedNote(String stage, String actor, String reason) {
        return "Stage '" + stage + "' bypassed by " + actor + ": " + reason;
    }

    /** The note kept on the stage entered by a bypass. */
    public static String bypassed(String reason) {
        return "Bypassed: " + reason;
    }

    /** How long {@link #bypassed(String)} makes a reason. */
    public static final int BYPASSED_PREFIX = "Bypassed: ".length();

    // ---------------------------------------------------------------- responses

    public static String said(uk.starred.api.concern.ResponseKind kind, String reasons) {
        return switch (kind) {
            case AGREE -> "agrees";
            case DISAGREE -> "disagrees: " + reasons;
            case NO_REMIT -> "has no remit to decide" + (reasons == null ? "" : ": " + reasons);
            case DEEMED_AGREEMENT -> "is deemed to agree";
        };
    }

    public static String responseNote(String actor, String role, String said, String stage) {
        return actor + " (" + RoleWords.of(role) + ") " + said + " in stage '" + stage + "'.";
    }

    public static final String RESPONSE_RECORDED = "response recorded";

    public static String responseNotice(String actor, String said) {
        return actor + " " + said + ".";
    }

    public static String noRemitMovedTo(String stage) {
        return "No remit: moved to '" + stage + "'";
    }

    public static final String NO_REMIT_ENTRY = "The responding manager has no remit";

    /** @return "(It happened at 14:00 on Monday 2 November 2026; recorded late: reason)" */
    public String recordedLate(Instant happened, String reason) {
        return "(It happened " + when(happened) + "; recorded late: " + reason + ")";
    }

    public String clockStartedNote(String stage, String action, Instant due) {
        return "Stage '" + stage + "' counts from '" + action + "': due by " + when(due) + ".";
    }

    public static String actionNote(String stage, String action, String actor, String note) {
        return "Stage '" + stage + "': " + action + " - recorded by " + actor + (note == null ? "." : ". " + note);
    }

    public static String agreedActionDoneNote(int number, String actor, String note) {
        return "Agreed action " + number + " done, recorded by " + actor + (note == null ? "." : ": " + note);
    }

    public static final String AGREED_ACTION_DONE = "agreed action done";

    public static String agreedActionDoneNotice(int number, String actor) {
        return "Agreed action " + number + " has been recorded as done by " + actor + ".";
    }

    public static String communicationNote(String channel, String withWhom, String actor, String summary) {
        return "Communication (" + channel + ") with " + withWhom + ", recorded by " + actor + ": " + summary;
    }

    // ---------------------------------------------------------------- CAFCASS

    public static String consideringNote(String actor, String reason, List<String> toldRoles) {
        return actor + " is considering a referral to CAFCASS: " + reason + (toldRoles.isEmpty() ? ""
                : " Told: " + String.join(", ", toldRoles) + ".");
    }

    public static final String CONSIDERING = "CAFCASS referral being considered";

    public static String consideringNotice(String reason) {
        return "The IRO is considering referring the case to CAFCASS: " + reason;
    }

    public String referredNote(String actor, ReferralMode mode, String reason, Instant decisionDue) {
        return "Referred to CAFCASS by " + actor + " (" + Labels.inSentence(Labels.referralMode(mode)) + "): "
                + reason + (decisionDue == null ? "" : " CAFCASS's decision is due by " + when(decisionDue) + ".");
    }

    public static final String REFERRED = "referred to CAFCASS";

    public static String referredNotice(ReferralMode mode, String reason) {
        return "The IRO has referred the case to CAFCASS (" + Labels.inSentence(Labels.referralMode(mode)) + "): "
                + reason;
    }

    public static String referredOutcome(ReferralMode mode) {
        return "Referred to CAFCASS (" + Labels.inSentence(Labels.referralMode(mode)) + ")";
    }

    public static String decisionNote(CafcassDecision decision, String notes) {
        return "CAFCASS decided: " + (decision == CafcassDecision.PROCEEDINGS ? "to take proceedings"
                : "not to take proceedings") + (notes == null ? "." : ". " + notes);
    }

    // ---------------------------------------------------------------- endings

    public static String endingOutcome(String verb, String why) {
        return verb + ": " + why;
    }

    public static String endedSubject(String ending) {
        return "ended: " + ending;
    }

    public static String endingNote(String verb, String actor, String stage, String why) {
        return verb + " by " + actor + (stage == null ? "" : " at stage '" + stage + "'") + ": " + why;
    }

    // ---------------------------------------------------------------- due moments

    public static String dueSoonSubject(String stage) {
        return "stage '" + stage + "' due soon";
    }

    public String dueSoonNotice(String stage, Instant due) {
        return "Stage '" + stage + "' is due by " + when(due) + ".";
    }

    public static String overdueSubject(String stage) {
        return "stage '" + stage + "' overdue";
    }

    public String overdueNotice(String stage, Instant due) {
        return "Stage '" + stage + "' was due by " + when(due) + ".";
    }

    public String deemedNote(List<String> responders, String stage, Instant due) {
        return "No response from the " + anyOf(responders) + " in stage '" + stage + "' by " + when(due)
                + ": agreement is deemed.";
    }

    public static final String DEEMED = "agreement deemed";

    public String deemedNotice(List<String> responders, Instant due) {
        return "The " + anyOf(responders) + " did not respond by " + when(due) + "; agreement is deemed.";
    }

    public static String movedOnOutcome(String next) {
        return "Deadline passed: moved to '" + next + "'";
    }

    public static String movedOnEntry(String stage) {
        return "Moved on when stage '" + stage + "' passed its deadline";
    }

    public static final String DECISION_NEEDED = "decision needed";

    public static String decisionNeededNotice(String stage) {
        return "Stage '" + stage + "' has passed its deadline. Decide what happens next: escalate, bypass, refer to"
                + " CAFCASS or resolve.";
    }

    public static final String REFERRAL_REQUIRED = "referral to CAFCASS required";

    public static String referralRequiredNotice(String stage) {
        return "Stage '" + stage + "' has passed its deadline without resolving the concern. The procedure says"
                + " the IRO must now refer the case to CAFCASS; the IRO may still resolve it if it has been resolved.";
    }

    public static String referralForbiddenNotice(String stage, String law) {
        return "Stage '" + stage + "' has passed its deadline without resolving the concern. The procedure would"
                + " now have the case referred to CAFCASS, but the law (" + law + ") allows a referral only for a"
                + " looked-after child, and this child is not looked after. Decide what happens next: resolve,"
                + " withdraw or record what is being done instead.";
    }

    public static String agreedActionOverdueSubject(int number) {
        return "agreed action " + number + " overdue";
    }

    public static String agreedActionOverdue(int number, LocalDate dueBy) {
        return "Agreed action " + number + " was due by " + SpokenTime.day(dueBy) + " and is not recorded as done.";
    }

    public static final String BEYOND_LIMIT = "formal process beyond its limit";

    public static String beyondLimitNotice(String procedureTitle, Object limit) {
        return "The formal stages of '" + procedureTitle + "' have run beyond their total limit (" + limit + ").";
    }

    public static final String CAFCASS_OVERDUE = "CAFCASS decision overdue";

    public static final String CAFCASS_OVERDUE_NOTICE = "CAFCASS's decision on the referral is due and not recorded.";

    public static final String DUE_MOVED = "due moment moved";

    // ---------------------------------------------------------------- alerts

    public static String beyondLimitAlert(Object limit) {
        return "The formal stages have run beyond their total limit of " + limit + ".";
    }

    public static final String REFERRED_TITLE = "Referred to CAFCASS";

    public String cafcassDecisionLate(Instant due) {
        return "CAFCASS's decision was due by " + when(due) + " and is not recorded.";
    }

    public String cafcassDecisionAwaited(Instant due) {
        return "CAFCASS's decision is awaited" + (due == null ? "." : ", due by " + when(due) + ".");
    }

    public static final String AGREED_MONITORED = "Agreed: the agreed actions are monitored to their due dates;"
            + " the IRO decides when it is resolved.";

    /** @param responders the roles whose response is awaited, or empty when the IRO decides next */
    public String asked(List<String> responders, Instant due) {
        return (!responders.isEmpty() ? "A response is asked of the " + anyOf(responders)
                : "The IRO decides what happens next") + (due == null ? "." : ", by " + when(due) + ".");
    }

    public String stageDueMoved(String stage, Instant due, Instant was) {
        return "stage '" + stage + "' is now due by " + when(due) + " (was " + when(was) + ")";
    }

    public String limitMoved(Instant limit, Instant was) {
        return "the formal stages' total limit is now " + when(limit) + " (was " + when(was) + ")";
    }

    public static String calendarChangedNotice(String why, List<String> changes) {
        return "The working calendar changed (" + why + "): " + String.join("; ", changes) + ".";
    }
}
