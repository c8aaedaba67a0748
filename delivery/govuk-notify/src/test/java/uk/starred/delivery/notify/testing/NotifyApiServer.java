package uk.starred.delivery.notify.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on 127.0.0.1 that speaks GOV.UK Notify's documented API for sending an e-mail, as far as Starred
 * uses it, and checks what Notify checks: {@code POST /v2/notifications/email} with a bearer token (HS256, signed
 * with the API key's secret, issued by the service id, its {@code iat} within 30 seconds of the server's clock), a
 * JSON body of {@code email_address}, {@code template_id}, {@code personalisation}, {@code reference} and
 * {@code email_reply_to_id} and nothing else, every placeholder of the template given; answered 201 with the
 * documented reply, or the documented error body ({@code {"status_code", "errors": [{"error", "message"}]}}).
 */
public final class NotifyApiServer implements AutoCloseable {

    /** An e-mail Notify accepted. */
    public record Sent(String id, String emailAddress, String templateId, Map<String, String> personalisation,
            String reference, String subject, String body) {
    }

    /** A template of the service: its subject and body, with ((placeholders)). */
    public record Template(String id, String subject, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([^()]+)\\)\\)");
    private static final Set<String> FIELDS = Set.of("email_address", "template_id", "personalisation", "reference",
            "email_reply_to_id", "one_click_unsubscribe_url");

    private final String serviceId = UUID.randomUUID().toString();
    private final String secret = UUID.randomUUID().toString();
    private final Map<String, Template> templates = new LinkedHashMap<>();
    private final Clock clock;
    private final HttpServer server;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Integer> answers = new CopyOnWriteArrayList<>();
    private final Deque<int[]> refusals = new ArrayDeque<>();

    public NotifyApiServer(Clock clock, Template... templates) throws IOException {
        this.clock = clock;
        for (Template t : templates) {
            this.templates.put(t.id(), t);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/notifications/email", this::sendEmail);
        server.start();
    }

    /** The template Starred's docs give a council: subject ((subject)), body ((body)) and ((link)). */
    public static Template starredTemplate() {
        return new Template(UUID.randomUUID().toString(), "((subject))", "((body))\n\n((link))");
    }

    /** The address Starred's baseUrl setting takes. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A key as Notify gives one: its name, the service id and the secret. */
    public String apiKey() {
        return "starred_test-" + serviceId + "-" + secret;
    }

    /** A key of this service with another secret: Notify does not know it. */
    public String wrongApiKey() {
        return "starred_test-" + serviceId + "-" + UUID.randomUUID();
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The status of every answer given, in order. */
    public List<Integer> answers() {
        return List.copyOf(answers);
    }

    /** The next {@code times} sends are refused as Notify refuses when over its rate limit. */
    public synchronized void rateLimitNext(int times) {
        refusals.add(new int[] {429, times});
    }

    /** The next {@code times} sends fail as Notify's own fault does. */
    public synchronized void failNext(int times) {
        refusals.add(new int[] {500, times});
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void sendEmail(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, error(405, "MethodNotAllowedError", "The method is not allowed"));
                return;
            }
            Integer refused = refusal();
            if (refused != null) {
                answer(exchange, refused, refused == 429
                        ? error(429, "RateLimitError", "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds")
                        : error(500, "Exception", "Internal server error"));
                return;
            }
            String authError = authError(exchange.getRequestHeaders().getFirst("Authorization"));
            if (authError != null) {
                answer(exchange, 403, error(403, "AuthError", authError));
                return;
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.startsWith("application/json")) {
                answer(exchange, 400, error(400, "BadRequestError", "Content-Type header is not application/json"));
                return;
            }
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                body = JSON.readTree(in);
            } catch (IOException e) {
                answer(exchange, 400, error(400, "BadRequestError", "Invalid JSON supplied in POST data"));
                return;
            }
            answer(exchange, body);
        }
    }

    private void answer(HttpExchange exchange, JsonNode body) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add("Additional properties are not allowed (" + name + " was unexpected)");
            }
        }
        String email = body.path("email_address").asText("");
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add("email_address Not a valid email address");
        }
        if (body.has("reference") && !body.get("reference").isTextual()) {
            problems.add("reference is not of type string");
        }
        Template template = templates.get(body.path("template_id").asText(""));
        if (!problems.isEmpty()) {
            answer(exchange, 400, error(400, "ValidationError", String.join(", ", problems)));
            return;
        }
        if (template == null) {
            answer(exchange, 400, error(400, "BadRequestError", "Template not found"));
            return;
        }
        Map<String, String> personalisation = new LinkedHashMap<>();
        body.path("personalisation").fields().forEachRemaining(e -> personalisation.put(e.getKey(), e.getValue().asText()));
        List<String> missing = new ArrayList<>();
        String subject = fill(template.subject(), personalisation, missing);
        String text = fill(template.body(), personalisation, missing);
        if (!missing.isEmpty()) {
            answer(exchange, 400, error(400, "BadRequestError", "Missing personalisation: " + String.join(", ",
                    missing.stream().distinct().toList())));
            return;
        }
        String id = UUID.randomUUID().toString();
        String reference = body.hasNonNull("reference") ? body.get("reference").asText() : null;
        sent.add(new Sent(id, email, template.id(), personalisation, reference, subject, text));
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("id", id);
        reply.put("reference", reference);
        reply.put("content", Map.of("subject", subject, "body", text, "from_email", "starred@notifications.service.gov.uk"));
        reply.put("uri", baseUrl() + "/v2/notifications/" + id);
        reply.put("template", Map.of("id", template.id(), "version", 1, "uri", baseUrl() + "/v2/template/" + template.id()
                + "/version/1"));
        answer(exchange, 201, JSON.writeValueAsString(reply));
    }

    private static String fill(String text, Map<String, String> values, List<String> missing) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).strip();
            String value = values.get(name);
            if (value == null) {
                missing.add(name);
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private synchronized Integer refusal() {
        int[] next = refusals.peek();
        if (next == null) {
            return null;
        }
        if (--next[1] <= 0) {
            refusals.poll();
        }
        return next[0];
    }

    /** Checks the bearer token as Notify does; @return why it is refused, or {@code null} */
    private String authError(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return "Unauthorized: authentication token must be provided";
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        if (parts.length != 3) {
            return "Invalid token: signature, api token is not valid";
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (!"HS256".equals(header.path("alg").asText())) {
                return "Invalid token: algorithm used is not HS256";
            }
            if (!serviceId.equals(claims.path("iss").asText())) {
                return "Invalid token: service not found";
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                return "Invalid token: API key not found";
            }
            if (!claims.path("iat").isIntegralNumber()
                    || Math.abs(clock.instant().getEpochSecond() - claims.get("iat").asLong()) > 30) {
                return "Error: Your system clock must be accurate to within 30 seconds";
            }
            return null;
        } catch (IOException | IllegalArgumentException | GeneralSecurityException e) {
            return "Invalid token: signature, api token is not valid";
        }
    }

    private static String error(int status, String error, String message) throws IOException {
        return JSON.writeValueAsString(Map.of("status_code", status,
                "errors", List.of(Map.of("error", error, "message", message))));
    }

    private void answer(HttpExchange exchange, int status, String json) throws IOException {
        answers.add(status);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
