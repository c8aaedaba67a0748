package uk.starred.ui.tab;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import uk.starred.api.concern.ActionRecord;
import uk.starred.api.concern.AgreedAction;
import uk.starred.api.concern.Communication;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.concern.StageState;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.ProcedureLibrary;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.RequiredAction;
import uk.starred.api.ui.CaseTab;
import uk.starred.api.ui.CaseView;
import uk.starred.core.wording.Labels;

/**
 * The CAFCASS referral pack for a concern, printable: the checklist of what should accompany a
 * referral (seed 000, section 14) with what Starred holds, a chronology generated from the stage
 * records and communications, and the IRO's report drafted from the record for the IRO to finish.
 * Documents held only on the child's file (care order, care plan, the Children's Guardian's report,
 * review documents) are listed for the IRO to attach from there.
 */
final class CafcassPack {

    /** One dated line of the chronology. */
    record Event(Instant at, String who, String what) {
    }

    private final Words words;
    private final ProcedureLibrary procedures;
    private final Clock clock;

    CafcassPack(Words words, ProcedureLibrary procedures, Clock clock) {
        this.words = words;
        this.procedures = procedures;
        this.clock = clock;
    }

    /** @param view the screen it is drawn in, or {@code null} for the document alone (its PDF) */
    void render(CaseView view, ChildRecord child, Concern concern, Out out) throws IOException {
        Optional<Procedure> procedure = procedures.definition(concern.procedure());
        List<Event> chronology = chronology(concern, procedure);
        Set<String> professionals = new LinkedHashSet<>();
        professionals.add(concern.raisedBy());
        professionals.add(concern.responsiblePerson());
        concern.stages().forEach(s -> {
            if (s.response() != null) {
                professionals.add(s.response().by());
            }
            s.actions().forEach(a -> professionals.add(a.doneBy()));
        });
        concern.agreedActions().forEach(a -> professionals.add(a.responsible()));

        out.raw("<div class=\"starred starred-pack\">");
        if (view != null) {
            out.raw("<p class=\"starred-body starred-no-print\"><a class=\"starred-link starred-back\"")
                    .attr("href", view.link(Map.of(CaseTab.TAB_PARAMETER, DisputeResolutionTab.KEY, "concern",
                            concern.id().toString())) + "#concern-" + concern.id())
                    .raw(">Back to the concern</a> · <a class=\"starred-link\"")
                    .attr("href", PdfDocuments.cafcassPackPath(concern.id().toString()))
                    .raw(" download>Download as PDF</a></p>");
        }
        out.raw("<h2 class=\"starred-heading-l\">CAFCASS referral pack</h2>");
        out.raw("<p class=\"starred-lead\">").t(child.displayName()).raw(", born ").t(words.day(child.dateOfBirth()))
                .raw(". Prepared ").t(words.moment(clock.instant())).raw(" from the record of the concern raised on ")
                .t(words.moment(concern.raisedAt())).raw(".</p>");
        if (view != null) {
            out.raw("<p class=\"starred-body starred-no-print\">Download it as a PDF for CAFCASS or the court, or"
                    + " print this page with your browser's print command; the screen's navigation is left off.</p>");
        }

        out.raw("<h3 class=\"starred-heading-m\">What should accompany the referral</h3>")
                .raw("<table class=\"starred-table\"><caption class=\"starred-visually-hidden\">Checklist of the"
                        + " referral's contents</caption><thead><tr><th scope=\"col\">Item</th>"
                        + "<th scope=\"col\">In this pack</th></tr></thead><tbody>");
        row(out, "A report by the Independent Reviewing Officer explaining why the matter is being referred at this"
                + " stage and setting out what steps have been taken to resolve the dispute", true,
                "Drafted below from the record, for the IRO to finish");
        row(out, "A chronology and statement of issues", true,
                "Chronology of " + chronology.size() + " entries and the issues raised, below");
        row(out, "Names and contact details for any relevant involved professionals", true,
                professionals.size() + " professionals listed below");
        row(out, "Where the child is of sufficient understanding, a report by the IRO on the child's wishes and"
                + " feelings, including their views on any potential court proceedings", false,
                "For the IRO to write");
        row(out, "Copies of any final care order and the final care plan filed in proceedings", false,
                "Attach from the child's file");
        row(out, "The report of the Children's Guardian immediately preceding the making of any care order", false,
                "Attach from the child's file");
        row(out, "All subsequent review documents", false, "Attach from the child's file");
        row(out, "The most recent Care Plan", false, "Attach from the child's file");
        row(out, "A list of important people in the child's life, their relationship and involvement; information"
                + " about diversity issues, including any help needed to aid communication", false,
                "For the IRO to add from the child's file");
        out.raw("</tbody></table>");

        out.raw("<h3 class=\"starred-heading-m\">Statement of issues</h3><ul class=\"starred-list\">");
        for (String code : concern.reasonCodes()) {
            out.raw("<li>").t(procedure.flatMap(p -> p.reason(code)).map(Reason::label).orElse(code)).raw("</li>");
        }
        out.raw("</ul><p class=\"starred-body\">").t(concern.description()).raw("</p>");

        out.raw("<h3 class=\"starred-heading-m\">Chronology</h3><table class=\"starred-table\">")
                .raw("<caption class=\"starred-visually-hidden\">Chronology of the dispute</caption><thead><tr>")
                .raw("<th scope=\"col\">When</th><th scope=\"col\">Who</th><th scope=\"col\">What</th></tr></thead><tbody>");
        for (Event event : chronology) {
            out.raw("<tr><td>").t(words.moment(event.at())).raw("</td><td>").t(words.person(event.who()))
                    .raw("</td><td>").t(event.what()).raw("</td></tr>");
        }
        out.raw("</tbody></table>");

        out.raw("<h3 class=\"starred-heading-m\">Professionals involved</h3><ul class=\"starred-list\">");
        for (String id : professionals) {
            out.raw("<li>").t(words.person(id)).raw("</li>");
        }
        out.raw("</ul>");

        out.raw("<h3 class=\"starred-heading-m\">The IRO's report (draft)</h3>")
                .raw("<div class=\"starred-report\">");
        report(child, concern, procedure, out);
        out.raw("</div></div>");
    }

    private static void row(Out out, String item, boolean present, String status) throws IOException {
        out.raw("<tr><td>").t(item).raw("</td><td>").tag(present ? "In this pack" : "To add", present ? "green" : "grey")
                .raw(" ").t(status).raw("</td></tr>");
    }

    private void report(ChildRecord child, Concern concern, Optional<Procedure> procedure, Out out) throws IOException {
        out.raw("<p class=\"starred-body\">I am the Independent Reviewing Officer for ").t(child.displayName())
                .raw(". I am referring this case to CAFCASS because the local authority has not resolved the concern I")
                .raw(" raised on ").t(words.moment(concern.raisedAt())).raw(" (").t(concern.origin().words())
                .raw(") under the ").t(procedure.map(Procedure::title).orElse(concern.procedure().id())).raw(".</p>");
        out.raw("<p class=\"starred-body\">The concern: ").t(concern.description()).raw(" I asked for the following: ")
                .t(concern.remedyWanted()).raw(", by ").t(words.day(concern.remedyDueBy())).raw(".</p>");
        out.raw("<p class=\"starred-body\">The steps taken to resolve the dispute:</p><ol class=\"starred-list\">");
        for (StageRecord stage : concern.stages()) {
            out.raw("<li>").t(stage.name()).raw(": ");
            if (stage.state() == StageState.BYPASSED) {
                out.t("bypassed" + (stage.note() == null ? "" : " (" + stage.note() + ")"));
            } else {
                out.t("started " + words.moment(stage.enteredAt()));
                if (stage.response() != null) {
                    out.t("; " + Labels.response(stage.response().kind()).toLowerCase() + " by "
                            + words.person(stage.response().by())
                            + (stage.response().reasons() == null ? "" : " (" + stage.response().reasons() + ")"));
                }
                if (stage.endedAt() != null) {
                    out.t("; ended " + words.moment(stage.endedAt()));
                }
            }
            out.raw(".</li>");
        }
        out.raw("</ol>");
        out.raw("<p class=\"starred-body starred-to-complete\">[For the IRO to complete: why the matter is being"
                + " referred at this stage, and how the failure to implement the Care Plan may breach the child's"
                + " human rights.]</p>");
        out.raw("<p class=\"starred-body starred-to-complete\">[For the IRO to complete: the child's wishes and"
                + " feelings, where the child is of sufficient understanding.]</p>");
        out.raw("<p class=\"starred-body\">").t(words.person(concern.raisedBy())).raw(", Independent Reviewing Officer")
                .raw("</p>");
    }

    List<Event> chronology(Concern concern, Optional<Procedure> procedure) {
        List<Event> events = new ArrayList<>();
        events.add(new Event(concern.raisedAt(), concern.raisedBy(), concern.origin().words() + " raised: "
                + concern.description()));
        for (StageRecord stage : concern.stages()) {
            if (stage.state() == StageState.BYPASSED) {
                events.add(new Event(stage.enteredAt(), stage.enteredBy(), "Stage bypassed: " + stage.name()
                        + (stage.note() == null ? "" : " (" + stage.note() + ")")));
                continue;
            }
            events.add(new Event(stage.enteredAt(), stage.enteredBy(), "Stage started: " + stage.name()));
            if (stage.response() != null) {
                events.add(new Event(stage.response().at(), stage.response().by(),
                        Labels.response(stage.response().kind()) + (stage.response().reasons() == null ? ""
                                : ": " + stage.response().reasons())));
            }
            for (ActionRecord action : stage.actions()) {
                String described = procedure.flatMap(p -> p.stage(stage.stageId()))
                        .flatMap(s -> s.requiredAction(action.actionId())).map(RequiredAction::description)
                        .orElse(action.actionId());
                events.add(new Event(action.doneAt(), action.doneBy(), "Done: " + described
                        + (action.note() == null ? "" : " (" + action.note() + ")")));
            }
            if (stage.endedAt() != null) {
                events.add(new Event(stage.endedAt(), null, "Stage ended: " + stage.name()
                        + (stage.outcome() == null ? "" : " (" + stage.outcome() + ")")));
            }
        }
        for (AgreedAction action : concern.agreedActions()) {
            if (action.isCompleted()) {
                events.add(new Event(action.completedAt(), action.completedBy(), "Agreed action done: "
                        + action.description()));
            }
        }
        for (Communication c : concern.communications()) {
            events.add(new Event(c.at(), c.by(), "Communication with " + c.withWhom() + " (" + c.channel() + "): "
                    + c.summary()));
        }
        var referral = concern.cafcass();
        if (referral != null) {
            if (referral.consideredAt() != null) {
                events.add(new Event(referral.consideredAt(), null, "CAFCASS referral considered; told: "
                        + String.join(", ", referral.informed().stream().map(words::person).toList())));
            }
            if (referral.referredAt() != null) {
                events.add(new Event(referral.referredAt(), referral.referredBy(), "Referred to CAFCASS: "
                        + Labels.referralMode(referral.mode()) + ". " + referral.reason()));
            }
            if (referral.decidedAt() != null) {
                events.add(new Event(referral.decidedAt(), null, Labels.decision(referral.decision())));
            }
        }
        if (concern.endedAt() != null) {
            events.add(new Event(concern.endedAt(), null, Labels.status(concern.status()) + ": " + concern.endReason()));
        }
        events.sort(Comparator.comparing(Event::at));
        return events;
    }
}
