package uk.starred.referencehost.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing passwords: after {@value #ATTEMPTS} failed sign-ins within {@link #WINDOW} for a
 * username, or {@value #ADDRESS_ATTEMPTS} from one address (an office shares one), further attempts are
 * refused until the window has passed, whether the password is right or not. Usernames that do not exist
 * count the same as those that do, so the refusal tells no one which exist.
 */
final class SignInThrottle {

    static final int ATTEMPTS = 5;
    static final int ADDRESS_ATTEMPTS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Bounds the memory kept: beyond this many names and addresses, the oldest are forgotten first. */
    private static final int KEPT = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** @return whether the username, or the address, has failed too often lately to try again now */
    boolean refuses(String username, String address) {
        return recent(key("user", username)) >= ATTEMPTS || recent(key("address", address)) >= ADDRESS_ATTEMPTS;
    }

    void failed(String username, String address) {
        if (failures.size() > KEPT) {
            failures.clear();
        }
        Instant now = clock.instant();
        for (String key : new String[] {key("user", username), key("address", address)}) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
                while (times.size() > ADDRESS_ATTEMPTS) {
                    times.removeFirst();
                }
            }
        }
    }

    void succeeded(String username) {
        failures.remove(key("user", username));
    }

    private int recent(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        Instant since = clock.instant().minus(WINDOW);
        synchronized (times) {
            times.removeIf(t -> t.isBefore(since));
            return times.size();
        }
    }

    private static String key(String kind, String value) {
        return kind + ":" + (value == null ? "" : value.strip().toLowerCase(Locale.ROOT));
    }
}
