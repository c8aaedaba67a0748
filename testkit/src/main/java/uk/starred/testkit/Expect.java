package uk.starred.testkit;

import org.junit.Assert;

/** {@code assertThrows} for JUnit 4.12, which Karaf's test container runs. */
public final class Expect {

    /** What a test expects to throw. */
    @FunctionalInterface
    public interface Action {
        void run() throws Throwable;
    }

    private Expect() {
    }

    /** @return the exception the action threw, asserting it is of the type expected */
    public static <T extends Throwable> T thrown(Class<T> expected, Action action) {
        try {
            action.run();
        } catch (Throwable actual) {
            if (expected.isInstance(actual)) {
                return expected.cast(actual);
            }
            AssertionError error = new AssertionError("expected " + expected.getSimpleName() + " but got " + actual);
            error.initCause(actual);
            throw error;
        }
        Assert.fail("expected " + expected.getSimpleName() + " but nothing was thrown");
        return null;
    }
}
