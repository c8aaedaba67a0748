package uk.starred.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.deque.html.axecore.selenium.AxeReporter;
import org.openqa.selenium.WebDriver;

/**
 * axe-core's WCAG 2.2 AA checks on the page the browser shows, failing on any serious or critical
 * violation. Councils' services are expected to meet WCAG 2.2 AA; minor and moderate findings are kept
 * in the report for review but do not fail the build.
 */
public final class Accessibility {

    /** axe's rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
    public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    private static final int TARGETS_SHOWN = 3;

    private Accessibility() {
    }

    /**
     * Runs axe on the current page, writes the full result to {@code target/axe/<name>.json} and fails,
     * naming each rule, its impact, its help text and the first elements, when a violation is serious
     * or critical.
     */
    public static Results check(WebDriver driver, String name) {
        Results results = new AxeBuilder().withTags(TAGS).analyze(driver);
        Path report = write(results, name);
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not check " + driver.getCurrentUrl() + ": "
                    + results.getErrorMessage() + " (report: " + report + ")");
        }
        List<Rule> failing = results.getViolations().stream()
                .filter(rule -> FAILING_IMPACTS.contains(rule.getImpact()))
                .collect(Collectors.toList());
        if (!failing.isEmpty()) {
            StringBuilder message = new StringBuilder()
                    .append(failing.size()).append(" serious or critical accessibility violation(s) on ")
                    .append(driver.getCurrentUrl()).append(':');
            for (Rule rule : failing) {
                message.append("\n- ").append(rule.getId()).append(" (").append(rule.getImpact()).append("): ")
                        .append(rule.getHelp()).append(" [").append(targets(rule)).append(']');
            }
            message.append("\nFull report: ").append(report);
            throw new AssertionError(message.toString());
        }
        return results;
    }

    private static String targets(Rule rule) {
        List<CheckedNode> nodes = rule.getNodes() == null ? List.of() : rule.getNodes();
        String shown = nodes.stream().limit(TARGETS_SHOWN)
                .map(node -> String.valueOf(node.getTarget()))
                .collect(Collectors.joining(", "));
        return nodes.size() > TARGETS_SHOWN ? shown + " and " + (nodes.size() - TARGETS_SHOWN) + " more" : shown;
    }

    private static Path write(Results results, String name) {
        Path file = Path.of("target", "axe", Chromium.safe(name) + ".json").toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, AxeReporter.serialize(results), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
        return file;
    }
}
