package uk.starred.ui.tab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.practice.GoodPractice;
import uk.starred.api.practice.GoodPracticeService;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.ProcedureLibrary;
import uk.starred.api.ui.CaseView;
import uk.starred.core.practice.GoodPracticeRules;

/**
 * The tab's good practice alerts: what was recognised in the child's case, and the form for those who may
 * recognise it (the IRO, the Child Protection Chair) to commend someone else working with the child.
 */
final class GoodPracticeSection {

    /** The form's command, as the tab's {@code op} field names it. */
    static final String OP = "recognise-good-practice";

    private final GoodPracticeService goodPractice;
    private final ProcedureLibrary procedures;
    private final StaffDirectory staff;
    private final Words words;

    GoodPracticeSection(GoodPracticeService goodPractice, ProcedureLibrary procedures, StaffDirectory staff,
            Words words) {
        this.goodPractice = goodPractice;
        this.procedures = procedures;
        this.staff = staff;
        this.words = words;
    }

    void render(CaseView view, ChildRecord child, Set<String> roles, String tabKey, Out out) throws IOException {
        List<Procedure> serving = procedures.installedFor(child.cohorts());
        boolean recognises = GoodPracticeRules.recognisers(serving).stream().anyMatch(roles::contains);
        // those with a role the procedures serving the child name, or oversight of the service, see it
        boolean sees = staff.hasOversight(view.viewerId()) || GoodPracticeRules.maySee(roles, serving);
        List<GoodPractice> recognised = sees ? goodPractice.forChild(child.id()) : List.of();
        if (recognised.isEmpty() && !recognises) {
            return;
        }
        out.raw("<section class=\"starred-panel\" aria-labelledby=\"starred-good-practice\">")
                .raw("<h3 class=\"starred-heading-m\" id=\"starred-good-practice\">Good practice recognised</h3>");
        if (!recognised.isEmpty()) {
            out.raw("<ul class=\"starred-list\">");
            for (GoodPractice g : recognised) {
                out.raw("<li><span class=\"starred-meta\">").t(words.moment(g.recognisedAt())).raw(", ")
                        .t(words.person(g.recognisedBy())).raw(" recognised ").t(words.person(g.staffId()))
                        .t(g.team() == null ? "" : " (" + g.team() + ")").raw(":</span> ").t(g.practice())
                        .raw("</li>");
            }
            out.raw("</ul>");
        }
        if (recognises) {
            List<String> people = new ArrayList<>(List.of("", "Choose who"));
            Set<String> named = GoodPracticeRules.named(serving);
            named.stream().flatMap(role -> staff.holders(role, child.id()).stream()).distinct()
                    .filter(m -> !m.id().equals(view.viewerId())).forEach(m -> {
                        people.add(m.id());
                        people.add(m.name());
                    });
            boolean refused = OP.equals(view.parameter("op"));
            out.raw(refused ? "<details class=\"starred-details\" open>" : "<details class=\"starred-details\">")
                    .raw("<summary class=\"starred-summary\">Recognise good practice</summary>")
                    .raw("<div class=\"starred-details-body\">");
            out.form(view, tabKey, OP, "");
            out.select("staffId", "Whose practice", "They are told, and it is reported by team to those who oversee"
                    + " the service", "", people.toArray(new String[0]))
                    .area("practice", "What was done well", null, null, true)
                    .button("Recognise good practice", false).raw("</form>");
            out.raw("</div></details>");
        }
        out.raw("</section>");
    }
}
