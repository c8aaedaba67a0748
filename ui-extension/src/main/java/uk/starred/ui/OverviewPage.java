package uk.starred.ui;

import uk.starred.api.ui.Html;

import java.util.Map;


/** Renders the overview of open concerns, as figures, as a complete, self-contained HTML page. */
final class OverviewPage {

    private OverviewPage() {
    }

    /**
     * @param openByProcedure open concerns by procedure id; figures only, no child is named, so the page
     *                        needs no sign-in (the child's own screens come with the host)
     */
    static String render(Map<String, Long> openByProcedure) {
        StringBuilder html = new StringBuilder(4096);
        html.append("""
                <!DOCTYPE html>
                <html lang="en-GB">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Starred: open concerns</title>
                <link rel="stylesheet" href="/starred/static/overview.css">
                </head>
                <body>
                <header><h1>Starred</h1><p>IRO challenge and dispute resolution</p></header>
                <main>
                """);
        long total = openByProcedure.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            html.append("<h2>Open concerns</h2>\n<p id=\"no-concerns\">No concerns are open.</p>\n");
        } else {
            html.append("<table id=\"open-concerns\">\n<caption>Open concerns: ").append(total)
                    .append("</caption>\n<thead><tr><th scope=\"col\">Procedure</th>")
                    .append("<th scope=\"col\">Open</th></tr></thead>\n<tbody>\n");
            openByProcedure.forEach((procedure, count) -> html.append("<tr><td>").append(Html.escape(procedure))
                    .append("</td><td class=\"count\">").append(count).append("</td></tr>\n"));
            html.append("</tbody>\n</table>\n");
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }
}
