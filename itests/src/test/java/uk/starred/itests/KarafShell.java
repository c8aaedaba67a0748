package uk.starred.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/** A shell command run as an operator runs it at the Karaf prompt, with what it printed. */
final class KarafShell {

    /** What a command printed, and how it failed, if it did. */
    private record Outcome(String printed, Exception failure) {
    }

    private KarafShell() {
    }

    /** @return what the command printed; a command that fails throws, as the prompt shows it */
    static String run(SessionFactory sessions, String command) throws Exception {
        Outcome outcome = execute(sessions, command);
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.printed();
    }

    /**
     * Runs a command that must fail, as a script or {@code bin/client -b} sees it fail (a non-zero exit).
     *
     * @return what it printed, then the failure's message
     */
    static String failing(SessionFactory sessions, String command) throws Exception {
        Outcome outcome = execute(sessions, command);
        if (outcome.failure() == null) {
            throw new AssertionError("the command should fail, so that a batch run exits non-zero: "
                    + outcome.printed());
        }
        return outcome.printed() + outcome.failure().getMessage();
    }

    private static Outcome execute(SessionFactory sessions, String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, "UTF-8");
        Session session = sessions.create(new ByteArrayInputStream(new byte[0]), print, print);
        Exception failure = null;
        try {
            session.execute(command);
        } catch (Exception e) {
            failure = e;
        } finally {
            session.close();
            print.flush();
        }
        return new Outcome(out.toString("UTF-8"), failure);
    }
}
