package uk.starred.ui.oversight;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import uk.starred.api.concern.ConcernId;
import uk.starred.api.report.ReportedConcern;
import uk.starred.api.ui.CaseTab;
import uk.starred.api.ui.CaseView;
import uk.starred.ui.tab.DisputeResolutionTab;
import uk.starred.ui.tab.Out;

/** The challenges behind a figure, each a link to the child's tab at the concern. */
final class ChallengeList {

    private ChallengeList() {
    }

    /** @param status the heading of the last column: where each stood ("At the year's end", "Now") */
    static void render(CaseView view, List<ReportedConcern> concerns, Set<ConcernId> behind, String status, Out out)
            throws IOException {
        out.raw("<table class=\"starred-table\"><caption class=\"starred-visually-hidden\">The challenges behind the"
                + " figure</caption><thead><tr><th scope=\"col\">Child</th><th scope=\"col\">Team</th>")
                .raw("<th scope=\"col\">Raised by</th><th scope=\"col\">Raised</th><th scope=\"col\">Procedure</th>")
                .raw("<th scope=\"col\">Furthest stage</th><th scope=\"col\">").t(status).raw("</th></tr></thead><tbody>");
        for (ReportedConcern c : concerns) {
            if (!behind.contains(c.id())) {
                continue;
            }
            String where = c.status().name().charAt(0) + c.status().name().substring(1).toLowerCase(Locale.UK)
                    .replace('_', ' ');
            out.raw("<tr><td><a class=\"starred-link\"").attr("href", view.childLink(c.childId(),
                    Map.of(CaseTab.TAB_PARAMETER, DisputeResolutionTab.KEY, "concern", c.id().toString()))
                    + "#concern-" + c.id()).raw(">").t(c.childName()).raw("</a></td><td>").t(c.team()).raw("</td><td>")
                    .t(c.raisedByName()).raw("</td><td>").t(c.raisedOn()).raw("</td><td>").t(c.procedureTitle())
                    .raw("</td><td>").t(c.furthestStage()).raw("</td><td>").t(where)
                    .t(c.endedOn() == null ? "" : " on " + c.endedOn()).raw("</td></tr>");
        }
        out.raw("</tbody></table>");
    }
}
