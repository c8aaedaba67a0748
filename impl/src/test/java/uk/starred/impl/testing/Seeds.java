package uk.starred.impl.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.ProcedureRef;
import uk.starred.impl.descriptor.DescriptorException;
import uk.starred.impl.descriptor.DescriptorReader;
import uk.starred.testkit.seeds.SeedProcedures;

/**
 * The seed procedures as their procedure bundles carry them: each read by Starred's descriptor reader
 * from the bundle's own descriptor in this repository ({@code procedures/<id>/src/main/resources}),
 * so that the engine's tests run what a council installs, and no second copy of it.
 */
public final class Seeds {

    private static final Map<ProcedureRef, Procedure> READ = new ConcurrentHashMap<>();

    private Seeds() {
    }

    /** @return the seed's procedure, read from its bundle's descriptor */
    public static Procedure procedure(ProcedureRef seed) {
        return READ.computeIfAbsent(seed, Seeds::read);
    }

    private static Procedure read(ProcedureRef seed) {
        Path file = repository().resolve(Path.of("procedures", seed.id(), "src", "main", "resources"))
                .resolve(SeedProcedures.descriptor(seed));
        try (Reader yaml = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Procedure procedure = DescriptorReader.read(file.getFileName().toString(), yaml);
            if (!procedure.ref().equals(seed)) {
                throw new AssertionError(file + " describes " + procedure.ref() + ", not " + seed);
            }
            return procedure;
        } catch (DescriptorException e) {
            throw new AssertionError(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the repository's root: the module the test runs in is one of its children */
    private static Path repository() {
        Path here = Path.of("").toAbsolutePath();
        for (Path at = here; at != null; at = at.getParent()) {
            if (Files.isDirectory(at.resolve("procedures")) && Files.isRegularFile(at.resolve("pom.xml"))) {
                return at;
            }
        }
        throw new IllegalStateException("no repository root with procedures/ above " + here);
    }
}
