package uk.starred.ui.tab;

import java.io.IOException;
import java.util.Map;

import uk.starred.api.audit.AuditEntry;
import uk.starred.api.audit.RecordAccess;
import uk.starred.api.audit.SubjectAccessExport;
import uk.starred.api.audit.SubjectAccessExport.HeldMessage;
import uk.starred.api.concern.AgreedAction;
import uk.starred.api.concern.Communication;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.StageRecord;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.practice.GoodPractice;
import uk.starred.api.review.HistoryEntry;
import uk.starred.api.review.Review;
import uk.starred.api.ui.CaseTab;
import uk.starred.api.ui.CaseView;
import uk.starred.core.wording.Labels;

/**
 * Everything Starred holds about one child, as a readable, printable document for a subject access request:
 * the same content as the JSON export, section by section, in the words the screens use. For those with
 * oversight of the service; making it is kept in the access log.
 */
final class SubjectAccessDocument {

    private final Words words;

    SubjectAccessDocument(Words words) {
        this.words = words;
    }

    /** @param view the screen it is drawn in, or {@code null} for the document alone (its PDF) */
    void render(CaseView view, ChildRecord child, SubjectAccessExport export, Out out) throws IOException {
        out.raw("<div class=\"starred starred-pack\">");
        if (view != null) {
            out.raw("<p class=\"starred-body starred-no-print\"><a class=\"starred-link starred-back\"")
                    .attr("href", view.link(Map.of(CaseTab.TAB_PARAMETER, DisputeResolutionTab.KEY)))
                    .raw(">Back to dispute resolution</a> · <a class=\"starred-link\"")
                    .attr("href", PdfDocuments.subjectAccessPath(child.id()))
                    .raw(" download>Download as PDF</a> · <a class=\"starred-link\"")
                    .attr("href", "/starred/api/v1/children/" + java.net.URLEncoder.encode(child.id(),
                            java.nio.charset.StandardCharsets.UTF_8) + "/subject-access")
                    .raw(" download>Download as JSON</a></p>");
        }
        out.raw("<h2 class=\"starred-heading-l\">Everything held about ").t(child.displayName()).raw("</h2>");
        out.raw("<p class=\"starred-lead\">For a subject access request. Made ").t(words.moment(export.madeAt()))
                .raw(" by ").t(words.person(export.madeBy())).raw(": ").t(export.concerns().size())
                .raw(" concern(s), ").t(export.auditTrail().size()).raw(" audit entr(ies), ")
                .t(export.messages().size()).raw(" message(s), ").t(export.views().size())
                .raw(" record(s) of who saw them.</p>");

        out.raw("<h3 class=\"starred-heading-m\">Concerns</h3>");
        if (export.concerns().isEmpty()) {
            out.raw("<p class=\"starred-body\">None.</p>");
        }
        for (Concern c : export.concerns()) {
            concern(c, out);
        }

        out.raw("<h3 class=\"starred-heading-m\">Audit trail</h3>");
        table(out, "Every change to the concerns, in order", "Concern", "Entry", "When", "Who", "What");
        for (AuditEntry a : export.auditTrail()) {
            out.raw("<tr><td>").t(a.concernId()).raw("</td><td>").t(a.sequence()).raw("</td><td>")
                    .t(words.moment(a.at())).raw("</td><td>").t(words.person(a.actor())).raw("</td><td>")
                    .t(a.command()).raw("</td></tr>");
        }
        out.raw("</tbody></table>");

        out.raw("<h3 class=\"starred-heading-m\">Looked-after reviews</h3>");
        if (export.reviewTimetable() == null) {
            out.raw("<p class=\"starred-body\">No review timetable is held.</p>");
        } else {
            out.raw("<p class=\"starred-body\">Looked after since ").t(words.day(export.reviewTimetable()
                    .lookedAfterSince())).raw(export.reviewTimetable().ceasedOn() == null ? "" : "; ceased ")
                    .t(export.reviewTimetable().ceasedOn() == null ? "" : words.day(export.reviewTimetable().ceasedOn()))
                    .raw(".</p>");
            table(out, "Reviews", "Review", "Due by", "Held on", "Decisions");
            for (Review r : export.reviewTimetable().reviews()) {
                out.raw("<tr><td>").t(r.number()).raw("</td><td>").t(words.day(r.dueBy())).raw("</td><td>")
                        .t(r.heldOn() == null ? "" : words.day(r.heldOn())).raw("</td><td>")
                        .t(r.decisions() == null ? "" : r.decisions().name()).raw("</td></tr>");
            }
            out.raw("</tbody></table>");
            table(out, "The timetable's history", "When", "Who", "What", "Detail");
            for (HistoryEntry h : export.reviewHistory()) {
                out.raw("<tr><td>").t(words.moment(h.at())).raw("</td><td>").t(words.person(h.actor()))
                        .raw("</td><td>").t(h.what()).raw("</td><td>").t(h.detail() == null ? "" : h.detail())
                        .raw("</td></tr>");
            }
            out.raw("</tbody></table>");
        }

        out.raw("<h3 class=\"starred-heading-m\">Good practice recognised</h3>");
        if (export.goodPractice().isEmpty()) {
            out.raw("<p class=\"starred-body\">None.</p>");
        } else {
            out.raw("<ul class=\"starred-list\">");
            for (GoodPractice g : export.goodPractice()) {
                out.raw("<li>").t(words.moment(g.recognisedAt())).raw(": ").t(words.person(g.staffId()))
                        .raw(", recognised by ").t(words.person(g.recognisedBy())).raw(": ").t(g.practice())
                        .raw("</li>");
            }
            out.raw("</ul>");
        }

        out.raw("<h3 class=\"starred-heading-m\">Notes and messages written about the child</h3>");
        table(out, "Case notes, notifications and episodes, oldest first", "Written", "Kind", "Delivered", "Content");
        for (HeldMessage m : export.messages()) {
            out.raw("<tr><td>").t(words.moment(m.createdAt())).raw("</td><td>").t(m.kind()).raw("</td><td>")
                    .t(m.deliveredAt() == null ? "waiting" : words.moment(m.deliveredAt()))
                    .raw("</td><td class=\"starred-pre\">").t(m.content()).raw("</td></tr>");
        }
        out.raw("</tbody></table>");

        out.raw("<h3 class=\"starred-heading-m\">Who has seen these records</h3>");
        table(out, "Who saw the child's records, newest first", "When", "Who", "What");
        for (RecordAccess a : export.views()) {
            out.raw("<tr><td>").t(words.moment(a.at())).raw("</td><td>").t(words.person(a.staffId()))
                    .raw("</td><td>").t(a.records().name()).raw("</td></tr>");
        }
        out.raw("</tbody></table></div>");
    }

    private void concern(Concern c, Out out) throws IOException {
        out.raw("<section class=\"starred-panel\"><h4 class=\"starred-heading-s\">Raised ")
                .t(words.moment(c.raisedAt())).raw(" by ").t(words.person(c.raisedBy())).raw(": ")
                .t(Labels.origin(c.origin())).raw("</h4><dl class=\"starred-summary-list\">");
        item(out, "Status", Labels.status(c.status()) + (c.endReason() == null ? "" : ": " + c.endReason()));
        item(out, "Procedure", c.procedure().id() + " " + c.procedure().version());
        item(out, "Reasons", String.join(", ", c.reasonCodes()));
        item(out, "The concern", c.description());
        item(out, "Remedy wanted", c.remedyWanted() + " by " + words.day(c.remedyDueBy()));
        item(out, "Responsible", words.person(c.responsiblePerson()));
        if (c.cafcass() != null && c.cafcass().referredAt() != null) {
            item(out, "Referred to CAFCASS", words.moment(c.cafcass().referredAt()) + ": " + c.cafcass().reason());
        }
        out.raw("</dl>");
        table(out, "Stages", "Stage", "Entered", "State", "Response");
        for (StageRecord s : c.stages()) {
            out.raw("<tr><td>").t(s.name()).raw("</td><td>").t(words.moment(s.enteredAt())).raw("</td><td>")
                    .t(Labels.stageState(s.state())).raw("</td><td>");
            if (s.response() != null) {
                out.t(Labels.response(s.response().kind())).raw(" (").t(words.person(s.response().by())).raw(")");
                if (s.response().reasons() != null) {
                    out.raw(": ").t(s.response().reasons());
                }
            }
            out.raw("</td></tr>");
        }
        out.raw("</tbody></table>");
        if (!c.communications().isEmpty()) {
            table(out, "Communications", "When", "Who", "With whom", "How", "Summary");
            for (Communication m : c.communications()) {
                out.raw("<tr><td>").t(words.moment(m.at())).raw("</td><td>").t(words.person(m.by())).raw("</td><td>")
                        .t(m.withWhom()).raw("</td><td>").t(m.channel()).raw("</td><td>").t(m.summary())
                        .raw("</td></tr>");
            }
            out.raw("</tbody></table>");
        }
        if (!c.agreedActions().isEmpty()) {
            table(out, "Agreed actions", "Action", "Responsible", "Due by", "Done");
            for (AgreedAction a : c.agreedActions()) {
                out.raw("<tr><td>").t(a.description()).raw("</td><td>").t(words.person(a.responsible()))
                        .raw("</td><td>").t(words.day(a.dueBy())).raw("</td><td>")
                        .t(a.completedAt() == null ? "" : words.moment(a.completedAt())).raw("</td></tr>");
            }
            out.raw("</tbody></table>");
        }
        out.raw("</section>");
    }

    private static void item(Out out, String term, String value) throws IOException {
        out.raw("<div><dt>").t(term).raw("</dt><dd>").t(value).raw("</dd></div>");
    }

    private static void table(Out out, String caption, String... headings) throws IOException {
        out.raw("<table class=\"starred-table\"><caption class=\"starred-caption\">").t(caption)
                .raw("</caption><thead><tr>");
        for (String h : headings) {
            out.raw("<th scope=\"col\">").t(h).raw("</th>");
        }
        out.raw("</tr></thead><tbody>");
    }
}
