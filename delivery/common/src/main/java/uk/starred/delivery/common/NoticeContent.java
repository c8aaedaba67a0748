package uk.starred.delivery.common;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import uk.starred.api.host.Notification;

/**
 * What a message about a notification carries, as the council chose with the settings {@code content} and
 * {@code caseLink}: the notification's text, or (content {@code link}) only a sentence pointing to the case
 * system, so that what people wrote about the child stays there; and the link to the child's Starred tab.
 *
 * @param linkOnly whether the text stays in the case system
 * @param caseLink the link with {@code {child}} and {@code {concern}} where the host's ids go, or {@code null}
 */
public record NoticeContent(boolean linkOnly, String caseLink) {

    /** What a message holds in place of the text, with content {@code link}. */
    public static final String POINTER = "There is a Starred notice for you about a child whose plan you work on.";

    /**
     * @param problems where each unusable setting is named (never its value)
     * @return the content, or {@code null} when a problem was found
     */
    public static NoticeContent of(String content, String caseLink, List<String> problems) {
        int before = problems.size();
        String mode = content == null ? "full" : content.strip().toLowerCase(Locale.ROOT);
        if (!List.of("full", "link").contains(mode)) {
            problems.add("content: must be full or link");
        }
        String link = caseLink == null ? "" : caseLink.strip();
        if (!link.isEmpty() && !(link.startsWith("https://") || link.startsWith("http://"))) {
            problems.add("caseLink: must be an http or https address");
        }
        if (mode.equals("link") && link.isEmpty()) {
            problems.add("caseLink: content 'link' needs the link to the child's Starred tab");
        }
        return problems.size() > before ? null : new NoticeContent(mode.equals("link"), link.isEmpty() ? null : link);
    }

    /** @return the notification's text, or the pointer to the case system */
    public String body(Notification n) {
        return linkOnly ? POINTER : n.body();
    }

    /** @return the link to the child's Starred tab, or {@code null} when the council gave none */
    public String link(Notification n) {
        if (caseLink == null) {
            return null;
        }
        return caseLink.replace("{child}", encode(n.childId())).replace("{concern}", encode(n.concernId()));
    }

    private static String encode(String id) {
        return id == null ? "" : URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
