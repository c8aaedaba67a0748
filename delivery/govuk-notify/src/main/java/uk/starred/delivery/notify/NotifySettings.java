package uk.starred.delivery.notify;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** How Starred reaches the council's GOV.UK Notify service: {@code etc/uk.starred.delivery.govuk.notify.cfg}. */
@ObjectClassDefinition(name = "Starred GOV.UK Notify delivery",
        description = "Notifications through GOV.UK Notify, by e-mail, each recipient their own, to the address the"
                + " host's staff directory gives, with the council's own template")
public @interface NotifySettings {

    @AttributeDefinition(name = "API key", type = AttributeType.PASSWORD,
            description = "a live (or team) key from the service's API integration page: key name, service id and"
                    + " secret; never logged or shown")
    String apiKey();

    @AttributeDefinition(name = "E-mail template id",
            description = "the template's id; it may use ((subject)), ((body)) and ((link))")
    String templateId();

    @AttributeDefinition(name = "Reply-to address id", required = false,
            description = "the id of one of the service's reply-to addresses; empty for the service's default")
    String emailReplyToId() default "";

    @AttributeDefinition(name = "Content", options = {
            @Option(value = "full", label = "the notification's text as ((body))"),
            @Option(value = "link", label = "a pointer to the case system as ((body)): the text is not sent")},
            description = "what ((body)) holds; 'link' keeps what people wrote about the child out of Notify")
    String content() default "full";

    @AttributeDefinition(name = "Link to the child's Starred tab", required = false,
            description = "an https address with {child} (and {concern}) where the host's ids go, sent as ((link));"
                    + " empty to send an empty ((link))")
    String caseLink() default "";

    @AttributeDefinition(name = "API address", description = "GOV.UK Notify's API; change only to test")
    String baseUrl() default "https://api.notifications.service.gov.uk";

    @AttributeDefinition(name = "Time-out (seconds)", min = "1", max = "30")
    int timeoutSeconds() default 30;
}
