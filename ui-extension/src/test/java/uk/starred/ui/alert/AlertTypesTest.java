package uk.starred.ui.alert;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Test;

import uk.starred.api.alert.AlertKind;

/** Every alert Starred raises has an alert type component, so the host labels and links each one. */
public class AlertTypesTest {

    @Test
    public void eachAlertKindHasExactlyOneAlertTypeComponent() throws IOException {
        Pattern key = Pattern.compile("name=\"starred.alert.key\" type=\"String\" value=\"([A-Z_]+)\"");
        Set<String> declared = new TreeSet<>();
        int components = 0;
        try (Stream<Path> files = Files.list(Path.of("target/classes/OSGI-INF"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("uk.starred.ui.alert.")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    declared.add(m.group(1));
                    components++;
                }
            }
        }
        assertEquals(Arrays.stream(AlertKind.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)),
                declared);
        assertEquals("one component per kind", AlertKind.values().length, components);
    }
}
