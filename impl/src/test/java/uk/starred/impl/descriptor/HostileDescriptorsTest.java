package uk.starred.impl.descriptor;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;

/**
 * Descriptors written to do harm, or just broken: not YAML, an alias bomb, a tag that would make an object,
 * ten thousand stages, a file of megabytes, timescales of nothing or less. Each is refused with its problems,
 * quickly, and nothing else is thrown.
 */
public class HostileDescriptorsTest {

    private static String seed004() throws IOException {
        return Files.readString(Path.of("..", "procedures", "seed-004-alert-process", "src", "main", "resources",
                "OSGI-INF", "starred", "seed-004-alert-process.yaml"));
    }

    private static String refused(String yaml) {
        long start = System.nanoTime();
        DescriptorException e = assertThrows(DescriptorException.class,
                () -> DescriptorReader.read("hostile.yaml", new StringReader(yaml)));
        assertTrue("refused in good time", System.nanoTime() - start < 10_000_000_000L);
        assertFalse(e.errors().isEmpty());
        return e.getMessage();
    }

    @Test
    public void textThatIsNotYamlIsRefused() {
        assertTrue(refused("id: [unclosed\nversion: 1").contains("is not well-formed YAML"));
        assertTrue(refused("\u0000\u0001\u0002").contains("hostile.yaml"));
    }

    @Test
    public void anAliasBombIsRefusedBeforeItExpands() {
        StringBuilder bomb = new StringBuilder("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*")
                    .append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*")
                    .append(p).append(",*").append(p).append(",*").append(p).append("]\n");
        }
        String message = refused(bomb.toString());
        assertTrue(message, message.contains("YAML"));
    }

    @Test
    public void aTagThatWouldMakeAJavaObjectIsRefused() {
        String message = refused("id: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL"
                + " [\"http://127.0.0.1/x\"]]]]\nversion: 1.0.0\n");
        assertTrue(message, message.contains("hostile.yaml"));
    }

    @Test
    public void tenThousandStagesAreRefusedWithTheLimit() throws IOException {
        String seed = seed004();
        StringBuilder stages = new StringBuilder("stages:\n");
        for (int i = 0; i < 10_000; i++) {
            stages.append("  - id: S").append(i).append("\n    name: Stage ").append(i)
                    .append("\n    participants: [IRO, TEAM_MANAGER]\n");
        }
        String yaml = seed.substring(0, seed.indexOf("stages:\n")) + stages + seed.substring(seed.indexOf("reasons:\n"));
        String message = refused(yaml);
        assertTrue(message, message.contains("stages: there are 10000; a procedure has at most 100"));
    }

    @Test
    public void aFileOfMegabytesIsRefusedWithItsSize() throws IOException {
        String message = refused(seed004() + "# " + "x".repeat(3 * 1024 * 1024) + "\n");
        assertTrue(message, message.contains("larger than"));
    }

    @Test
    public void timescalesOfNothingOrLessAreRefused() throws IOException {
        String seed = seed004();
        assertTrue(refused(seed.replaceFirst("timescale: 5 working days", "timescale: 0 working days"))
                .contains("timescale"));
        assertTrue(refused(seed.replaceFirst("timescale: 5 working days", "timescale: -5 working days"))
                .contains("timescale"));
        assertTrue(refused(seed.replaceFirst("timescale: 5 working days", "timescale: 99999999999 working days"))
                .contains("timescale"));
    }
}
