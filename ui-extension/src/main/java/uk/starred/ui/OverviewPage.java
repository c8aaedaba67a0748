package uk.starred.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernOrigin;

/** Renders the overview of open concerns as a complete, self-contained HTML page. */
final class OverviewPage {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK)
            .withZone(LONDON);

    private OverviewPage() {
    }

    static String render(List<Concern> open) {
        StringBuilder html = new StringBuilder(4096);
        html.append("""
                <!DOCTYPE html>
                <html lang="en-GB">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Starred: open concerns</title>
                <style>
                body{font-family:Arial,Helvetica,sans-serif;margin:0;color:#0b0c0c;background:#fff;line-height:1.4}
                header{background:#0b0c0c;color:#fff;padding:1rem 2rem}
                header h1{margin:0;font-size:1.5rem}
                main{padding:1rem 2rem;max-width:72rem}
                table{border-collapse:collapse;width:100%}
                caption{text-align:left;font-weight:bold;font-size:1.25rem;padding:.5rem 0}
                th,td{border-bottom:1px solid #b1b4b6;padding:.5rem;text-align:left;vertical-align:top}
                th{background:#f3f2f1}
                </style>
                </head>
                <body>
                <header><h1>Starred</h1><p>IRO challenge and dispute resolution</p></header>
                <main>
                """);
        if (open.isEmpty()) {
            html.append("<h2>Open concerns</h2>\n<p id=\"no-concerns\">No concerns are open.</p>\n");
        } else {
            html.append("<table id=\"open-concerns\">\n<caption>Open concerns (")
                    .append(open.size()).append(")</caption>\n")
                    .append("<thead><tr><th scope=\"col\">Child</th><th scope=\"col\">Raised</th>")
                    .append("<th scope=\"col\">How it arose</th><th scope=\"col\">Reasons</th>")
                    .append("<th scope=\"col\">Remedy wanted</th><th scope=\"col\">Remedy due by</th>")
                    .append("<th scope=\"col\">Procedure</th></tr></thead>\n<tbody>\n");
            for (Concern c : open) {
                html.append("<tr><td>").append(Html.escape(c.childId()))
                        .append("</td><td>").append(Html.escape(MOMENT.format(c.raisedAt())))
                        .append("</td><td>").append(Html.escape(describe(c.origin())))
                        .append("</td><td>").append(Html.escape(String.join(", ", c.reasonCodes())))
                        .append("</td><td>").append(Html.escape(c.remedyWanted()))
                        .append("</td><td>").append(Html.escape(DAY.format(c.remedyDueBy())))
                        .append("</td><td>").append(Html.escape(c.procedure()))
                        .append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    static String describe(ConcernOrigin origin) {
        return switch (origin) {
            case STARRED_DECISION -> "Starred decision";
            case RED_RAG_RATING -> "Red RAG rating";
            case CONCERN_OUTSIDE_REVIEW -> "Concern outside review";
            case MISSED_STATUTORY_TIMETABLE -> "Missed statutory timetable";
        };
    }
}
