package uk.starred.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.ClassRule;
import org.junit.Test;

/**
 * What a browser is told and what it may do, checked over HTTP against the running demo: the security headers on
 * every page (the host's and Starred's), the session cookie's attributes, a new session at sign-in, a form
 * posted without its page's token refused, and repeated wrong passwords slowed down without telling which
 * usernames exist.
 */
public class WebSecurityIT {

    @ClassRule
    public static final DemoDistribution demo = new DemoDistribution();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** A signed-in browser: its session cookie and the page token of its forms. */
    private record Session(String cookie, String token) {
    }

    @Test
    public void everyPageCarriesTheSecurityHeaders() throws Exception {
        Session iro = signIn("demo-iro", "demo");
        Session manager = signIn("demo-iro-manager", "demo");
        for (String path : List.of("/host/login", "/host/children", "/host/children/DEMO-000-S1",
                "/host/children/DEMO-002-S1?tab=looked-after-reviews", "/host/oversight", "/host/no-such-page",
                "/starred/api/v1/procedures", "/starred/api/v1/no-such")) {
            HttpResponse<String> page = get(path, path.contains("oversight") ? manager : iro);
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(path + ": " + csp, csp.contains("default-src 'self'"));
            assertTrue(path + ": scripts only from the site itself: " + csp, csp.contains("script-src 'self'"));
            assertFalse(path + ": no inline script or style: " + csp, csp.contains("unsafe-inline"));
            assertTrue(path + ": no framing by other sites: " + csp, csp.contains("frame-ancestors 'none'"));
            assertEquals(path, "nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
    }

    @Test
    public void theSessionCookieIsHttpOnlyAndSameSiteAndIsNewAtSignIn() throws Exception {
        HttpResponse<String> login = get("/host/login", null);
        String before = cookie(login);
        String header = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertTrue(header, header.contains("HttpOnly"));
        assertTrue(header, header.contains("SameSite=Lax"));
        HttpResponse<String> signedIn = post("/host/login", before, "csrf=" + token(login.body())
                + "&username=demo-social-worker&password=demo");
        assertEquals(signedIn.body(), 302, signedIn.statusCode());
        String after = cookie(signedIn);
        assertNotEquals("the session id changes at sign-in", before, after);
        assertEquals(200, get("/host/children", new Session(after, null)).statusCode());
        assertEquals("the session from before signing in is gone", 302,
                get("/host/children", new Session(before, null)).statusCode());
    }

    @Test
    public void aFormPostedWithoutItsPagesTokenIsRefusedAndChangesNothing() throws Exception {
        Session iro = signIn("demo-iro", "demo");
        String child = "/host/children/DEMO-000-S3";
        String page = get(child + "?tab=dispute-resolution", iro).body();
        String before = get("/starred/api/v1/children/DEMO-000-S3/concerns", iro).body();
        Matcher concern = Pattern.compile("name=\"concern\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertTrue("the tab offers forms on the child's concern", concern.find());
        String form = "tab=dispute-resolution&op=record-communication&concern=" + concern.group(1)
                + "&version=0&withWhom=x&channel=email&summary=" + URLEncoder.encode("Posted by another site",
                        StandardCharsets.UTF_8);
        HttpResponse<String> withoutToken = post(child, iro.cookie(), form);
        HttpResponse<String> wrongToken = post(child, iro.cookie(), form + "&csrf=forged");
        for (HttpResponse<String> refused : List.of(withoutToken, wrongToken)) {
            assertTrue(refused.statusCode() + " " + refused.body(), refused.statusCode() == 403
                    || refused.statusCode() == 400);
        }
        assertEquals("nothing was recorded", before, get("/starred/api/v1/children/DEMO-000-S3/concerns", iro).body());
    }

    @Test
    public void repeatedWrongPasswordsAreSlowedDownAlikeForUsernamesThatExistAndThoseThatDoNot() throws Exception {
        for (String user : List.of("demo-complaints-officer", "no-such-person")) {
            for (int i = 0; i < 5; i++) {
                assertEquals(401, login(user, "wrong-" + i).statusCode());
            }
            HttpResponse<String> slowed = login(user, "demo");
            assertEquals(user + ": even the right password waits now", 429, slowed.statusCode());
            assertTrue(slowed.body(), slowed.body().contains("Too many attempts to sign in. Wait 15 minutes"));
        }
        assertEquals("another person signs in as ever", 302, login("demo-social-worker", "demo").statusCode());
    }

    private HttpResponse<String> login(String user, String password) throws Exception {
        HttpResponse<String> page = get("/host/login", null);
        return post("/host/login", cookie(page), "csrf=" + token(page.body()) + "&username=" + user + "&password="
                + password);
    }

    private Session signIn(String user, String password) throws Exception {
        HttpResponse<String> done = login(user, password);
        assertEquals(done.body(), 302, done.statusCode());
        Session session = new Session(cookie(done), null);
        return new Session(session.cookie(), token(get("/host/children", session).body()));
    }

    private static String cookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + response.headers()));
    }

    private static String token(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new AssertionError("no page token in: " + page.substring(0, Math.min(500, page.length())));
        }
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path, Session session) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(demo.url(path))).timeout(Duration.ofSeconds(30));
        if (session != null) {
            b.header("Cookie", session.cookie());
        }
        return client.send(b.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(demo.url(path))).timeout(Duration.ofSeconds(30))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
