package uk.starred.referencehost.demo.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.starred.api.host.StaffMember;
import uk.starred.referencehost.demo.DemoHost;

/** {@code starred-demo:people}: the demo host's people and the roles each holds. */
@Service
@Command(scope = "starred-demo", name = "people", description = "Lists the demo host's people and the roles each holds")
public class PeopleCommand implements Action {

    @Reference
    DemoHost host;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Sign-in");
        table.column("Name");
        table.column("Roles (ROLE@CHILD for one child)");
        for (StaffMember member : host.staff()) {
            table.addRow().addContent(member.id(), member.name(), summary(host.rolesHeld(member.id())));
        }
        table.print(System.out);
        System.out.println("Add a person with starred-demo:person-add <id> \"<name>\" <ROLE or ROLE@CHILD> ...");
        return null;
    }

    /** @return the roles for every child, then those held child by child as "IRO for 23 children" */
    static String summary(java.util.List<String> roles) {
        java.util.Map<String, Integer> perChild = new java.util.TreeMap<>();
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String role : roles) {
            int at = role.indexOf('@');
            if (at < 0) {
                out.add(role);
            } else {
                perChild.merge(role.substring(0, at), 1, Integer::sum);
            }
        }
        perChild.forEach((role, n) -> out.add(role + " for " + n + (n == 1 ? " child" : " children")));
        return String.join(", ", out);
    }
}
