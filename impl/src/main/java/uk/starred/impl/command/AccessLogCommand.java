package uk.starred.impl.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.starred.api.audit.AccessLog;
import uk.starred.api.audit.RecordAccess;
import uk.starred.impl.records.AccessLogQueries;

/**
 * {@code starred:access-log [child] [--days N]}: who saw which child's dispute records: one child's, newest
 * first, or everyone's over the last days, oldest first.
 */
@Service
@Command(scope = "starred", name = "access-log", description = "Lists who saw a child's dispute records, or everyone's over the last days")
public class AccessLogCommand implements Action {

    @Reference(filter = "(osgi.unit.name=starred)")
    JpaTemplate jpa;

    @Argument(index = 0, name = "child", description = "the host's id of the child; left out, every child",
            required = false)
    String child;

    @Option(name = "--days", description = "every child's, over this many days to now (default 1)")
    int days = 1;

    @Option(name = "--limit", description = "at most this many rows (1 to 10000, default 1000)")
    int limit = 1000;

    @Override
    public Object execute() throws Exception {
        if (limit < 1 || limit > AccessLog.MOST || days < 1) {
            throw new IllegalArgumentException("--limit must be 1 to " + AccessLog.MOST + " and --days 1 or more");
        }
        Instant now = Instant.now();
        List<RecordAccess> rows = jpa.txExpr(TransactionType.Required, em -> child == null || child.isBlank()
                ? AccessLogQueries.between(em, now.minus(Duration.ofDays(days)), now, limit)
                : AccessLogQueries.forChild(em, child, limit));
        ShellTable table = new ShellTable();
        table.column("When");
        table.column("Who");
        table.column("Child");
        table.column("Records");
        for (RecordAccess row : rows) {
            table.addRow().addContent(row.at(), row.staffId(), row.childId(), row.records());
        }
        table.print(System.out);
        return null;
    }
}
