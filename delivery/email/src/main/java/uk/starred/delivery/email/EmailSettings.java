package uk.starred.delivery.email;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** How Starred reaches the council's mail server: {@code etc/uk.starred.delivery.email.cfg}. */
@ObjectClassDefinition(name = "Starred e-mail delivery",
        description = "Notifications by e-mail over SMTP, each recipient their own message, to the address the"
                + " host's staff directory gives")
public @interface EmailSettings {

    @AttributeDefinition(name = "SMTP server", description = "the mail server's host name")
    String host();

    @AttributeDefinition(name = "Port", min = "1", max = "65535",
            description = "587 for submission with STARTTLS, 465 for TLS from the start, 25 for a relay")
    int port() default 587;

    @AttributeDefinition(name = "Security", options = {
            @Option(value = "starttls", label = "STARTTLS: the connection made secure before anything is sent"),
            @Option(value = "tls", label = "TLS from the start (SMTPS)"),
            @Option(value = "none", label = "none: only for a relay on the same trusted network")})
    String security() default "starttls";

    @AttributeDefinition(name = "Trusted hosts", required = false,
            description = "hosts whose certificate is trusted without a certificate authority (a council relay's"
                    + " own certificate), separated by spaces; empty to check every certificate")
    String trustedHosts() default "";

    @AttributeDefinition(name = "User name", required = false, description = "empty when the server asks none")
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "From", description = "the sender's address, e.g. starred-no-reply@council.gov.uk")
    String from();

    @AttributeDefinition(name = "Reply to", required = false, description = "where replies go; empty for the sender")
    String replyTo() default "";

    @AttributeDefinition(name = "Content", options = {
            @Option(value = "full", label = "the notification's subject and text, with the link"),
            @Option(value = "link", label = "the subject and a link only: the text stays in the case system")},
            description = "what the message holds; 'link' keeps what people wrote about the child out of e-mail")
    String content() default "full";

    @AttributeDefinition(name = "Link to the child's Starred tab", required = false,
            description = "an https address with {child} (and {concern}) where the host's ids go, e.g."
                    + " https://cases.council.gov.uk/children/{child}/starred; empty for none")
    String caseLink() default "";

    @AttributeDefinition(name = "Time-out (seconds)", min = "1", max = "30",
            description = "how long to wait for the server to connect, to answer each step, and to take a message;"
                    + " at most 30, so that a batch of notifications ends within its claim")
    int timeoutSeconds() default 30;
}
