package uk.starred.impl.command;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import uk.starred.impl.procedure.ProcedureCatalogue;

/**
 * {@code starred:procedure-select}: which procedure new concerns use for looked-after children or
 * for child protection plans, when the IRO names none. Writes configuration PID
 * {@value ProcedureCatalogue#PID}; running concerns are not affected.
 */
@Service
@Command(scope = "starred", name = "procedure-select",
        description = "Selects the procedure new concerns use for looked-after children or child protection plans")
public class ProcedureSelectCommand implements Action {

    @Reference
    ConfigurationAdmin configurationAdmin;

    @Reference
    ProcedureCatalogue catalogue;

    @Argument(index = 0, name = "cohort", required = true, description = "looked-after or child-protection")
    String cohort;

    @Argument(index = 1, name = "procedure", required = true,
            description = "procedure id (the newest installed version) or id@version")
    String procedure;

    @Override
    public Object execute() throws IOException {
        String key = switch (cohort) {
            case "looked-after" -> "lookedAfter";
            case "child-protection" -> "childProtection";
            default -> null;
        };
        if (key == null) {
            System.err.println("Unknown cohort '" + cohort + "'; expected looked-after or child-protection");
            return null;
        }
        String id = procedure.contains("@") ? procedure.substring(0, procedure.indexOf('@')) : procedure;
        if (catalogue.installed().stream().noneMatch(p -> p.id().equals(id)
                && (!procedure.contains("@") || p.ref().toString().equals(procedure)))) {
            System.err.println("No procedure " + procedure + " is installed; starred:procedure-list shows those that are");
            return null;
        }
        Configuration configuration = configurationAdmin.getConfiguration(ProcedureCatalogue.PID, null);
        Dictionary<String, Object> properties = configuration.getProperties() == null ? new Hashtable<>()
                : configuration.getProperties();
        properties.put(key, procedure);
        configuration.update(properties);
        System.out.println("New concerns for " + cohort.replace('-', ' ') + " children now use " + procedure);
        return null;
    }
}
