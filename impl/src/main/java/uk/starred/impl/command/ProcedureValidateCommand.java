package uk.starred.impl.command;

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

    /**
     * Prints what it found on the console; a refused file, or none, also fails the command, so that
     * {@code bin/client -b} and scripts in a council's build see a non-zero exit and every problem.
     */
    @Override
    public Object execute() throws Exception {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("No descriptor file " + path.toAbsolutePath());
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Procedure p = DescriptorReader.read(path.getFileName().toString(), reader);
            System.out.println(path.getFileName() + " is a sound procedure: " + p.id() + "@" + p.version() + " (format "
                    + p.format() + "), " + p.stages().size() + " stages, " + p.reasons().size() + " reasons");
            return null;
        } catch (DescriptorException e) {
            StringBuilder report = new StringBuilder(path.getFileName() + " would be refused, " + e.errors().size()
                    + " problem(s):");
            for (DescriptorError error : e.errors()) {
                report.append(System.lineSeparator()).append("  ").append(error);
            }
            System.out.println(report);
            throw new DescriptorRefused(path.getFileName() + " refused: " + e.errors().size() + " problem(s), listed above");
        }
    }

    /** The command's failure, after the problems are printed, so that batch mode exits non-zero. */
    static final class DescriptorRefused extends Exception {
        private static final long serialVersionUID = 1L;

        DescriptorRefused(String summary) {
            super(summary, null, false, false);
        }
    }
}
