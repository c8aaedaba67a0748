package uk.starred.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.concurrent.Executors;

/**
 * The demo's REST API as the reliability tests drive it: the reference host's Basic sign-in, a command in
 * JSON, every answer kept with how long it took, and no exception for a connection that failed (that is an
 * answer too: status 0).
 */
final class DemoClient {

    static final String API = "/starred/api/v1";
    static final String PROCEDURE = "seed-000-starred-decisions@2.0.0";

    /** One request and what came back. */
    record Answer(int status, String body, String retryAfter, long startedNanos, long millis, String location,
            String cookie) {

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    private final DemoDistribution demo;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "demo-client");
                t.setDaemon(true);
                return t;
            })).followRedirects(HttpClient.Redirect.NEVER).build();

    DemoClient(DemoDistribution demo) {
        this.demo = demo;
    }

    /** Raises a concern for the child under seed 000, with the marker as its description and remedy. */
    Answer raise(String child, String marker) {
        String due = LocalDate.now(ZoneId.of("Europe/London")).plusDays(20).toString();
        return send("POST", API + "/children/" + child + "/concerns", "demo-iro",
                "{\"procedure\":\"" + PROCEDURE + "\",\"origin\":\"STARRED_DECISION\",\"reasons\":[\"DRIFT_OR_DELAY\"],"
                        + "\"description\":\"" + marker + " drift in the plan\",\"remedyWanted\":\"" + marker
                        + " a plan\",\"remedyDueBy\":\"" + due + "\",\"responsiblePerson\":\"demo-team-manager\"}");
    }

    /** Signs in to the reference host's screens. @return the session's cookie */
    String signIn(String user) {
        Answer page = send("GET", "/host/login", null, null);
        String cookie = cookie(page);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(page.body());
        if (!token.find()) {
            throw new AssertionError("no page token on the sign-in page: " + page.status());
        }
        Answer done = form("/host/login", cookie, "csrf=" + java.net.URLEncoder.encode(token.group(1),
                StandardCharsets.UTF_8) + "&username=" + user + "&password=demo");
        if (done.status() != 302) {
            throw new AssertionError("sign-in as " + user + " answered " + done.status());
        }
        return cookie(done);
    }

    /** A screen, as the signed-in browser whose cookie is given asks for it. */
    Answer page(String path, String cookie) {
        return exchange(HttpRequest.newBuilder(URI.create(demo.url(path))).timeout(Duration.ofSeconds(60))
                .header("Cookie", cookie).GET());
    }

    private Answer form(String path, String cookie, String form) {
        return exchange(HttpRequest.newBuilder(URI.create(demo.url(path))).timeout(Duration.ofSeconds(60))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String cookie(Answer answer) {
        if (answer.cookie() == null) {
            throw new AssertionError("no session cookie in an answer " + answer.status());
        }
        return answer.cookie();
    }

    Answer get(String path, String user) {
        return send("GET", path, user, null);
    }

    Answer send(String method, String path, String user, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(demo.url(path)))
                .timeout(Duration.ofSeconds(60));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return exchange(request);
    }

    private Answer exchange(HttpRequest.Builder request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String cookie = response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';')))
                    .findFirst().orElse(null);
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After").orElse(null), started, since(started),
                    response.headers().firstValue("Location").orElse(null), cookie);
        } catch (IOException e) {
            return new Answer(0, e.toString(), null, started, since(started), null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted", null, started, since(started), null, null);
        }
    }

    private static long since(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
