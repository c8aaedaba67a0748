package uk.starred.impl.command;

import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.starred.api.procedure.Procedure;
import uk.starred.impl.extender.ProcedureExtender;
import uk.starred.impl.procedure.ProcedureCatalogue;

/** {@code starred:procedure-list}: every procedure offered, installed or refused, and why. */
@Service
@Command(scope = "starred", name = "procedure-list", description = "Lists the local procedures: installed, and refused with their problems")
public class ProcedureListCommand implements Action {

    @Reference
    ProcedureCatalogue catalogue;

    @Reference
    ProcedureExtender extender;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Version");
        table.column("State");
        table.column("Title or problems");
        for (Procedure p : catalogue.installed()) {
            table.addRow().addContent(p.id(), p.version(), "installed", p.title());
        }
        for (ProcedureCatalogue.Refusal r : catalogue.refused()) {
            table.addRow().addContent(r.id(), r.version(), "refused", String.join("; ", r.problems()));
        }
        for (Map.Entry<String, List<String>> r : extender.refused().entrySet()) {
            table.addRow().addContent(r.getKey(), "", "refused", String.join("; ", r.getValue()));
        }
        table.print(System.out);
        return null;
    }
}
