package uk.starred.impl.command;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.starred.api.audit.SubjectAccessExport;
import uk.starred.impl.json.Json;
import uk.starred.impl.records.ChildExport;

/**
 * {@code starred:subject-access <child> [--out file]}: everything Starred holds about one child, as JSON, for a
 * subject access request: printed, or written to a file. (The readable document is the child's screen's
 * "Subject access" view, for those with oversight; the same JSON over REST.)
 */
@Service
@Command(scope = "starred", name = "subject-access", description = "Exports everything held about one child as JSON")
public class SubjectAccessCommand implements Action {

    @Reference(filter = "(osgi.unit.name=starred)")
    JpaTemplate jpa;

    @Argument(index = 0, name = "child", description = "the host's id of the child", required = true)
    String child;

    @Option(name = "--out", description = "write the JSON to this file rather than print it")
    String out;

    @Override
    public Object execute() throws Exception {
        SubjectAccessExport export = jpa.txExpr(TransactionType.Required,
                em -> ChildExport.of(em, child, "console", Instant.now()));
        String json = Json.write(export);
        if (out == null) {
            System.out.println(json);
        } else {
            Files.writeString(Path.of(out), json, StandardCharsets.UTF_8);
            System.out.println("Wrote " + export.concerns().size() + " concern(s), " + export.auditTrail().size()
                    + " audit entr(ies) and " + export.messages().size() + " message(s) to " + out);
        }
        return null;
    }
}
