package uk.starred.api.ui;

import java.util.Map;
import java.util.Objects;

/**
 * Where an alert leads: a tab on a host screen, with the query to open it at the right place.
 *
 * @param screen one of {@link CaseScreens}
 * @param tabKey the {@link CaseTab#KEY} of the tab
 * @param query  further query parameters for the tab, such as the concern to show
 * @param anchor a fragment identifier within the tab, or {@code null}
 */
public record AlertLink(String screen, String tabKey, Map<String, String> query, String anchor) {

    public AlertLink {
        Objects.requireNonNull(screen, "screen");
        Objects.requireNonNull(tabKey, "tabKey");
        query = Map.copyOf(query);
    }
}
