package uk.starred.impl.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.starred.api.CommandRefusedException;
import uk.starred.api.outbox.OutboxBacklog;
import uk.starred.api.outbox.OutboxService;
import uk.starred.api.outbox.PendingMessage;

/**
 * {@code starred:outbox}: how far delivery is behind, the case notes and notifications not yet delivered and
 * why ({@code --dead}: only those given up), and {@code --retry} one now.
 */
@Service
@Command(scope = "starred", name = "outbox",
        description = "Lists case notes and notifications waiting for the host, with their errors; retries one now")
public class OutboxCommand implements Action {

    @Reference
    OutboxService outbox;

    @Option(name = "--retry", description = "delivers the message with this id at the next round, whatever its wait")
    String retry;

    @Option(name = "--dead", description = "only the dead letters: messages given up after their attempts ran out")
    boolean dead;

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
            OutboxBacklog backlog = outbox.backlog();
            if (backlog.undelivered() == 0) {
                System.out.println("Everything has been delivered.");
                return null;
            }
            System.out.println(backlog.undelivered() + " undelivered (" + backlog.deadLetters() + " dead letter(s))"
                    + (backlog.oldestUndeliveredAt() == null ? "" : "; the oldest still being tried written "
                            + backlog.oldestUndeliveredAt() + ", " + backlog.oldestUndeliveredAge().toSeconds()
                            + " s ago"));
            List<PendingMessage> pending = dead ? outbox.deadLetters(limit) : outbox.pending(limit);
            ShellTable table = new ShellTable();
            table.column("Id");
            table.column("Kind");
            table.column("Created");
            table.column("Attempts");
            table.column("Next attempt");
            table.column("Last error");
            for (PendingMessage m : pending) {
                table.addRow().addContent(m.id(), m.kind(), m.createdAt(), m.attempts(),
                        m.nextAttemptAt() == null ? "dead letter: on --retry" : m.nextAttemptAt(),
                        m.lastError() == null ? "" : m.lastError());
            }
            table.print(System.out);
        } catch (CommandRefusedException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
