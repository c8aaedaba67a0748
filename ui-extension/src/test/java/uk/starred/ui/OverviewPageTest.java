package uk.starred.ui;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.Test;

import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernStatus;
import uk.starred.api.procedure.ProcedureRef;

public class OverviewPageTest {

    private static Concern concern(String childId, String remedy) {
        return new Concern(ConcernId.random(), childId, new ProcedureRef("alerts", "1.0.0"), ConcernOrigin.RED_RAG_RATING,
                List.of("PLAN-DRIFT"), "Plan drifting", remedy, LocalDate.of(2026, 12, 1), "tm-1", "iro-1",
                Instant.parse("2026-07-01T08:30:00Z"), ConcernStatus.OPEN, null, null, 0);
    }

    @Test
    public void saysSoWhenNothingIsOpen() {
        String page = OverviewPage.render(List.of());
        assertTrue(page.contains("No concerns are open."));
        assertFalse(page.contains("<table"));
    }

    @Test
    public void listsEachOpenConcernWithLondonTimes() {
        String page = OverviewPage.render(List.of(concern("child-17", "Permanence plan by December")));
        assertTrue(page.contains("Open concerns (1)"));
        assertTrue(page.contains("child-17"));
        assertTrue(page.contains("Red RAG rating"));
        // 08:30 UTC on 1 July is 09:30 British Summer Time
        assertTrue(page.contains("1 Jul 2026 09:30"));
        assertTrue(page.contains("1 Dec 2026"));
        assertTrue(page.contains("alerts@1.0.0"));
    }

    @Test
    public void escapesEverythingTheRecordHolds() {
        String page = OverviewPage.render(List.of(concern("<script>alert(1)</script>", "\"quoted\" & 'single'")));
        assertFalse(page.contains("<script>"));
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(page.contains("&quot;quoted&quot; &amp; &#39;single&#39;"));
    }

    @Test
    public void describesOrigins() {
        assertEquals("Starred decision", OverviewPage.describe(ConcernOrigin.STARRED_DECISION));
        assertEquals("Missed statutory timetable", OverviewPage.describe(ConcernOrigin.MISSED_STATUTORY_TIMETABLE));
    }
}
