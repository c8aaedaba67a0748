package uk.starred.api.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The page a tab is drawn on, as the host gives it.
 *
 * @param screen        the screen, one of {@link CaseScreens}
 * @param viewerId      the staff id of the signed-in person
 * @param childId       the child whose case screen this is, or {@code null} on a screen about no one child
 * @param parameters    the query parameters of the page, or on {@link CaseTab#act} the form's fields;
 *                      each name with its values in order
 * @param pageUrl       the page's own URL without query, where a tab's forms post and its links point
 * @param csrfParameter the form field name of the host's CSRF token
 * @param csrfToken     the host's CSRF token for this session
 * @param childScreenUrl the URL of any child's case screen, with {@value #CHILD_ID} standing for the
 *                       child's id, so a screen about many children can link to each
 */
public record CaseView(String screen, String viewerId, String childId, Map<String, List<String>> parameters,
        String pageUrl, String csrfParameter, String csrfToken, String childScreenUrl) {

    /** What stands for the child's id in {@link #childScreenUrl()}. */
    public static final String CHILD_ID = "{childId}";

    public CaseView {
        Objects.requireNonNull(screen, "screen");
        Objects.requireNonNull(viewerId, "viewerId");
        Objects.requireNonNull(pageUrl, "pageUrl");
        Objects.requireNonNull(childScreenUrl, "childScreenUrl");
        parameters = Map.copyOf(parameters);
    }

    /** @return the first value of the parameter, or {@code null} when absent */
    public String parameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** @return every value of the parameter, in order */
    public List<String> parameterValues(String name) {
        return parameters.getOrDefault(name, List.of());
    }

    /**
     * @param query the query parameters, in order; {@code null} values are left out
     * @return a link to this page with those parameters, not yet HTML-escaped
     */
    public String link(Map<String, String> query) {
        return withQuery(pageUrl, query);
    }

    /** @return the hidden form field carrying the host's CSRF token, HTML-escaped */
    public String csrfField() {
        return "<input type=\"hidden\" name=\"" + Html.escape(csrfParameter) + "\" value=\"" + Html.escape(csrfToken)
                + "\">";
    }

    /** @return the URL of the child's case screen, not yet HTML-escaped */
    public String childLink(String childId, Map<String, String> query) {
        return withQuery(childScreenUrl.replace(CHILD_ID, encode(childId)), query);
    }

    private static String withQuery(String base, Map<String, String> query) {
        String q = query.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return q.isEmpty() ? base : base + "?" + q;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
