package uk.starred.ui.tab;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static uk.starred.testkit.seeds.Scenario.london;
import static uk.starred.ui.tab.TabAtHand.form;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import uk.starred.api.concern.Concern;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.ui.TabOutcome;
import uk.starred.impl.testing.Engine;
import uk.starred.impl.testing.TestDatabase;
import uk.starred.testkit.seeds.SeedProcedures;

/**
 * The CAFCASS referral pack and everything held about a child as PDF documents: what the screens show, as text a
 * reader can search and a screen reader can follow (tagged, its language and title set, its font embedded), with
 * what people wrote shown as they wrote it.
 */
public class PdfDocumentsTest {

    private static final String CHILD = "child-1";
    private static final String WRITTEN = "Drift. <img src=x onerror=alert(1)> & \"more\"";

    private Engine engine;
    private TabAtHand tab;
    private PdfDocuments documents;

    @Before
    public void setUp() {
        engine = new Engine(TestDatabase.Kind.H2, london("2026-11-02T09:00")).withSeed(SeedProcedures.STARRED_DECISIONS_000);
        engine.host().child(CHILD, Cohort.LOOKED_AFTER).role("iro", "IRO", CHILD).role("tm", "TEAM_MANAGER", CHILD)
                .overseer("qa");
        tab = new TabAtHand(engine);
        documents = new PdfDocuments(new Words(engine.calendar.zone(), engine.host()), engine.library, engine.clock());
    }

    @After
    public void tearDown() {
        engine.close();
    }

    private Concern raised() {
        Map<String, List<String>> raise = form("op", "raise", "procedure", "seed-000-starred-decisions@2.0.0",
                "origin", "STARRED_DECISION", "description", WRITTEN, "remedyWanted", "A plan.", "remedyDueBy",
                "2026-11-20", "responsiblePerson", "tm");
        raise.put("reasons", List.of("DRIFT_OR_DELAY"));
        TabOutcome done = tab.act("iro", CHILD, raise);
        assertTrue(done.message(), done.isDone());
        return engine.host().as("iro", () -> engine.concerns().concernsForChild(CHILD)).get(0);
    }

    private ChildRecord child() {
        return engine.host().child(CHILD).orElseThrow();
    }

    @Test
    public void theReferralPackIsATaggedPdfWithTheChecklistTheChronologyAndWhatWasWrittenAsText() throws IOException {
        Concern concern = raised();
        byte[] pdf = engine.host().as("iro", () -> documents.cafcassPack(child(), concern));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertAccessible(document, "CAFCASS referral pack: " + child().displayName());
            String text = new PDFTextStripper().getText(document);
            assertTrue(text, text.contains("CAFCASS referral pack"));
            assertTrue("the checklist: " + text, text.contains("Copies of any final care order"));
            assertTrue("the chronology: " + text, text.contains("Starred decision raised"));
            assertTrue("the IRO's report: " + text, text.contains("The IRO's report (draft)"));
            assertTrue("what the IRO wrote, as written: " + text, text.contains("<img src=x onerror=alert(1)>"));
            assertTrue("no screen's links on paper: " + text, !text.contains("Back to the concern"));
            assertTrue("each page numbered: " + text, text.contains("Page 1 of " + document.getNumberOfPages()));
        }
    }

    @Test
    public void everythingHeldAboutAChildIsATaggedPdfOfEverySection() throws IOException {
        raised();
        byte[] pdf = engine.host().as("qa", () -> documents.subjectAccess(child(),
                engine.subjectAccess.export(CHILD)));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertAccessible(document, "Everything held about " + child().displayName());
            String text = new PDFTextStripper().getText(document);
            for (String section : List.of("Concerns", "Audit trail", "Notes and messages written about the child",
                    "Who has seen these records")) {
                assertTrue(section + " in " + text, text.contains(section));
            }
            assertTrue(text, text.contains("<img src=x onerror=alert(1)>"));
        }
    }

    /** PDF/UA's own marks: a structure tree, marked content, the language, the title shown, the fonts embedded. */
    private static void assertAccessible(PDDocument document, String title) throws IOException {
        assertNotNull("a structure tree", document.getDocumentCatalog().getStructureTreeRoot());
        assertTrue("marked as tagged", document.getDocumentCatalog().getMarkInfo() != null
                && document.getDocumentCatalog().getMarkInfo().isMarked());
        assertEquals("en-GB", document.getDocumentCatalog().getLanguage());
        assertEquals(title, document.getDocumentInformation().getTitle());
        assertTrue("the title shown, not the file name", document.getDocumentCatalog().getViewerPreferences() != null
                && document.getDocumentCatalog().getViewerPreferences().displayDocTitle());
        List<String> notEmbedded = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                if (!font.isEmbedded()) {
                    notEmbedded.add(font.getName());
                }
            }
        }
        assertEquals("every font embedded", List.of(), notEmbedded);
    }
}
