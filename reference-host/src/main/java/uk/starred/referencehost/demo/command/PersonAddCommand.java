package uk.starred.referencehost.demo.command;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.starred.api.host.StaffMember;
import uk.starred.referencehost.demo.DemoHost;
import uk.starred.referencehost.web.DemoRealm;

/**
 * {@code starred-demo:person-add}: a person added to the demo host, with the roles they hold, who can
 * then sign in with the demo password. The roles are the procedures' own (TEAM_MANAGER,
 * HEAD_OF_SERVICE ...), held for every child or, written ROLE@CHILD_ID, for one.
 */
@Service
@Command(scope = "starred-demo", name = "person-add",
        description = "Adds a person to the demo host with the roles they hold; they sign in with the password demo")
public class PersonAddCommand implements Action {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");
    private static final Pattern ROLE = Pattern.compile("[A-Z][A-Z0-9_]*");

    @Reference
    DemoHost host;

    @Reference
    DemoRealm realm;

    @Argument(index = 0, name = "id", required = true, description = "their sign-in name, e.g. demo-area-manager")
    String id;

    @Argument(index = 1, name = "name", required = true, description = "their name as staff see it, in quotes")
    String name;

    @Argument(index = 2, name = "roles", required = true, multiValued = true,
            description = "ROLE held for every child, or ROLE@CHILD_ID for one child")
    List<String> roles;

    @Option(name = "--email", description = "their e-mail address")
    String email;

    @Option(name = "--team", description = "their team, in quotes; good practice recognised is reported by it")
    String team;

    @Option(name = "--oversight", description = "they see the oversight screen of the whole service")
    boolean oversight;

    @Override
    public Object execute() throws Exception {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id '" + id + "' is not a sign-in name; expected lower case letters,"
                    + " digits, . and -");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is empty");
        }
        Map<String, Set<String>> held = new LinkedHashMap<>();
        for (String given : roles) {
            int at = given.indexOf('@');
            String role = at < 0 ? given : given.substring(0, at);
            String child = at < 0 ? DemoHost.EVERY_CHILD : given.substring(at + 1);
            if (!ROLE.matcher(role).matches()) {
                throw new IllegalArgumentException("'" + role + "' is not a role; expected upper case letters, digits"
                        + " and _, as the procedures name them (TEAM_MANAGER)");
            }
            held.computeIfAbsent(child, c -> new LinkedHashSet<>()).add(role);
        }
        host.addPerson(new StaffMember(id, name.strip(), email, team == null || team.isBlank() ? null : team.strip()),
                oversight, held);
        realm.addUser(id);
        System.out.println("Added " + id + " (" + name.strip() + "): " + String.join(", ", host.rolesHeld(id))
                + (oversight ? "; oversight of the service" : "") + ". They sign in with the password "
                + DemoRealm.DEMO_PASSWORD + ".");
        return null;
    }
}
