package uk.starred.core.wording;

import java.time.LocalDate;

import uk.starred.api.concern.ConcernStatus;

/**
 * The words of what a procedure does by itself: a concern opened when a review's decisions are disputed,
 * and the episodes the host opens and closes on the child's record.
 */
public final class OpeningWords {

    private OpeningWords() {
    }

    // ---------------------------------------------------------------- opened by the procedure itself

    public static final String OPENED_BY_REVIEW = "concern opened: review decisions disputed";

    public static String reviewDisputedDescription(int review, LocalDate heldOn, String reasons) {
        return "Review " + review + " (held " + heldOn + "): the decisions are disputed in writing: " + reasons;
    }

    public static String reviewDisputedRemedy(int review) {
        return "The disagreement with the decisions of review " + review + " resolved, and the decisions implemented";
    }

    public static String openedAtStage(int review) {
        return "Opened here when a manager disputed the decisions of review " + review;
    }

    public static String openedByReviewNote(String manager, String iro, String procedureTitle, String reasonCode,
            String reasonLabel, String description, String remedyWanted, LocalDate remedyDueBy, String responsible) {
        return "Concern opened under '" + procedureTitle + "' in the name of " + iro + " when " + manager
                + " disputed a review's decisions. Reason: " + reasonCode + " (" + reasonLabel + "). " + description
                + " Remedy wanted: " + remedyWanted + ", by " + remedyDueBy + " (the IRO may set another date when"
                + " moving it on). Responsible: " + responsible + ".";
    }

    public static String openedByReviewNotice(String manager, String description, String remedyWanted,
            LocalDate remedyDueBy) {
        return manager + " disputed a review's decisions, which opens a concern under the child's procedure. "
                + description + " Remedy wanted: " + remedyWanted + ", by " + remedyDueBy + ".";
    }

    /** Why a disputed review opened no concern, for the review's history: names no one. */
    public static String notOpened(String procedureTitle, String why) {
        return "No concern was opened under '" + procedureTitle + "': " + why + ".";
    }

    // ---------------------------------------------------------------- episodes on the host's record

    public static String episodeOpened(String stage, String by) {
        return "Opened as the concern entered stage '" + stage + "' (" + by + ").";
    }

    public static String episodeClosed(ConcernStatus status, String by) {
        return "Closed as the concern ended: " + Labels.inSentence(Labels.status(status)) + " (" + by + ").";
    }
}
