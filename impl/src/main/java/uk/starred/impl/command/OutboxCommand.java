package uk.starred.impl.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.starred.api.CommandRefusedException;
import uk.starred.api.outbox.OutboxService;
import uk.starred.api.outbox.PendingMessage;

/** {@code starred:outbox}: case notes and notifications not yet delivered, and why; {@code --retry} one now. */
@Service
@Command(scope = "starred", name = "outbox",
        description = "Lists case notes and notifications waiting for the host, with their errors; retries one now")
public class OutboxCommand implements Action {

    @Reference
    OutboxService outbox;

    @Option(name = "--retry", description = "delivers the message with this id at the next round, whatever its wait")
    String retry;

    @Option(name = "--limit", description = "at most this many rows (1 to 1000)")
    int limit = 100;

    @Override
    public Object execute() {
        try {
            if (retry != null) {
                System.out.println(outbox.retryNow(retry) ? "Message " + retry + " will be delivered at the next round."
                        : "No undelivered message " + retry + "; starred:outbox lists those waiting.");
                return null;
            }
            List<PendingMessage> pending = outbox.pending(limit);
            if (pending.isEmpty()) {
                System.out.println("Everything has been delivered.");
                return null;
            }
            ShellTable table = new ShellTable();
            table.column("Id");
            table.column("Kind");
            table.column("Created");
            table.column("Attempts");
            table.column("Next attempt");
            table.column("Last error");
            for (PendingMessage m : pending) {
                table.addRow().addContent(m.id(), m.kind(), m.createdAt(), m.attempts(), m.nextAttemptAt(),
                        m.lastError() == null ? "" : m.lastError());
            }
            table.print(System.out);
        } catch (CommandRefusedException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
