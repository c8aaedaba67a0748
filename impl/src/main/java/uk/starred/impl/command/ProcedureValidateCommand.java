package uk.starred.impl.command;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.support.completers.FileCompleter;

import uk.starred.api.procedure.Procedure;
import uk.starred.impl.descriptor.DescriptorError;
import uk.starred.impl.descriptor.DescriptorException;
import uk.starred.impl.descriptor.DescriptorReader;

/** {@code starred:procedure-validate}: checks a descriptor file before it is deployed. Changes nothing. */
@Service
@Command(scope = "starred", name = "procedure-validate", description = "Checks a procedure descriptor file, listing every problem; installs nothing")
public class ProcedureValidateCommand implements Action {

    @Argument(index = 0, name = "file", required = true, description = "the descriptor (.yaml)")
    @Completion(FileCompleter.class)
    String file;

    @Override
    public Object execute() throws IOException {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            System.err.println("No file " + path.toAbsolutePath());
            return null;
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Procedure p = DescriptorReader.read(path.getFileName().toString(), reader);
            System.out.println(path.getFileName() + " is a sound procedure: " + p.id() + "@" + p.version() + ", "
                    + p.stages().size() + " stages, " + p.reasons().size() + " reasons");
        } catch (DescriptorException e) {
            System.err.println(path.getFileName() + " would be refused, " + e.errors().size() + " problem(s):");
            for (DescriptorError error : e.errors()) {
                System.err.println("  " + error);
            }
        }
        return null;
    }
}
