package uk.starred.delivery.notify;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import uk.starred.api.host.Notification;
import uk.starred.delivery.common.NoticeContent;

/**
 * The GOV.UK Notify settings, checked: each problem named by its setting, all at once. The API key is split as
 * Notify's clients split it: its last 36 characters the secret, the 36 before them (and a hyphen) the service id.
 */
record NotifyService(String serviceId, String secret, String templateId, String replyToId, URI emails,
        NoticeContent content, Duration timeout) {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    static NotifyService of(NotifySettings s) {
        List<String> problems = new ArrayList<>();
        String key = s.apiKey() == null ? "" : s.apiKey().strip();
        String serviceId = null;
        String secret = null;
        if (key.length() < 74 || key.charAt(key.length() - 37) != '-'
                || !UUID.matcher(key.substring(key.length() - 73, key.length() - 37)).matches()
                || !UUID.matcher(key.substring(key.length() - 36)).matches()) {
            // never the key itself, even in part
            problems.add("apiKey: not a GOV.UK Notify API key (its name, service id and secret)");
        } else {
            serviceId = key.substring(key.length() - 73, key.length() - 37);
            secret = key.substring(key.length() - 36);
        }
        String template = s.templateId() == null ? "" : s.templateId().strip();
        if (!UUID.matcher(template).matches()) {
            problems.add("templateId: not a template id");
        }
        String replyTo = s.emailReplyToId() == null ? "" : s.emailReplyToId().strip();
        if (!replyTo.isEmpty() && !UUID.matcher(replyTo).matches()) {
            problems.add("emailReplyToId: not a reply-to address id");
        }
        NoticeContent content = NoticeContent.of(s.content(), s.caseLink(), problems);
        URI emails = null;
        String base = s.baseUrl() == null ? "" : s.baseUrl().strip();
        try {
            URI uri = URI.create(base.endsWith("/") ? base : base + "/");
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                problems.add("baseUrl: must be an http or https address");
            } else {
                emails = uri.resolve("v2/notifications/email");
            }
        } catch (IllegalArgumentException e) {
            problems.add("baseUrl: must be an http or https address");
        }
        if (s.timeoutSeconds() < 1 || s.timeoutSeconds() > 30) {
            problems.add("timeoutSeconds: must be 1 to 30");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(NotifyNotifier.PID + " cannot be used: " + String.join("; ", problems));
        }
        return new NotifyService(serviceId, secret, template, replyTo.isEmpty() ? null : replyTo, emails,
                content, Duration.ofSeconds(s.timeoutSeconds()));
    }

    /** What the template's ((body)) holds: the notification's text, or only a pointer to the case system. */
    String body(Notification n) {
        return content.body(n);
    }

    /** What the template's ((link)) holds: the child's Starred tab, or nothing. */
    String link(Notification n) {
        String link = content.link(n);
        return link == null ? "" : link;
    }

    @Override
    public String toString() {
        // never the secret
        return "NotifyService[" + emails + ", service " + serviceId + ", template " + templateId + "]";
    }
}
