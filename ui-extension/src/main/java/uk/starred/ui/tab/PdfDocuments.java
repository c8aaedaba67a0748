package uk.starred.ui.tab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import uk.starred.api.audit.SubjectAccessExport;
import uk.starred.api.concern.Concern;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.procedure.ProcedureLibrary;

/**
 * The documents CAFCASS, a court or a child's family take, as PDF: the CAFCASS referral pack (with its
 * chronology) and everything held about a child for a subject access request. Each is the page the screens show,
 * without the screen's links, laid out for A4 and made into a tagged PDF (PDF/UA: headings, tables and reading
 * order marked for screen readers, the language and title set, the font embedded).
 */
public final class PdfDocuments {

    /** Where the tab's links fetch each document. */
    public static final String ROOT = "/starred/documents";

    /** The font every document is set in, embedded: Liberation Sans, which PDFBox carries (SIL Open Font Licence). */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final String FAMILY = "Liberation Sans";

    /** A4, with room to hole-punch, and each page numbered. */
    private static final String STYLE = "@page { size: A4; margin: 20mm 18mm 22mm 18mm;"
            + " @bottom-center { content: 'Page ' counter(page) ' of ' counter(pages); font-family: '" + FAMILY + "';"
            + " font-size: 9pt; color: #505a5f; } }"
            + " body { font-family: '" + FAMILY + "'; font-size: 11pt; line-height: 1.35; color: #0b0c0c; }"
            + " h1, h2 { font-size: 18pt; margin: 0 0 8pt 0; } h3 { font-size: 14pt; margin: 14pt 0 6pt 0; }"
            + " h4 { font-size: 12pt; margin: 10pt 0 4pt 0; } p { margin: 0 0 6pt 0; }"
            + " table { width: 100%; border-collapse: collapse; margin: 0 0 10pt 0; -fs-table-paginate: paginate; }"
            + " th, td { border-bottom: 1px solid #b1b4b6; padding: 4pt 6pt 4pt 0; text-align: left;"
            + " vertical-align: top; } th { font-size: 10pt; } tr { page-break-inside: avoid; }"
            + " .starred-visually-hidden { position: absolute; left: -10000px; } .starred-no-print { display: none; }"
            // a table's caption is hidden on screen, where the heading above says the same; on paper it stays, the
            // table's own title for a screen reader (and a caption taken out of the flow breaks the table's layout)
            + " caption, caption.starred-visually-hidden { position: static; text-align: left; font-size: 10pt;"
            + " color: #505a5f; padding: 0 0 3pt 0; }"
            + " .starred-lead { font-size: 12pt; }";

    private final CafcassPack pack;
    private final Words words;

    public PdfDocuments(Words words, ProcedureLibrary procedures, Clock clock) {
        this.words = words;
        this.pack = new CafcassPack(words, procedures, clock);
    }

    /** @return the address of the concern's CAFCASS referral pack as a PDF */
    public static String cafcassPackPath(String concernId) {
        return ROOT + "/concerns/" + URLEncoder.encode(concernId, StandardCharsets.UTF_8) + "/cafcass-pack.pdf";
    }

    /** @return the address of everything held about the child as a PDF */
    public static String subjectAccessPath(String childId) {
        return ROOT + "/children/" + URLEncoder.encode(childId, StandardCharsets.UTF_8).replace("+", "%20")
                + "/subject-access.pdf";
    }

    public byte[] cafcassPack(ChildRecord child, Concern concern) {
        StringBuilder body = new StringBuilder();
        try {
            pack.render(null, child, concern, new Out(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf("CAFCASS referral pack: " + child.displayName(), body.toString());
    }

    public byte[] subjectAccess(ChildRecord child, SubjectAccessExport export) {
        StringBuilder body = new StringBuilder();
        try {
            new SubjectAccessDocument(words).render(null, child, export, new Out(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf("Everything held about " + child.displayName(), body.toString());
    }

    /**
     * The page as a tagged PDF: the markup parsed as a browser parses it (so what the screens show is what is
     * printed), its title and language set for the PDF's reader.
     */
    static byte[] pdf(String title, String bodyMarkup) {
        return pdf(title, bodyMarkup, "");
    }

    /** As {@link #pdf(String, String)}, with the document's own styles added to the printed page's. */
    public static byte[] pdf(String title, String bodyMarkup, String moreStyle) {
        Document page = Jsoup.parse("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"></head><body>"
                + bodyMarkup + "</body></html>");
        page.title(title);
        page.head().appendElement("style").text(STYLE + moreStyle);
        page.select(".starred-no-print").remove();
        // nothing in a document is a link to follow: the screens' links make no sense on paper
        page.select("a").unwrap();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessbility(true);
        builder.useFont(PdfDocuments::font, FAMILY);
        builder.withW3cDocument(new W3CDom().fromJsoup(page), "/");
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the document could not be made into a PDF", e);
        }
        return pdf.toByteArray();
    }

    private static InputStream font() {
        InputStream in = org.apache.pdfbox.pdmodel.PDDocument.class.getResourceAsStream(FONT);
        if (in == null) {
            throw new IllegalStateException("PDFBox's Liberation Sans is missing: the documents need it embedded");
        }
        return in;
    }
}
