package uk.starred.ui;

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
                <style>
                body{font-family:Arial,Helvetica,sans-serif;margin:0;color:#0b0c0c;background:#fff;line-height:1.4}
                header{background:#0b0c0c;color:#fff;padding:1rem 2rem}
                header h1{margin:0;font-size:1.5rem}
                main{padding:1rem 2rem;max-width:72rem}
                table{border-collapse:collapse}
                caption{text-align:left;font-weight:bold;font-size:1.25rem;padding:.5rem 0}
                th,td{border-bottom:1px solid #b1b4b6;padding:.5rem 1rem .5rem 0;text-align:left}
                td.count{text-align:right}
                </style>
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
