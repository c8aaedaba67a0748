package uk.starred.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every endpoint and method of the REST API of the running demo distribution, sent hostile input generated
 * from its own OpenAPI document: wrong types, missing and extra fields, 1 MB strings, deep nesting, NUL and
 * other control characters, lone surrogates, invalid dates, injection strings, path traversal and control
 * characters in ids, wrong content types and methods, and bodies that are not JSON. At least 10,000
 * requests: not one is answered 5xx or with a stack trace, each refusal is JSON with a message, a refusal
 * of a field names the field, and nothing is stored. The generator is seeded, so a failure repeats. Run on the
 * demo's embedded H2 ({@link RestFuzzIT}) and on PostgreSQL ({@link RestFuzzOnPostgresqlIT}).
 */
public abstract class RestFuzzing {

    /** @return the running distribution the requests go to */
    protected abstract DemoDistribution demo();

    private static final String API = "/starred/api/v1";
    /** A looked-after child with a concern and a review timetable in the demo. */
    private static final String CHILD = "DEMO-002-S2";
    private static final int AT_LEAST = 10_000;

    private static final List<String> HOSTILE = List.of("", " ", "\u0000", "a\u0000b", "\u0007bell", "\ud800",
            "\udfff x", "\u202Eevil", "\uD83D\uDE00", "' OR 1=1 --", "\"; DROP TABLE concern; --",
            "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "%s%n%x", "../../../../etc/passwd",
            "..\\..\\windows", "2026-02-30", "31/12/2026", "99999-01-01", "-1", "1e309", "9223372036854775808",
            "NaN", "true", "null", "[]", "{}");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Random random = new Random(20261207L);
    private int sent;
    /** Answers from outside the API: the host's pages, for paths that resolve elsewhere. */
    private int answeredOutsideApi;

    private record Endpoint(String method, String template, Map<String, String> fields, List<String> required) {
    }

    @Test
    public void hostileInputToEveryEndpointIsRefusedClearlyAndStoresNothing() throws Exception {
        String concern = firstConcern();
        String before = state(concern);
        List<Endpoint> endpoints = endpoints();
        assertTrue("the document lists the commands", endpoints.size() > 40);

        while (sent < AT_LEAST) {
            for (Endpoint e : endpoints) {
                String path = fill(e.template(), concern);
                if (e.method().equals("get")) {
                    check(send("GET", hostilePath(e.template(), concern), "application/json", null), null);
                    check(send(random.nextBoolean() ? "DELETE" : "PUT", path, "application/json", "{}"), null);
                    continue;
                }
                // a body with one field made hostile, the others as a caller might send them
                for (String field : e.fields().keySet()) {
                    Map<String, Object> body = plausible(e);
                    body.put(field, hostile(e.fields().get(field)));
                    check(send("POST", path, "application/json", json.writeValueAsString(body)), null);
                }
                Map<String, Object> extra = plausible(e);
                extra.put("zzUnknown", "x");
                check(sendAs("demo-iro", "POST", path, "application/json", json.writeValueAsString(extra)),
                        "zzUnknown");
                for (String field : e.required()) {
                    if (field.equals("version")) {
                        continue;
                    }
                    Map<String, Object> missing = plausible(e);
                    missing.remove(field);
                    missing.put("version", 999_999);
                    check(send("POST", path, "application/json", json.writeValueAsString(missing)), null);
                }
                check(send("POST", path, pick(List.of("text/plain", "application/xml",
                        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")), "a=1"), null);
                check(send("POST", path, "application/json", pick(List.of("{", "[1,2]", "null", "\"text\"", "{\"a\":",
                        "[".repeat(5000) + "]".repeat(5000), deep(3000)))), null);
                check(send("POST", hostilePath(e.template(), concern), "application/json", "{}"), null);
                check(send("POST", path, "application/json", "{\"version\":1,\"x\":\"" + "y".repeat(1_100_000)
                        + "\"}"), null);
            }
        }
        assertEquals("nothing was stored by " + sent + " hostile requests", before, state(concern));
        System.out.println(getClass().getSimpleName() + ": " + sent + " hostile requests, none answered 5xx; " + answeredOutsideApi
                + " answered by the host's own pages, their paths resolving outside the API");
        HttpResponse<String> verified = get(API + "/children/" + CHILD + "/verification", "demo-iro-manager");
        assertEquals(verified.body(), 200, verified.statusCode());
        assertTrue(verified.body(), verified.body().contains("\"problems\":[]"));
    }

    /** The endpoints of the OpenAPI document, each with its body's fields and their types. */
    private List<Endpoint> endpoints() throws Exception {
        JsonNode doc = json.readTree(get(API + "/openapi.json", null).body());
        List<Endpoint> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            if (path.getKey().equals("/openapi.json")) {
                continue;
            }
            for (String method : List.of("get", "post")) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                Map<String, String> fields = new TreeMap<>();
                List<String> required = new ArrayList<>();
                JsonNode schema = op.at("/requestBody/content/application~1json/schema");
                schema.path("properties").fields().forEachRemaining(f -> fields.put(f.getKey(),
                        f.getValue().path("type").asText("string") + f.getValue().path("format").asText("")));
                schema.path("required").forEach(r -> required.add(r.asText()));
                out.add(new Endpoint(method, path.getKey(), fields, required));
            }
        }
        return out;
    }

    private String fill(String template, String concern) {
        return API + template.replace("{childId}", CHILD).replace("{concernId}", concern);
    }

    /** The path with its id made hostile: traversal, control characters, broken encoding, a huge id. */
    private String hostilePath(String template, String concern) {
        String id = pick(List.of("..%2F..%2Fetc%2Fpasswd", "%00", "%2e%2e", "a%ZZ", "%ff%fe", "%E2%80%AE",
                "x".repeat(5000), "%27%20OR%201%3D1", URLEncoder.encode("<script>", StandardCharsets.UTF_8),
                "..;", "%0d%0aSet-Cookie:%20x=y", "%C0%AF"));
        String path = template.contains("{childId}") ? template.replace("{childId}", id)
                : template.replace("{concernId}", id);
        return API + (path.equals(template) ? template + "/" + id : path).replace("{concernId}", concern);
    }

    /** A body as a caller might send it: each field a value of its type (the version a real one rarely). */
    private Map<String, Object> plausible(Endpoint e) {
        Map<String, Object> body = new LinkedHashMap<>();
        e.fields().forEach((name, type) -> body.put(name, switch (type) {
            case "integer" -> name.equals("version") ? 999_999 : 1;
            case "boolean" -> true;
            case "array" -> List.of("x");
            case "stringdate" -> "2026-12-31";
            default -> "x";
        }));
        return body;
    }

    private Object hostile(String type) {
        return switch (random.nextInt(6)) {
            case 0 -> pick(HOSTILE);
            case 1 -> type.startsWith("string") ? 12345 : "not a " + type;
            case 2 -> Map.of("nested", Map.of("deeper", List.of(1, 2)));
            case 3 -> List.of(pick(HOSTILE), Map.of("a", 1));
            case 4 -> "z".repeat(random.nextBoolean() ? 4001 : 100_001);
            default -> pick(List.of("2026-13-01", "2026-02-29T25:61", "yesterday", "0000-00-00", "+999999-01-01"));
        };
    }

    private static String deep(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /**
     * Not a 5xx; no trace of the server's insides; a refusal is JSON with its message; a refused field named
     * where one is expected.
     */
    private void check(HttpResponse<String> answer, String field) {
        String body = answer.body() == null ? "" : answer.body();
        String what = answer.request().method() + " " + shorten(answer.uri().toString()) + " -> " + answer.statusCode()
                + " " + shorten(body);
        assertTrue(what, answer.statusCode() < 500);
        for (String inside : List.of("Exception", "\tat ", "at uk.starred", "org.hibernate", "java.lang.",
                "org.eclipse.jetty", "SQL")) {
            assertTrue("no trace of the server: " + what, !body.contains(inside));
        }
        // a path that resolves outside the API once its dots are followed ("children/..%2F..%2Fetc") never reaches
        // Starred: the host's own page answers it, as any unknown address of the host; the API answers in JSON
        boolean api = !body.startsWith("<");
        if (!api) {
            answeredOutsideApi++;
        }
        if (answer.statusCode() >= 400 && api) {
            assertTrue("a refusal is JSON with its message: " + what,
                    answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                            && body.contains("\"message\""));
        }
        if (field != null) {
            assertEquals(what, 400, answer.statusCode());
            assertTrue("the refusal names the field: " + what, body.contains(field));
        }
    }

    private static String shorten(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private String firstConcern() throws Exception {
        HttpResponse<String> list = get(API + "/children/" + CHILD + "/concerns", "demo-iro");
        assertEquals(list.body(), 200, list.statusCode());
        return list.body().replaceFirst("(?s)^\\[\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }

    /** What is stored for the child that a command could change: its concerns and its review timetable. */
    private String state(String concern) throws Exception {
        return get(API + "/children/" + CHILD + "/concerns", "demo-iro").body() + "\n"
                + get(API + "/children/" + CHILD + "/reviews", "demo-iro").body() + "\n"
                + get(API + "/concerns/" + concern, "demo-iro").body();
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(demo().url(path))).timeout(Duration.ofSeconds(30));
        if (user != null) {
            b.header("Authorization", basic(user));
        }
        return client.send(b.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
        // most requests by the child's IRO, some by a worker with few rights, some by no one
        int who = random.nextInt(10);
        return sendAs(who < 6 ? "demo-iro" : who < 8 ? "demo-social-worker" : null, method, path, type, body);
    }

    private HttpResponse<String> sendAs(String user, String method, String path, String type, String body)
            throws Exception {
        sent++;
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(demo().url(path))).timeout(Duration.ofSeconds(30));
        } catch (IllegalArgumentException notAUri) {
            // a path the client itself will not send; the server is not reached
            return get(API + "/procedures", "demo-iro");
        }
        if (user != null) {
            b.header("Authorization", basic(user));
        }
        if (type != null) {
            b.header("Content-Type", type);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
