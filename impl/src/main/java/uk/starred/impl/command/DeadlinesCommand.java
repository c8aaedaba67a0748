package uk.starred.impl.command;

import java.time.Duration;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.starred.api.CommandRefusedException;
import uk.starred.api.deadline.DeadlineService;
import uk.starred.api.deadline.DueItem;

/**
 * {@code starred:deadlines}: what falls due in the next days, what is overdue, and what is stuck;
 * {@code --fire} re-runs one stuck item now.
 */
@Service
@Command(scope = "starred", name = "deadlines",
        description = "Lists due moments: due within N days (default), overdue, or stuck; fires a stuck one now")
public class DeadlinesCommand implements Action {

    @Reference
    DeadlineService deadlines;

    @Option(name = "--overdue", description = "moments that fired and are still outstanding")
    boolean overdue;

    @Option(name = "--stuck", description = "moments past due whose firing failed, with the error")
    boolean stuck;

    @Option(name = "--fire", description = "fires the moment with this reference now (from --stuck or the due list)")
    String fire;

    @Option(name = "--limit", description = "at most this many rows (1 to 1000)")
    int limit = 100;

    @Argument(index = 0, name = "days", description = "how many days ahead to list (default 7)")
    int days = 7;

    @Override
    public Object execute() {
        try {
            if (fire != null) {
                DueItem item = deadlines.fireNow(fire);
                System.out.println(item.reference() + ": " + item.state()
                        + (item.outcome() == null ? "" : ": " + item.outcome()));
                return null;
            }
            List<DueItem> items = overdue ? deadlines.overdue(limit)
                    : stuck ? deadlines.stuck(limit) : deadlines.dueWithin(Duration.ofDays(days), limit);
            print(items);
        } catch (CommandRefusedException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }

    private void print(List<DueItem> items) {
        if (items.isEmpty()) {
            System.out.println(overdue ? "Nothing is overdue." : stuck ? "Nothing is stuck."
                    : "Nothing falls due in the next " + days + " day(s).");
            return;
        }
        ShellTable table = new ShellTable();
        table.column("Reference");
        table.column("Child");
        table.column("Due");
        table.column("State");
        table.column(stuck ? "Attempts / last error" : "Outcome");
        for (DueItem i : items) {
            table.addRow().addContent(i.reference(), i.childId(), i.dueAt(), i.state(), stuck
                    ? i.attempts() + ": " + i.lastError() : i.outcome() == null ? "" : i.outcome() + " (" + i.firedBy() + ")");
        }
        table.print(System.out);
    }
}
