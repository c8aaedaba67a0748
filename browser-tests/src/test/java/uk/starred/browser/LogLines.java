package uk.starred.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The lines a copy's server log gained while a test ran, to look for what must never be there. */
final class LogLines {

    private final Path log;
    private final long from;

    private LogLines(Path log, long from) {
        this.log = log;
        this.from = from;
    }

    /** @return a mark at the log's end as it is now */
    static LogLines from(Path log) throws IOException {
        return new LogLines(log, Files.isRegularFile(log) ? Files.size(log) : 0);
    }

    /** @return every line written since the mark (the log rolls at 16 MB: far beyond what a test writes) */
    List<String> since() throws IOException {
        byte[] all = Files.readAllBytes(log);
        String added = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                StandardCharsets.UTF_8);
        return added.isEmpty() ? List.of() : new ArrayList<>(List.of(added.split("\n")));
    }

    /** @return the lines that hold any of the texts */
    static List<String> holding(List<String> lines, String... texts) {
        List<String> found = new ArrayList<>();
        for (String line : lines) {
            for (String text : texts) {
                if (line.contains(text)) {
                    found.add(line);
                    break;
                }
            }
        }
        return found;
    }
}
