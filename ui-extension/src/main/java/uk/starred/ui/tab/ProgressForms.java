package uk.starred.ui.tab;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import uk.starred.api.concern.Concern;
import uk.starred.api.concern.MoreTimeRequest;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Stage;
import uk.starred.api.ui.CaseView;
import uk.starred.core.concern.FamilyUpdates;
import uk.starred.core.concern.MoreTimeRules;
import uk.starred.ui.command.ConcernCommands.Op;

/**
 * The parts of the tab about how a stage's time and the family's knowledge keep up: requests for more
 * time and their decisions, and the updates to the child and family, as recorded and as forms for those
 * the procedure lets act.
 */
final class ProgressForms {

    private final Words words;

    ProgressForms(Words words) {
        this.words = words;
    }

    /** The requests for more time made in the concern, with their decisions. */
    void moreTime(Concern concern, Out out) throws IOException {
        if (concern.moreTime().isEmpty()) {
            return;
        }
        out.raw("<h5 class=\"starred-heading-xs\">Requests for more time</h5><ul class=\"starred-list\">");
        for (MoreTimeRequest r : concern.moreTime()) {
            String stage = concern.stages().get(r.stageOrdinal() - 1).name();
            out.raw("<li><span class=\"starred-meta\">").t(words.moment(r.requestedAt())).raw(", ")
                    .t(words.person(r.requestedBy())).raw(", at '").t(stage).raw("', until ").t(words.day(r.until()))
                    .raw(":</span> ").t(r.explanation()).raw(" ");
            if (r.pending()) {
                out.tag("Waiting for a decision", "amber");
            } else {
                out.tag(r.granted() ? "Granted" : "Refused", r.granted() ? "green" : "red").raw(" ")
                        .t("by " + words.person(r.decidedBy()) + ", " + words.moment(r.decidedAt())
                                + (r.reasons() == null ? "" : ": " + r.reasons()));
            }
            out.raw("</li>");
        }
        out.raw("</ul>");
    }

    /** @return how many forms it offered: asking for more time, or deciding a request */
    int moreTimeForms(CaseView view, Concern concern, Procedure procedure, Set<String> roles, String tabKey, Out out)
            throws IOException {
        Optional<StageRecord> current = concern.currentStage();
        Optional<Stage> stage = current.flatMap(s -> procedure.stage(s.stageId()));
        if (stage.isEmpty() || stage.get().moreTime() == null || current.get().dueAt() == null) {
            return 0;
        }
        String id = concern.id().toString();
        Optional<MoreTimeRequest> waiting = concern.pendingMoreTime();
        if (waiting.isEmpty() && MoreTimeRules.requesters(stage.get()).stream().anyMatch(roles::contains)) {
            DisputeResolutionTab.open(out, "Ask for more time", view, Op.REQUEST_MORE_TIME, id);
            out.form(view, tabKey, Op.REQUEST_MORE_TIME.path, "").hidden("concern", id)
                    .hidden("version", concern.version());
            out.area("explanation", "Why more time is needed", "Those who decide read your explanation", null, true)
                    .date("until", "Until", "The stage is due by " + words.due(current.get().dueAt())
                            + "; the day you ask for must be later", null, true)
                    .button("Ask for more time", false).raw("</form>");
            DisputeResolutionTab.close(out);
            return 1;
        }
        if (waiting.isPresent() && MoreTimeRules.deciders(procedure, stage.get()).stream().anyMatch(roles::contains)) {
            MoreTimeRequest r = waiting.get();
            DisputeResolutionTab.open(out, "Decide the request for more time", view, Op.DECIDE_MORE_TIME, id);
            out.raw("<p class=\"starred-body\">").t(words.person(r.requestedBy()) + " asks for more time until "
                    + words.day(r.until()) + ": " + r.explanation()).raw("</p>");
            out.form(view, tabKey, Op.DECIDE_MORE_TIME.path, "").hidden("concern", id)
                    .hidden("version", concern.version());
            out.choices("radio", "granted", "Your decision", "", "true", "Grant it: the stage is due by the end of "
                    + words.day(r.until()), "false", "Refuse it: the explanation is not enough (give your reasons)");
            out.area("reasons", "Reasons", "Needed when you refuse", null, false).button("Record decision", false)
                    .raw("</form>");
            DisputeResolutionTab.close(out);
            return 1;
        }
        return 0;
    }

    /**
     * @param draft the update Starred drafted for the current stage, where the procedure asks one of the viewer
     * @return how many forms it offered
     */
    int familyUpdateForm(CaseView view, Concern concern, Optional<String> draft, String tabKey, Out out)
            throws IOException {
        if (draft.isEmpty()) {
            return 0;
        }
        String id = concern.id().toString();
        boolean sent = FamilyUpdates.sentAtCurrentStage(concern);
        DisputeResolutionTab.open(out, sent ? "Send another update to the child and family"
                : "Update the child and family (due at this stage)", view, Op.RECORD_FAMILY_UPDATE, id);
        out.raw("<p class=\"starred-body\">").t("Starred has drafted the update in plain words. Adapt it to the child"
                + " and those who care for them, send it as you judge best, then record it here as sent.").raw("</p>");
        out.form(view, tabKey, Op.RECORD_FAMILY_UPDATE.path, "").hidden("concern", id)
                .hidden("version", concern.version());
        out.text("sentTo", "Sent to", "The young person, their mother, the foster carers ...", null, true)
                .text("channel", "How", "Letter, a visit, through their advocate ...", null, true)
                .area("text", "The update as sent", null, draft.get(), true)
                .button("Record the update as sent", false).raw("</form>");
        DisputeResolutionTab.close(out);
        return 1;
    }
}
