package uk.starred.benchmarks;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signing in to the demo distribution as one of its people (every demo password is "demo"). */
public final class DemoSignIn {

    private DemoSignIn() {
    }

    /** A browser of its own, signed in through the host's sign-in form. */
    public static HttpClient signedIn(String base, String user) throws Exception {
        // redirects not followed: the sign-in leads to the host's list of children, not what is measured
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/host/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(login.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no sign-in form at " + base + "/host/login");
        }
        String form = "csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&username=" + user
                + "&password=demo";
        HttpResponse<String> in = client.send(HttpRequest.newBuilder(URI.create(base + "/host/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (in.statusCode() / 100 != 3 || in.headers().firstValue("Location").orElse("").contains("/host/login")) {
            throw new IllegalStateException(user + " could not sign in: " + in.statusCode());
        }
        return client;
    }
}
