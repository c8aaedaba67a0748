package uk.starred.ui;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.Test;


public class OverviewPageTest {

    @Test
    public void saysSoWhenNothingIsOpen() {
        String page = OverviewPage.render(Map.of());
        assertTrue(page.contains("No concerns are open."));
        assertFalse(page.contains("<table"));
    }

    @Test
    public void showsTheOpenConcernsOfEachProcedureAndTheirTotal() {
        Map<String, Long> open = new LinkedHashMap<>();
        open.put("dispute-resolution-alert", 3L);
        open.put("starred-decisions", 2L);
        String page = OverviewPage.render(open);
        assertTrue(page, page.contains("Open concerns: 5"));
        assertTrue(page, page.contains("<td>dispute-resolution-alert</td><td class=\"count\">3</td>"));
        assertTrue(page, page.contains("<td>starred-decisions</td><td class=\"count\">2</td>"));
    }

    @Test
    public void escapesProcedureIds() {
        String page = OverviewPage.render(Map.of("<script>alert(1)</script>", 1L));
        assertFalse(page.contains("<script>"));
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
}
