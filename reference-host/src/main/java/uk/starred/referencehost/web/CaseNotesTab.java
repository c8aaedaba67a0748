package uk.starred.referencehost.web;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.propertytypes.ServiceRanking;

import uk.starred.api.host.CaseNote;
import uk.starred.api.ui.CaseScreens;
import uk.starred.api.ui.CaseTab;
import uk.starred.api.ui.CaseTabEntry;
import uk.starred.api.ui.CaseView;
import uk.starred.api.ui.Html;
import uk.starred.api.ui.TabOutcome;
import uk.starred.referencehost.demo.DemoHost;

/**
 * The host's own "Case notes" tab: the notes written on the child's file, newest first, with the
 * note types the council's procedure names. Starred writes its steps here through the
 * {@code CaseFile} port. Registered like any other tab, with a lower ranking than Starred's, so it
 * is shown after it.
 */
@Component(service = CaseTab.class)
@CaseTabEntry(screen = CaseScreens.CHILD, key = "case-notes", label = "Case notes")
@ServiceRanking(50)
public class CaseNotesTab implements CaseTab {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final DemoHost host;

    @Activate
    public CaseNotesTab(@Reference DemoHost host) {
        this.host = host;
    }

    @Override
    public boolean isVisible(CaseView view) {
        return view.childId() != null && !host.rolesFor(view.viewerId(), view.childId()).isEmpty();
    }

    @Override
    public void render(CaseView view, Appendable out) throws IOException {
        List<CaseNote> notes = new ArrayList<>(host.caseFile(view.childId()));
        Collections.reverse(notes);
        out.append("<h2 class=\"heading-m\">Case notes</h2>");
        if (notes.isEmpty()) {
            out.append("<p class=\"body\">No case notes yet.</p>");
            return;
        }
        out.append("<table class=\"table\"><caption class=\"visually-hidden\">Case notes, newest first</caption>")
                .append("<thead><tr><th scope=\"col\">When</th><th scope=\"col\">Type</th><th scope=\"col\">Note</th>")
                .append("</tr></thead><tbody>");
        for (CaseNote note : notes) {
            out.append("<tr><td>").append(Html.escape(MOMENT.format(note.at()))).append("</td><td>")
                    .append(Html.escape(note.noteType())).append("</td><td>").append(Html.escape(note.text()))
                    .append("</td></tr>");
        }
        out.append("</tbody></table>");
    }

    @Override
    public TabOutcome act(CaseView view) {
        return TabOutcome.refused(405, "Case notes are written by the services that act on the case, not here.");
    }
}
