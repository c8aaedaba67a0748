package uk.starred.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The PDF documents downloaded from the demo distribution as staff do from the tab, signed in to the host: the CAFCASS referral pack for
 * those who may see the concern, everything held about a child for those who oversee the service, each refused to
 * the rest. (No browser: this class needs only the distribution.)
 */
public class DocumentDownloadIT {

    @ClassRule
    public static final DemoDistribution demo = new DemoDistribution();

    private static final String CHILD = "DEMO-000-S4";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Fetches the document as the person's browser does: signed in to the host, with its session's cookie. */
    private HttpResponse<byte[]> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(demo.url(path))).timeout(Duration.ofSeconds(60));
        if (user != null) {
            request.header("Cookie", new DemoClient(demo).signIn(user));
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    public void theIroDownloadsTheReferralPackAsAPdfAndOthersAreRefused() throws Exception {
        String marker = "pack-" + UUID.randomUUID();
        DemoClient.Answer raised = new DemoClient(demo).raise(CHILD, marker);
        assertEquals(raised.body(), 201, raised.status());
        String path = "/starred/documents/concerns/" + raised.location().substring(raised.location().lastIndexOf('/') + 1)
                + "/cafcass-pack.pdf";

        HttpResponse<byte[]> pack = get(path, "demo-iro");
        assertEquals(new String(pack.body(), StandardCharsets.UTF_8), 200, pack.statusCode());
        assertEquals("application/pdf", pack.headers().firstValue("Content-Type").orElse(""));
        assertTrue(pack.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        try (PDDocument pdf = Loader.loadPDF(pack.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text, text.contains("CAFCASS referral pack"));
            assertTrue("what the IRO wrote: " + text, text.contains(marker + " drift in the plan"));
            assertTrue("tagged for screen readers", pdf.getDocumentCatalog().getMarkInfo().isMarked());
        }
        assertEquals("nobody signed in", 401, get(path, null).statusCode());
        assertEquals("no part in the child's procedure", 403, get(path, "demo-complaints-officer").statusCode());
        assertEquals(404, get("/starred/documents/concerns/not-a-concern/cafcass-pack.pdf", "demo-iro").statusCode());
    }

    @Test
    public void theOverseerDownloadsEverythingHeldAboutAChildAndTheIroIsRefused() throws Exception {
        String path = "/starred/documents/children/" + CHILD + "/subject-access.pdf";
        HttpResponse<byte[]> held = get(path, "demo-iro-manager");
        assertEquals(new String(held.body(), StandardCharsets.UTF_8), 200, held.statusCode());
        try (PDDocument pdf = Loader.loadPDF(held.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text, text.contains("Everything held about"));
            assertTrue(text, text.contains("Audit trail"));
        }
        HttpResponse<byte[]> refused = get(path, "demo-iro");
        assertEquals(403, refused.statusCode());
        assertTrue(new String(refused.body(), StandardCharsets.UTF_8).contains("oversight"));
    }

    @Test
    public void theOverseerDownloadsTheIroAnnualReportAsAPdfAndItsTablesAsCsv() throws Exception {
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).getMonthValue() >= 4
                ? java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).getYear()
                : java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).getYear() - 1;
        String root = "/starred/reports/" + year + "/dispute-resolution";
        HttpResponse<byte[]> report = get(root + ".pdf", "demo-iro-manager");
        assertEquals(new String(report.body(), StandardCharsets.UTF_8), 200, report.statusCode());
        try (PDDocument pdf = Loader.loadPDF(report.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text, text.contains("IRO annual report: dispute resolution, " + year + " to " + (year + 1)));
            assertTrue(text, text.contains("Furthest stage reached"));
            assertTrue("tagged for screen readers", pdf.getDocumentCatalog().getMarkInfo().isMarked());
        }
        HttpResponse<byte[]> csv = get(root + ".csv", "demo-head-of-service");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String table = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(table, table.startsWith("year,table,table_title,row,row_label,column,column_label,value,concern_ids"));
        assertTrue("the demo's challenges this year are counted", table.lines().anyMatch(l -> l.contains(",raised,")
                && l.contains(",all,") && l.contains(",ALL/this,") && !l.contains(",0,")));

        assertEquals("nobody signed in", 401, get(root + ".pdf", null).statusCode());
        HttpResponse<byte[]> iro = get(root + ".pdf", "demo-iro");
        assertEquals("an IRO has no oversight of the service", 403, iro.statusCode());
        HttpResponse<byte[]> early = get("/starred/reports/1999/dispute-resolution.pdf", "demo-iro-manager");
        assertEquals(400, early.statusCode());
        assertTrue(new String(early.body(), StandardCharsets.UTF_8).contains("year"));
        assertEquals(404, get("/starred/reports/" + year + "/everything.pdf", "demo-iro-manager").statusCode());
    }
}
