package uk.starred.ui.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import uk.starred.api.Violation;
import uk.starred.api.review.ReviewService;
import uk.starred.api.review.ReviewTimetable;

/**
 * The looked-after review timetable's commands as forms and the REST API send them: fields by name, read
 * and checked here, given to the {@link ReviewService}, which checks them again with the rules.
 */
public final class ReviewCommands {

    /** The commands, each with its path (the REST API's and the form's {@code op}) and its fields. */
    public enum Op {
        LOOKED_AFTER_FROM("looked-after-from", "Recorded: the child became looked after", List.of("since")),
        REVIEW_HELD("review-held", "Review recorded as held", List.of("version", "heldOn", "attendees")),
        DECISION_RECORD_CIRCULATED("decision-record-circulated", "Decision record recorded as circulated",
                List.of("version", "review", "on")),
        DISAGREE("disagree", "Your disagreement is recorded and the IRO is told", List.of("version", "review",
                "reasons")),
        RECORD_COMPLETED("record-completed", "Review record recorded as completed", List.of("version", "review", "on")),
        RECORD_DISTRIBUTED("record-distributed", "Review record recorded as distributed", List.of("version", "review",
                "on")),
        CEASED("ceased", "Recorded: the child ceased to be looked after", List.of("version", "on", "review",
                "withoutReview")),
        IRO_APPOINTED("iro-appointed", "Recorded: the child's IRO is appointed", List.of("version", "on")),
        CASE_SUMMARY_COMPLETED("case-summary-completed", "Case summary recorded as completed", List.of("version",
                "on")),
        NEXT_REVIEW_SCHEDULED("next-review-scheduled", "The date of the next review is set and the social worker told",
                List.of("version", "on", "reason"));

        public final String path;
        public final String done;
        public final List<String> fields;

        Op(String path, String done, List<String> fields) {
            this.path = path;
            this.done = done;
            this.fields = fields;
        }

        /** @return the command with the path, or {@code null} */
        public static Op byPath(String path) {
            for (Op op : values()) {
                if (op.path.equals(path)) {
                    return op;
                }
            }
            return null;
        }
    }

    private final ReviewService reviews;

    public ReviewCommands(ReviewService reviews) {
        this.reviews = reviews;
    }

    /** Runs the command on the child's timetable; wrong fields are refused together, naming each. */
    public ReviewTimetable run(Op op, String childId, Fields f) {
        List<Violation> wrong = new ArrayList<>();
        String command = "Record on the review timetable";
        if (op == Op.LOOKED_AFTER_FROM) {
            ConcernCommands.required(f, "since", wrong);
            LocalDate since = ConcernCommands.date(f, "since", wrong);
            ConcernCommands.stop(command, wrong);
            return reviews.lookedAfterFrom(childId, since);
        }
        long version = ConcernCommands.number(f, "version", wrong);
        // ceasing names the review that considered it only where the person chose one
        int review = op.fields.contains("review") && (op != Op.CEASED || f.get("review") != null)
                ? (int) ConcernCommands.number(f, "review", wrong) : 0;
        String dateField = op == Op.REVIEW_HELD ? "heldOn" : "on";
        LocalDate on = null;
        if (op.fields.contains(dateField)) {
            ConcernCommands.required(f, dateField, wrong);
            on = ConcernCommands.date(f, dateField, wrong);
        }
        ConcernCommands.stop(command, wrong);
        return switch (op) {
            case REVIEW_HELD -> reviews.reviewHeld(childId, version, on, f.all("attendees"));
            case DECISION_RECORD_CIRCULATED -> reviews.decisionRecordCirculated(childId, version, review, on);
            case DISAGREE -> reviews.disagree(childId, version, review, f.get("reasons"));
            case RECORD_COMPLETED -> reviews.recordCompleted(childId, version, review, on);
            case RECORD_DISTRIBUTED -> reviews.recordDistributed(childId, version, review, on);
            case CEASED -> reviews.ceasedLookedAfter(childId, version, on, review == 0 ? null : review,
                    f.get("withoutReview"));
            case IRO_APPOINTED -> reviews.iroAppointed(childId, version, on);
            case CASE_SUMMARY_COMPLETED -> reviews.caseSummaryCompleted(childId, version, on);
            case NEXT_REVIEW_SCHEDULED -> reviews.nextReviewScheduled(childId, version, on, f.get("reason"));
            case LOOKED_AFTER_FROM -> throw new IllegalStateException("handled above");
        };
    }
}
