package uk.starred.delivery.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import uk.starred.api.host.Notification;
import uk.starred.delivery.common.NoticeContent;

/**
 * The e-mail settings, checked: each problem named by its setting, all at once, before anything is sent.
 *
 * @param protocol     {@code smtp} or {@code smtps}
 * @param content      what a message carries: the text or only a pointer, and the link
 */
record MailServer(String host, int port, String protocol, boolean startTls, String trustedHosts, String username,
        String password, InternetAddress from, InternetAddress replyTo, NoticeContent content, int timeoutSeconds) {

    static MailServer of(EmailSettings s) {
        List<String> problems = new ArrayList<>();
        String host = s.host() == null ? "" : s.host().strip();
        if (host.isEmpty() || host.contains(" ")) {
            problems.add("host: the mail server's host name is missing");
        }
        if (s.port() < 1 || s.port() > 65535) {
            problems.add("port: " + s.port() + " is not a port (1 to 65535)");
        }
        String security = s.security() == null ? "" : s.security().strip().toLowerCase(Locale.ROOT);
        if (!List.of("starttls", "tls", "none").contains(security)) {
            problems.add("security: must be starttls, tls or none");
        }
        InternetAddress from = address("from", s.from(), true, problems);
        InternetAddress replyTo = address("replyTo", s.replyTo(), false, problems);
        NoticeContent content = NoticeContent.of(s.content(), s.caseLink(), problems);
        if (s.timeoutSeconds() < 1 || s.timeoutSeconds() > 30) {
            problems.add("timeoutSeconds: must be 1 to 30");
        }
        String username = s.username() == null ? "" : s.username().strip();
        String password = s.password() == null ? "" : s.password();
        if (username.isEmpty() != password.isEmpty()) {
            problems.add(username.isEmpty() ? "username: a password is set without a user name"
                    : "password: a user name is set without a password");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(EmailNotifier.PID + " cannot be used: " + String.join("; ", problems));
        }
        return new MailServer(host, s.port(), security.equals("tls") ? "smtps" : "smtp", security.equals("starttls"),
                s.trustedHosts() == null ? "" : s.trustedHosts().strip(), username.isEmpty() ? null : username,
                password.isEmpty() ? null : password, from, replyTo, content, s.timeoutSeconds());
    }

    private static InternetAddress address(String setting, String value, boolean required, List<String> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(setting + ": the address is missing");
            }
            return null;
        }
        try {
            return new InternetAddress(value.strip(), true);
        } catch (AddressException e) {
            problems.add(setting + ": not an e-mail address");
            return null;
        }
    }

    /** The sender's domain, for Message-IDs. */
    String domain() {
        String address = from.getAddress();
        return address.substring(address.indexOf('@') + 1);
    }

    /** Jakarta Mail's session properties for this server; never the password. */
    Properties sessionProperties() {
        Properties p = new Properties();
        String millis = Integer.toString(timeoutSeconds * 1000);
        String prefix = "mail." + protocol + ".";
        p.setProperty(prefix + "host", host);
        p.setProperty(prefix + "port", Integer.toString(port));
        p.setProperty(prefix + "auth", Boolean.toString(username != null));
        p.setProperty(prefix + "connectiontimeout", millis);
        p.setProperty(prefix + "timeout", millis);
        p.setProperty(prefix + "writetimeout", millis);
        if (startTls) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        if (trustedHosts.isEmpty()) {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        } else {
            // a council relay's own certificate, trusted by the host's name as configured: no authority
            // vouches for the name in it
            p.setProperty(prefix + "ssl.trust", trustedHosts);
            p.setProperty(prefix + "ssl.checkserveridentity", "false");
        }
        p.setProperty("mail.transport.protocol", protocol);
        return p;
    }

    /** The message's text: the notification's, or only a pointer to it, with the link to the child's tab. */
    String text(Notification n) {
        String link = content.link(n);
        StringBuilder text = new StringBuilder(content.body(n)).append("\n\n");
        if (link != null) {
            text.append("Open the child's Starred tab: ").append(link).append("\n\n");
        }
        text.append("This message was sent by Starred, from the council's case management system.\n");
        return text.toString();
    }

    @Override
    public String toString() {
        // never the password, and nothing that names a person
        return "MailServer[" + protocol + "://" + host + ":" + port + "]";
    }
}
