package uk.starred.delivery.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.starred.api.host.ChannelUnavailableException;
import uk.starred.api.host.Notification;
import uk.starred.api.host.Notifier;
import uk.starred.api.host.StaffDirectory;
import uk.starred.delivery.common.Recipients;

/**
 * Starred's notifications through GOV.UK Notify's documented REST API: one e-mail a recipient, sent with the
 * council's template ({@code POST /v2/notifications/email}, personalisation {@code subject}, {@code body} and
 * {@code link}), authenticated by a token signed with the API key's secret (HS256, issued by the service id, at
 * the moment of sending). A message Notify does not accept (refused, rate limited, Notify down) is an exception,
 * so the outbox tries it again with growing waits and, after its attempts run out, keeps it as a dead letter
 * ({@code starred:outbox --dead}). Each carries a reference made from the notification and the recipient, the same
 * on every attempt, so a rare repeat after a crash can be found in Notify.
 *
 * <p>Nothing about a message goes to the log: not its text, recipient or address; and never the API key.
 */
@Component(service = Notifier.class, configurationPid = NotifyNotifier.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {Notifier.CHANNEL + "=" + NotifyNotifier.CHANNEL, Notifier.EACH_RECIPIENT + ":Boolean=true"})
@Designate(ocd = NotifySettings.class)
public class NotifyNotifier implements Notifier {

    /** The configuration's persistent identity: {@code etc/uk.starred.delivery.govuk.notify.cfg}. */
    public static final String PID = "uk.starred.delivery.govuk.notify";

    /** The channel's name, as the outbox records it and an operator names it. */
    public static final String CHANNEL = "govuk-notify";

    private static final Logger LOG = LoggerFactory.getLogger(NotifyNotifier.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_HEADER = base64("{\"typ\":\"JWT\",\"alg\":\"HS256\"}");

    private final StaffDirectory staff;
    private final NotifyService service;
    private final Clock clock;
    private final HttpClient http;

    @Activate
    public NotifyNotifier(@Reference StaffDirectory staff, NotifySettings settings) {
        this(staff, NotifyService.of(settings), Clock.systemUTC());
    }

    NotifyNotifier(StaffDirectory staff, NotifyService service, Clock clock) {
        this.staff = staff;
        this.service = service;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(service.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        LOG.info("GOV.UK Notify delivery of Starred's notifications is on, with the service and template configured"
                + " in {}", PID);
    }

    @Override
    public void send(Notification notification) throws Exception {
        for (String recipient : notification.recipients()) {
            post(notification, recipient, Recipients.address(staff, recipient));
        }
    }

    /**
     * @throws ChannelUnavailableException Notify out of reach or not answering in time, refusing the key (403),
     *         rate limiting (429) or failing (5xx): nothing else is tried in the round
     * @throws NotifyRefusedException Notify refused this message (400), in its own words
     */
    private void post(Notification n, String staffId, String emailAddress)
            throws IOException, InterruptedException, ChannelUnavailableException {
        Map<String, Object> personalisation = new LinkedHashMap<>();
        personalisation.put("subject", n.subject());
        personalisation.put("body", service.body(n));
        personalisation.put("link", service.link(n));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email_address", emailAddress);
        body.put("template_id", service.templateId());
        body.put("personalisation", personalisation);
        body.put("reference", reference(n.id(), staffId));
        if (service.replyToId() != null) {
            body.put("email_reply_to_id", service.replyToId());
        }
        HttpRequest request = HttpRequest.newBuilder(service.emails()).timeout(service.timeout())
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .header("User-Agent", "starred-govuk-notify")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        HttpResponse<String> reply;
        try {
            reply = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ChannelUnavailableException("GOV.UK Notify could not be reached or did not answer in time ("
                    + e.getClass().getSimpleName() + ")");
        }
        int status = reply.statusCode();
        if (status == 403 || status == 429 || status >= 500) {
            throw new NotifyUnavailableException(status, errors(reply.body()));
        }
        if (status != 201) {
            throw new NotifyRefusedException(status, errors(reply.body()));
        }
    }

    /** Notify's errors as it documents them: {@code {"status_code": 400, "errors": [{"error", "message"}]}}. */
    private static String errors(String body) {
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            StringBuilder said = new StringBuilder();
            for (JsonNode e : errors) {
                said.append(said.length() == 0 ? "" : "; ").append(e.path("error").asText()).append(": ")
                        .append(e.path("message").asText());
            }
            return said.length() == 0 ? "no error given" : said.toString();
        } catch (IOException e) {
            return "an answer that is not Notify's JSON";
        }
    }

    /** A token as Notify asks: HS256, issued by the service, now; signed with the key's secret. */
    String token() {
        String claims = base64("{\"iss\":\"" + service.serviceId() + "\",\"iat\":" + clock.instant().getEpochSecond()
                + "}");
        String signed = TOKEN_HEADER + "." + claims;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(service.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signed + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }

    /** The same on every attempt for one notification and recipient; the staff id hashed. */
    static String reference(String notificationId, String staffId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(staffId.getBytes(StandardCharsets.UTF_8));
            return "starred-" + notificationId + "-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Notify takes nothing at the moment: the key refused (403), over the rate limit (429), Notify failing (5xx).
     * Its status and its errors as it said them.
     */
    static final class NotifyUnavailableException extends ChannelUnavailableException {
        private static final long serialVersionUID = 1L;
        private final int status;

        NotifyUnavailableException(int status, String errors) {
            super("GOV.UK Notify answered " + status + ": " + errors);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** Notify did not take this message: its status and its errors as it said them. */
    static final class NotifyRefusedException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        NotifyRefusedException(int status, String errors) {
            super("GOV.UK Notify answered " + status + ": " + errors);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
