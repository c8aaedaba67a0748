package uk.starred.core.review;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import uk.starred.api.NotPermittedException;
import uk.starred.core.concern.People;

/** The commands on a child's review timetable, each with who may give it. */
public enum ReviewCommand {

    LOOKED_AFTER_FROM("lookedAfterFrom", "Record becoming looked after", "record that a child became looked after"),
    REVIEW_HELD("recordReviewHeld", "Record review held", "record a review held"),
    DECISION_RECORD_CIRCULATED("recordDecisionRecordCirculated", "Record decision record circulated",
            "record a decision record circulated"),
    DISAGREE("disagreeWithReviewDecisions", "Disagree with review decisions", "disagree with a review's decisions"),
    RECORD_COMPLETED("recordReviewRecordCompleted", "Record review record completed",
            "record a review record completed"),
    RECORD_DISTRIBUTED("recordReviewRecordDistributed", "Record review record distributed",
            "record a review record distributed"),
    CEASED("recordCeasingToBeLookedAfter", "Record ceasing to be looked after",
            "record that a child ceased to be looked after"),
    IRO_APPOINTED("recordIroAppointed", "Record the IRO appointed", "record the child's IRO appointed"),
    CASE_SUMMARY_COMPLETED("recordCaseSummaryCompleted", "Record case summary completed",
            "record a case summary completed"),
    NEXT_REVIEW_SCHEDULED("scheduleNextReview", "Set the date of the next review", "set the date of the next review");

    /** The command's name in the timetable's history. */
    public final String name;
    /** The command in words, for a refusal ("Record review held refused: ..."). */
    public final String inWords;
    private final String right;

    ReviewCommand(String name, String inWords, String right) {
        this.name = name;
        this.inWords = inWords;
        this.right = right;
    }

    /** @return the roles that may give the command; those with oversight of the service may too */
    public List<String> roles(ReviewTimescales t) {
        return switch (this) {
            case LOOKED_AFTER_FROM, CEASED, CASE_SUMMARY_COMPLETED -> List.of(t.socialWorkerRole(), t.iroRole());
            case DISAGREE -> List.of(t.managerRole());
            default -> List.of(t.iroRole());
        };
    }

    /** @throws NotPermittedException unless the person holds one of the roles for the child, or oversight */
    public void permit(ReviewContext ctx, String childId) {
        People people = ctx.people();
        List<String> roles = roles(ctx.timescales());
        Set<String> held = new TreeSet<>(people.rolesOf(ctx.actor()));
        if (people.hasOversight(ctx.actor()) || roles.stream().anyMatch(held::contains)) {
            return;
        }
        throw new NotPermittedException("only the child's " + String.join(" or ", roles) + ", or those with"
                + " oversight of the service, may " + right + " (" + ctx.actor() + " holds "
                + (held.isEmpty() ? "no role" : String.join(", ", held)) + " for child " + childId + ")");
    }
}
