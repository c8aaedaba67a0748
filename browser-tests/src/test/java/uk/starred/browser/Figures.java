package uk.starred.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The figures a reliability test measured, printed and kept in {@code target/reliability/}, from which
 * {@code reliability/run} writes the table in docs/reliability.md.
 */
final class Figures {

    private Figures() {
    }

    static void record(String test, String line) {
        System.out.println("RELIABILITY " + test + ": " + line);
        try {
            Path dir = Path.of("target", "reliability");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(test + ".txt"), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
