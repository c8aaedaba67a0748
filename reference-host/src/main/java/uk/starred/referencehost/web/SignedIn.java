package uk.starred.referencehost.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

/** The host's session: who is signed in, their CSRF token, and a message to show once. */
final class SignedIn {

    static final String STAFF = "uk.starred.referencehost.staff";
    static final String CSRF = "uk.starred.referencehost.csrf";
    static final String FLASH = "uk.starred.referencehost.flash";
    static final String CSRF_FIELD = "csrf";
    static final int IDLE_SECONDS = 30 * 60;

    private static final SecureRandom RANDOM = new SecureRandom();

    private SignedIn() {
    }

    /** @return the staff id signed in on this request's session, or {@code null} */
    static String staff(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(STAFF);
    }

    /** @return the session's CSRF token, made when the session is */
    static String csrf(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        String token = (String) session.getAttribute(CSRF);
        if (token == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(CSRF, token);
        }
        return token;
    }

    /** @return whether the request carries the session's CSRF token, compared in constant time */
    static boolean csrfMatches(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String expected = session == null ? null : (String) session.getAttribute(CSRF);
        String given = request.getParameter(CSRF_FIELD);
        return expected != null && given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Checks the name and password against the demo JAAS realm.
     *
     * @return whether they are right
     */
    static boolean authenticate(String user, String password) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // JAAS loads Karaf's proxy login module through the context class loader
        Thread.currentThread().setContextClassLoader(SignedIn.class.getClassLoader());
        try {
            LoginContext login = new LoginContext(DemoRealm.NAME, callbacks -> {
                for (Callback callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback pass) {
                        pass.setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            login.login();
            login.logout();
            return true;
        } catch (LoginException wrong) {
            return false;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Starts a new session for the person: a fresh session id and token, so none from before survives. */
    static void signIn(HttpServletRequest request, String staffId) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        // the web server may give the new session the id the browser sent: a fresh id, so none from before
        // survives (a session fixed by someone else among them)
        request.changeSessionId();
        session.setMaxInactiveInterval(IDLE_SECONDS);
        session.setAttribute(STAFF, staffId);
        csrf(request);
    }

    static void flash(HttpServletRequest request, String message) {
        request.getSession(true).setAttribute(FLASH, message);
    }

    /** @return the message to show once, and forgets it */
    static String takeFlash(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        String message = (String) session.getAttribute(FLASH);
        session.removeAttribute(FLASH);
        return message;
    }
}
