package uk.starred.impl.command;

import java.time.Instant;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.host.ChildRecords;
import uk.starred.impl.concern.OversightCounts;

/**
 * {@code starred:oversight-counts}: folds the changes to the oversight figures' counts into totals now,
 * rather than at the next minute; {@code --again} first makes the counts again from the concerns, as
 * after loading concerns other than through Starred.
 */
@Service
@Command(scope = "starred", name = "oversight-counts",
        description = "Folds the oversight figures' counts now; --again makes them again from the concerns first")
public class OversightCountsCommand implements Action {

    @Reference(filter = "(osgi.unit.name=starred)")
    JpaTemplate jpa;

    @Reference
    WorkingCalendar calendar;

    @Reference
    ChildRecords children;

    @Option(name = "--again", description = "counts every concern again, keeping what commands change meanwhile")
    boolean again;

    @Override
    public Object execute() {
        OversightCounts counts = new OversightCounts(calendar);
        if (again) {
            counts.askRecount(jpa, "karaf shell", Instant.now());
        }
        OversightCounts.Folded done = counts.foldAll(jpa, children);
        if (done.recounted() >= 0) {
            System.out.println("Counted " + done.recounted() + " concerns again.");
        }
        System.out.println("Folded " + done.folded() + " changes into the totals.");
        return null;
    }
}
