package uk.starred.core.structure;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * The shape the codebase keeps, checked over every module's main sources: the core imports nothing but
 * the JDK and the API; no module's packages depend on each other in a circle; and a file longer than
 * {@value #LONGEST} lines says at its top why it is.
 */
public class CodebaseStructureTest {

    static final int LONGEST = 400;
    /** What a long file says at its top, with its reason after it. */
    static final String LONG_BECAUSE = "Longer than 400 lines because";

    private static final Pattern REFERENCE = Pattern.compile("\\b(uk\\.starred(?:\\.[a-z][a-z0-9]*)+)\\.[A-Z]");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);

    /** The repository's root: the core module's parent. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    public void theCoreImportsOnlyTheJdkAndTheApi() {
        List<String> foreign = new ArrayList<>();
        for (Path file : sources(ROOT.resolve("core/src/main/java"))) {
            Matcher imports = IMPORT.matcher(read(file));
            while (imports.find()) {
                String imported = imports.group(1);
                if (!imported.startsWith("java.") && !imported.startsWith("uk.starred.api.")
                        && !imported.startsWith("uk.starred.core.")) {
                    foreign.add(ROOT.relativize(file) + ": " + imported);
                }
            }
        }
        assertEquals(List.of(), foreign);
    }

    @Test
    public void noModulesPackagesDependOnEachOtherInACircle() {
        List<String> circles = new ArrayList<>();
        for (Path module : modules()) {
            Map<String, Set<String>> uses = new TreeMap<>();
            for (Path file : sources(module.resolve("src/main/java"))) {
                String text = read(file);
                String from = packageOf(text);
                Matcher used = REFERENCE.matcher(text.replaceAll("(?m)^package .*$", ""));
                while (used.find()) {
                    if (!used.group(1).equals(from)) {
                        uses.computeIfAbsent(from, p -> new TreeSet<>()).add(used.group(1));
                    }
                }
            }
            for (String start : uses.keySet()) {
                List<String> circle = circleFrom(start, uses);
                if (!circle.isEmpty()) {
                    circles.add(ROOT.relativize(module) + ": " + String.join(" -> ", circle));
                }
            }
        }
        assertEquals(List.of(), circles);
    }

    @Test
    public void aLongFileSaysWhyAtItsTop() {
        List<String> unexplained = new ArrayList<>();
        for (Path module : modules()) {
            for (Path file : sources(module.resolve("src/main/java"))) {
                String text = read(file);
                String top = text.substring(0, text.indexOf(" class ") < 0 ? Math.min(text.length(), 3000)
                        : text.indexOf(" class "));
                if (text.lines().count() > LONGEST && !top.contains(LONG_BECAUSE)) {
                    unexplained.add(ROOT.relativize(file) + " (" + text.lines().count() + " lines)");
                }
            }
        }
        assertEquals("files over " + LONGEST + " lines without '" + LONG_BECAUSE + " ...' at their top", List.of(),
                unexplained);
    }

    @Test
    public void theChecksSeeTheWholeCodebase() {
        assertTrue(modules().stream().map(Path::getFileName).map(Path::toString).toList()
                .containsAll(List.of("api", "core", "impl", "ui-extension", "testkit", "reference-host")));
        assertTrue(sources(ROOT.resolve("impl/src/main/java")).size() > 50);
    }

    /** @return a circle back to {@code start} through the packages it uses, or empty when there is none */
    private static List<String> circleFrom(String start, Map<String, Set<String>> uses) {
        List<String> path = new ArrayList<>(List.of(start));
        return walk(start, start, uses, path, new TreeSet<>()) ? path : List.of();
    }

    private static boolean walk(String start, String at, Map<String, Set<String>> uses, List<String> path,
            Set<String> seen) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                path.add(next);
                return true;
            }
            if (uses.containsKey(next) && seen.add(next)) {
                path.add(next);
                if (walk(start, next, uses, path, seen)) {
                    return true;
                }
                path.remove(path.size() - 1);
            }
        }
        return false;
    }

    private static List<Path> modules() {
        try (Stream<Path> dirs = Files.walk(ROOT, 3)) {
            return dirs.filter(d -> Files.isDirectory(d.resolve("src/main/java")))
                    .filter(d -> !d.toString().contains("/target/")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> sources(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String packageOf(String text) {
        Matcher m = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE).matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
