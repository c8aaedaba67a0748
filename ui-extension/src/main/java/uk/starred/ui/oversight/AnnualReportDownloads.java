package uk.starred.ui.oversight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.host.CallerContext;
import uk.starred.api.report.AnnualReportService;
import uk.starred.api.report.DisputeResolutionReport;
import uk.starred.api.report.Figure;
import uk.starred.api.report.ReportRow;
import uk.starred.api.report.ReportTable;
import uk.starred.api.report.ReportYear;
import uk.starred.ui.Downloads;
import uk.starred.ui.Csv;
import uk.starred.ui.tab.Out;
import uk.starred.ui.tab.PdfDocuments;

/**
 * The IRO annual report downloaded: {@code /starred/reports/{year}/dispute-resolution.pdf}, a tagged PDF, and
 * {@code .csv}, its tables a figure to a line with the challenges behind each; for those who oversee the service,
 * signed in to the host. The request names no one in the log.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("starred-reports")
@HttpWhiteboardServletPattern(AnnualReportDownloads.ROOT + "/*")
public class AnnualReportDownloads extends HttpServlet {

    static final String ROOT = "/starred/reports";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AnnualReportDownloads.class);

    private final transient AnnualReportService reports;
    private final transient CallerContext caller;
    private final transient AnnualReportMarkup markup;

    @Activate
    public AnnualReportDownloads(@Reference AnnualReportService reports, @Reference CallerContext caller,
            @Reference WorkingCalendar calendar) {
        this.reports = reports;
        this.caller = caller;
        this.markup = new AnnualReportMarkup(calendar.zone());
    }

    static String pdfPath(ReportYear year) {
        return ROOT + "/" + year.startYear() + "/dispute-resolution.pdf";
    }

    static String csvPath(ReportYear year) {
        return ROOT + "/" + year.startYear() + "/dispute-resolution.csv";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Downloads.answer(request, response, caller, LOG, "report", path -> {
            if (path.length != 2 || !path[0].matches("\\d{4}")
                    || !path[1].equals("dispute-resolution.pdf") && !path[1].equals("dispute-resolution.csv")) {
                Downloads.plain(response, 404, "There is no such report: ask for " + ROOT
                        + "/<year>/dispute-resolution.pdf or .csv, the year the report's April falls in.");
                return;
            }
            DisputeResolutionReport report = reports.disputeResolution(new ReportYear(Integer.parseInt(path[0])));
            String name = "iro-annual-report-dispute-resolution-" + report.year().startYear() + "-"
                    + (report.year().startYear() + 1);
            if (path[1].endsWith(".pdf")) {
                Downloads.attachment(response, "application/pdf", name + ".pdf", pdf(report));
            } else {
                Downloads.attachment(response, "text/csv; charset=utf-8", name + ".csv",
                        csv(report).getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    private byte[] pdf(DisputeResolutionReport report) {
        StringBuilder body = new StringBuilder();
        try {
            markup.render(report, new Out(body), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PdfDocuments.pdf("IRO annual report: dispute resolution, " + report.year().name(), body.toString(),
                AnnualReportMarkup.PRINT_STYLE);
    }

    /**
     * One line a figure: its table, row and column as keys and words, its value, and the challenges behind it
     * (their ids, separated by spaces), so that every figure can be traced in a spreadsheet too.
     */
    public static String csv(DisputeResolutionReport report) {
        Csv csv = new Csv().row("year", "table", "table_title", "row", "row_label", "column", "column_label", "value",
                "concern_ids");
        for (ReportTable table : report.tables()) {
            for (ReportRow row : table.rows()) {
                for (int i = 0; i < row.figures().size(); i++) {
                    Figure figure = row.figures().get(i);
                    csv.row(report.year().name(), table.key(), table.title(), row.key(), row.label(),
                            report.columns().get(i).key(), report.columns().get(i).label(),
                            figure.value() < 0 ? "" : figure.shown(), String.join(" ",
                                    figure.concerns().stream().map(Object::toString).toList()));
                }
            }
        }
        return csv.toString();
    }
}
