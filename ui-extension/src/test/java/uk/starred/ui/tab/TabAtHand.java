package uk.starred.ui.tab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.starred.api.ui.CaseScreens;
import uk.starred.api.ui.CaseView;
import uk.starred.api.ui.TabOutcome;
import uk.starred.impl.testing.Engine;

/** The tab as a person uses it on a child's case: drawn for them, and a form posted by them. */
final class TabAtHand {

    private final Engine engine;
    private final DisputeResolutionTab tab;

    TabAtHand(Engine engine) {
        this.engine = engine;
        this.tab = new DisputeResolutionTab(engine.concerns(), engine.alerts(), engine.host(), engine.host(),
                engine.library, engine.calendar, engine.goodPractice, engine.subjectAccess, engine.clock());
    }

    /** @return the form's fields from name and value pairs, in order */
    static Map<String, List<String>> form(String... pairs) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], List.of(pairs[i + 1]));
        }
        return form;
    }

    TabOutcome act(String who, String child, Map<String, List<String>> form) {
        return engine.host().as(who, () -> tab.act(view(who, child, form)));
    }

    String render(String who, String child) {
        return render(who, child, Map.of());
    }

    /** The tab drawn with the page's parameters given, such as {@code view=subject-access}. */
    String render(String who, String child, Map<String, List<String>> parameters) {
        StringBuilder out = new StringBuilder();
        engine.host().as(who, () -> {
            try {
                tab.render(view(who, child, parameters), out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
        return out.toString();
    }

    private static CaseView view(String who, String child, Map<String, List<String>> parameters) {
        return new CaseView(CaseScreens.CHILD, who, child, parameters, "/case/" + child, "csrf", "token-123",
                "/case/{childId}");
    }
}
