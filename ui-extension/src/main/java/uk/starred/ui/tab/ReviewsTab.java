package uk.starred.ui.tab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.propertytypes.ServiceRanking;

import uk.starred.api.CommandRefusedException;
import uk.starred.api.InvalidCommandException;
import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ProcedureLibrary;
import uk.starred.api.review.DecisionsStatus;
import uk.starred.api.review.HistoryEntry;
import uk.starred.api.review.Review;
import uk.starred.api.review.ReviewService;
import uk.starred.api.review.ReviewTimetable;
import uk.starred.api.ui.CaseScreens;
import uk.starred.api.ui.CaseTab;
import uk.starred.api.ui.CaseTabEntry;
import uk.starred.api.ui.CaseView;
import uk.starred.api.ui.TabOutcome;
import uk.starred.ui.command.Fields;
import uk.starred.ui.command.Refusals;
import uk.starred.ui.command.ReviewCommands;
import uk.starred.ui.command.ReviewCommands.Op;

/**
 * The "Looked after reviews" tab on a looked-after child's case screen: the review timetable (each review,
 * its decision record, the managers' window to disagree, its full record and distribution, each with its
 * date), what happened to it, and the forms for what the viewer's role lets them record. A manager's
 * disagreement recorded here opens a concern where the child's procedure says so.
 */
@Component(service = CaseTab.class, configurationPid = "uk.starred.reviews")
@CaseTabEntry(screen = CaseScreens.CHILD, key = ReviewsTab.KEY, label = "Looked after reviews")
@ServiceRanking(90)
public class ReviewsTab implements CaseTab {

    public static final String KEY = "looked-after-reviews";

    /** The roles of the council's review timetable (PID {@code uk.starred.reviews}), as the engine reads them. */
    public @interface Roles {
        String iroRole() default "IRO";

        String socialWorkerRole() default "SOCIAL_WORKER";

        String managerRole() default "SERVICE_DELIVERY_MANAGER";
    }

    private final ReviewService reviews;
    private final ChildRecords children;
    private final StaffDirectory staff;
    private final ProcedureLibrary procedures;
    private final ReviewCommands commands;
    private final Words words;
    private final Roles roles;

    @Activate
    public ReviewsTab(@Reference ReviewService reviews, @Reference ChildRecords children, @Reference StaffDirectory staff,
            @Reference ProcedureLibrary procedures, @Reference WorkingCalendar calendar, Roles roles) {
        this.reviews = reviews;
        this.children = children;
        this.staff = staff;
        this.procedures = procedures;
        this.commands = new ReviewCommands(reviews);
        this.words = new Words(calendar.zone(), staff);
        this.roles = roles;
    }

    @Override
    public boolean isVisible(CaseView view) {
        if (view.childId() == null) {
            return false;
        }
        Optional<ChildRecord> child = children.child(view.childId());
        return child.isPresent() && child.get().cohorts().contains(Cohort.LOOKED_AFTER)
                && (staff.hasOversight(view.viewerId()) || !staff.rolesFor(view.viewerId(), view.childId()).isEmpty());
    }

    @Override
    public List<String> stylesheets() {
        return List.of(DisputeResolutionTab.STYLESHEET);
    }

    @Override
    public TabOutcome act(CaseView view) {
        Fields fields = new Fields(view.parameters());
        Op op = Op.byPath(fields.get("op") == null ? "" : fields.get("op"));
        if (op == null) {
            return TabOutcome.refused(400, "There is no command called '" + fields.get("op") + "' on this tab.");
        }
        try {
            ReviewTimetable t = commands.run(op, view.childId(), fields);
            // the review disagreed with opened a concern, where the child's procedure says so
            String opened = op == Op.DISAGREE && t.reviews().stream().anyMatch(r -> String.valueOf(r.number())
                    .equals(fields.get("review")) && r.concernOpened() != null)
                            ? " A concern was opened under the child's procedure." : "";
            return TabOutcome.done(op.done + "." + opened, Map.of(TAB_PARAMETER, KEY));
        } catch (InvalidCommandException wrong) {
            return TabOutcome.refused(400, DisputeResolutionTab.describe(wrong));
        } catch (CommandRefusedException refused) {
            return TabOutcome.refused(Refusals.status(refused), refused.getMessage());
        }
    }

    @Override
    public void render(CaseView view, Appendable appendable) throws IOException {
        Out out = new Out(appendable);
        Optional<ChildRecord> child = children.child(view.childId());
        if (child.isEmpty()) {
            out.raw("<p class=\"starred-body\">This child is not known.</p>");
            return;
        }
        Set<String> held = staff.rolesFor(view.viewerId(), view.childId());
        boolean oversight = staff.hasOversight(view.viewerId());
        boolean chair = oversight || held.contains(roles.iroRole());
        boolean socialWorker = chair || held.contains(roles.socialWorkerRole());
        boolean manager = oversight || held.contains(roles.managerRole());
        Optional<ReviewTimetable> found = reviews.timetable(view.childId());
        out.raw("<div class=\"starred\"><h2 class=\"starred-heading-l\">Looked after reviews</h2>");
        if (found.isEmpty()) {
            out.raw("<p class=\"starred-body\">No review timetable is kept for ").t(child.get().displayName())
                    .raw(" yet.</p>");
            if (socialWorker) {
                out.form(view, KEY, Op.LOOKED_AFTER_FROM.path, "");
                out.date("since", "Looked after since", "The initial review falls due 20 working days after", "")
                        .button("Record becoming looked after", false).raw("</form>");
            }
            out.raw("</div>");
            return;
        }
        ReviewTimetable t = found.get();
        out.raw("<p class=\"starred-body\">Looked after since ").t(words.day(t.lookedAfterSince()))
                .t(t.ceasedOn() == null ? "." : "; ceased to be looked after on " + words.day(t.ceasedOn()) + " ("
                        + (t.ceasingReview() != null ? "review " + t.ceasingReview() + " considered it"
                                : t.ceasedWithoutReview() != null ? "no review considered it: " + t.ceasedWithoutReview()
                                        : "before Starred asked which review considered it") + ").")
                .raw("</p>");
        plan(view, t, chair, socialWorker, out);
        for (Review r : t.reviews()) {
            review(view, t, r, chair, manager, out);
        }
        if (t.ceasedOn() == null) {
            Optional<Review> next = t.nextReview();
            if (chair && next.isPresent()) {
                heldForm(view, t, next.get(), child.get(), out);
                out.raw("<details class=\"starred-details\"><summary class=\"starred-summary\">Set the date of the"
                        + " next review</summary><div class=\"starred-details-body\">");
                out.form(view, KEY, Op.NEXT_REVIEW_SCHEDULED.path, "").hidden("version", t.version());
                out.date("on", "Set for", "On or before " + words.day(next.get().dueBy()) + ", its statutory date; the"
                        + " social worker is told", "")
                        .area("reason", "Why", "An early review (the child asks, a significant change to the plan"
                                + " ...) or the exceptional circumstances of a rearrangement", null, false)
                        .button("Set the date", true).raw("</form></div></details>");
            }
            if (socialWorker) {
                List<String> heldReviews = new ArrayList<>(List.of("", "Choose the review"));
                t.reviews().stream().filter(Review::isHeld).forEach(r -> {
                    heldReviews.add(String.valueOf(r.number()));
                    heldReviews.add("Review " + r.number() + ", held " + words.day(r.heldOn()));
                });
                out.raw("<details class=\"starred-details\"><summary class=\"starred-summary\">Record ceasing to be"
                        + " looked after</summary><div class=\"starred-details-body\">");
                out.form(view, KEY, Op.CEASED.path, "").hidden("version", t.version());
                out.date("on", "Ceased to be looked after on", "No further review falls due", "")
                        .select("review", "The review that considered it", "A Looked After Review must take place"
                                + " before a decision is taken to cease looking after the child; left unchosen, the"
                                + " last one held", "", heldReviews.toArray(new String[0]))
                        .area("withoutReview", "Or why no review considered it", "For example: the IRO agreed to"
                                + " cancel it; reunified in line with the Care Plan", null, false)
                        .button("Record ceasing to be looked after", true).raw("</form></div></details>");
            }
        }
        history(view.childId(), out);
        out.raw("</div>");
    }

    /** The IRO's appointment and the case summaries of the plan, with the forms to record them. */
    private void plan(CaseView view, ReviewTimetable t, boolean chair, boolean socialWorker, Out out)
            throws IOException {
        if (t.iroAppointmentDueBy() == null && t.caseSummaries().isEmpty()) {
            return; // a timetable kept before Starred tracked these
        }
        out.raw("<section class=\"starred-panel\"><h3 class=\"starred-heading-m\">The IRO and the plan</h3>")
                .raw("<dl class=\"starred-summary-list\">");
        if (t.iroAppointmentDueBy() != null) {
            row(out, "IRO appointed", t.iroAppointedOn() != null ? "on " + words.day(t.iroAppointedOn())
                    : "not yet: due by " + words.day(t.iroAppointmentDueBy()));
        }
        for (var c : t.caseSummaries()) {
            row(out, "Case summary " + c.number(), c.isCompleted() ? "completed on " + words.day(c.completedOn())
                    : "due by " + words.day(c.dueBy()));
        }
        out.raw("</dl>");
        if (t.ceasedOn() == null && chair && t.iroAppointmentDueBy() != null && t.iroAppointedOn() == null) {
            out.form(view, KEY, Op.IRO_APPOINTED.path, "").hidden("version", t.version());
            out.date("on", "IRO appointed on", null, "").button("Record the IRO appointed", true).raw("</form>");
        }
        if (socialWorker && t.nextCaseSummary().isPresent()) {
            out.form(view, KEY, Op.CASE_SUMMARY_COMPLETED.path, "").hidden("version", t.version());
            out.date("on", "Case summary " + t.nextCaseSummary().get().number() + " completed on",
                    "The next falls due six months on from the start of the plan", "")
                    .button("Record case summary completed", true).raw("</form>");
        }
        out.raw("</section>");
    }

    private void review(CaseView view, ReviewTimetable t, Review r, boolean chair, boolean manager, Out out)
            throws IOException {
        out.raw("<section class=\"starred-panel\">").raw("<h3 class=\"starred-heading-m\">")
                .t(r.number() == 1 ? "Initial review" : "Review " + r.number()).raw("</h3><dl class=\"starred-summary-list\">");
        row(out, "Due by", words.day(r.dueBy()));
        if (!r.isHeld()) {
            row(out, "Held", "not yet");
            if (r.scheduledFor() != null) {
                row(out, "Set for", words.day(r.scheduledFor()) + (r.scheduleReason() == null ? ""
                        : ": " + r.scheduleReason()));
            }
            out.raw("</dl></section>");
            return;
        }
        row(out, "Held on", words.day(r.heldOn()));
        if (!r.attendees().isEmpty()) {
            row(out, "Professionals who attended", String.join(", ", r.attendees().stream().map(words::person).toList()));
        }
        row(out, "Decision record", r.decisionRecordCirculatedOn() == null ? "due by " + words.day(r.decisionRecordDueBy())
                : "circulated on " + words.day(r.decisionRecordCirculatedOn()));
        if (r.decisionRecordCirculatedOn() != null) {
            row(out, "Decisions", switch (r.decisions()) {
                case AWAITED -> "managers may disagree until " + words.day(r.disagreementWindowEnds());
                case AGREED_BY_SILENCE -> "agreed: no manager disagreed by " + words.day(r.disagreementWindowEnds());
                case DISPUTED -> "disputed by " + words.person(r.disputedBy()) + ": " + r.disputeReasons()
                        + (r.concernOpened() == null ? "" : " (a concern was opened under the child's procedure)");
            });
        }
        row(out, "Full record", r.recordCompletedOn() == null ? "due by " + words.day(r.recordDueBy())
                : "completed on " + words.day(r.recordCompletedOn()));
        row(out, "Distributed", r.distributedOn() == null ? "due by " + words.day(r.distributionDueBy())
                : "on " + words.day(r.distributedOn()));
        out.raw("</dl>");
        if (chair && r.decisionRecordCirculatedOn() == null) {
            dated(view, t, r, Op.DECISION_RECORD_CIRCULATED, "Circulated on", "The managers' 5 working days to"
                    + " disagree start", "Record decision record circulated", out);
        }
        if (manager && r.decisionRecordCirculatedOn() != null && r.decisions() == DecisionsStatus.AWAITED) {
            out.form(view, KEY, Op.DISAGREE.path, "").hidden("version", t.version()).hidden("review", r.number());
            out.area("reasons", "Decisions you cannot agree, and why", "The IRO and those who attended are told",
                    null, true).button("Disagree with the decisions", false).raw("</form>");
        }
        if (chair && r.recordCompletedOn() == null) {
            dated(view, t, r, Op.RECORD_COMPLETED, "Completed on", null, "Record full record completed", out);
        } else if (chair && r.distributedOn() == null) {
            dated(view, t, r, Op.RECORD_DISTRIBUTED, "Distributed on", "To all who attended", "Record distributed",
                    out);
        }
        out.raw("</section>");
    }

    private static void dated(CaseView view, ReviewTimetable t, Review r, Op op, String label, String hint,
            String button, Out out) throws IOException {
        out.form(view, KEY, op.path, "").hidden("version", t.version()).hidden("review", r.number());
        out.date("on", label, hint, "").button(button, true).raw("</form>");
    }

    private void heldForm(CaseView view, ReviewTimetable t, Review next, ChildRecord child, Out out) throws IOException {
        Set<String> named = new LinkedHashSet<>(List.of(roles.socialWorkerRole(), roles.managerRole()));
        procedures.installedFor(child.cohorts()).forEach(p -> named.addAll(p.roles()));
        named.remove(roles.iroRole());
        List<String> people = new ArrayList<>();
        named.stream().flatMap(role -> staff.holders(role, child.id()).stream()).distinct().forEach(m -> {
            people.add(m.id());
            people.add(m.name());
        });
        out.raw("<section class=\"starred-panel\"><h3 class=\"starred-heading-m\">Record ")
                .t(next.number() == 1 ? "the initial review" : "review " + next.number()).raw(" held</h3>");
        out.form(view, KEY, Op.REVIEW_HELD.path, "").hidden("version", t.version());
        out.date("heldOn", "Held on", "Its decision record falls due 5 working days after", "");
        if (!people.isEmpty()) {
            out.choices("checkbox", "attendees", "Professionals who attended (told if a manager disagrees with the"
                    + " decisions)", "", people.toArray(new String[0]));
        }
        out.button("Record review held", false).raw("</form></section>");
    }

    private void history(String childId, Out out) throws IOException {
        List<HistoryEntry> history = reviews.history(childId);
        if (history.isEmpty()) {
            return;
        }
        out.raw("<details class=\"starred-details\"><summary class=\"starred-summary\">What happened (")
                .t(history.size()).raw(")</summary><div class=\"starred-details-body\"><ol class=\"starred-list\">");
        for (HistoryEntry h : history) {
            out.raw("<li><span class=\"starred-meta\">").t(words.moment(h.at())).raw(", ").t(words.person(h.actor()))
                    .raw(":</span> ").t(h.detail()).raw("</li>");
        }
        out.raw("</ol></div></details>");
    }

    private static void row(Out out, String key, String value) throws IOException {
        out.raw("<div class=\"starred-summary-row\"><dt>").t(key).raw("</dt><dd>").t(value).raw("</dd></div>");
    }
}
