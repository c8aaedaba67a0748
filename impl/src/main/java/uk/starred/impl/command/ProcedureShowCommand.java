package uk.starred.impl.command;

import java.util.Comparator;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.CafcassRule;
import uk.starred.api.procedure.ClockStart;
import uk.starred.api.procedure.Stage;
import uk.starred.core.concern.MoreTimeRules;
import uk.starred.core.law.TheLaw;
import uk.starred.impl.procedure.ProcedureCatalogue;

/** {@code starred:procedure-show}: an installed procedure as a readable stage table. */
@Service
@Command(scope = "starred", name = "procedure-show", description = "Shows an installed procedure as a table of its stages")
public class ProcedureShowCommand implements Action {

    @Reference
    ProcedureCatalogue catalogue;

    @Argument(index = 0, name = "id", required = true, description = "the procedure id")
    String id;

    @Argument(index = 1, name = "version", required = false, description = "the version (the newest when left out)")
    String version;

    @Override
    public Object execute() {
        Optional<Procedure> found = catalogue.installed().stream().filter(p -> p.id().equals(id))
                .filter(p -> version == null || p.version().equals(version))
                .max(Comparator.comparing(Procedure::version));
        if (found.isEmpty()) {
            System.err.println("No procedure " + id + (version == null ? "" : "@" + version)
                    + " is installed; starred:procedure-list shows those that are");
            return null;
        }
        Procedure p = found.get();
        System.out.println(p.title() + " (" + p.id() + "@" + p.version() + ") for " + p.appliesTo()
                + (p.totalLimit() == null ? "" : "; formal stages within " + p.totalLimit()));
        ShellTable table = new ShellTable();
        table.column("#");
        table.column("Stage");
        table.column("Timescale");
        table.column("Responds");
        table.column("On silence");
        table.column("After a response");
        table.column("Rules");
        int n = 1;
        for (Stage s : p.stages()) {
            String gates = s.requiredActions().stream().filter(a -> !a.before().isEmpty())
                    .map(a -> a.id() + " before " + a.before()).collect(java.util.stream.Collectors.joining(" "));
            String rules = (s.formal() ? "formal " : "") + (s.mayEnterDirectly() ? "enter-directly " : "")
                    + (s.mayBypass() ? "bypassable " : "") + (s.noRemitStage() == null ? "" : "no-remit->" + s.noRemitStage() + " ")
                    + (s.copied().isEmpty() ? "" : "copies " + String.join(",", s.copied()) + " ")
                    + (s.enteredByReferral() ? "entered-by-referral " : "")
                    + (s.clockFrom() == ClockStart.STAGE_ENTERED ? "" : "clock-from-" + switch (s.clockFrom()) {
                        case STAGE_BEGUN -> "stage:" + s.clockStage();
                        case ACTION_RECORDED -> "action:" + s.clockAction();
                        default -> s.clockFrom().name();
                    } + " ")
                    + (s.overdueActionsTold().isEmpty() ? "" : "overdue-actions-told " + String.join(",", s.overdueActionsTold()) + " ")
                    + s.endings().stream().map(e -> "ending:" + e.id() + " ").collect(java.util.stream.Collectors.joining())
                    + (s.moreTime() == null ? "" : "more-time " + String.join(",", MoreTimeRules.requesters(s)) + "->"
                            + String.join(",", MoreTimeRules.deciders(p, s)) + " ")
                    + (p.keepInformed() != null && p.keepInformed().at(s.id()) ? "family-update " : "")
                    + gates;
            table.addRow().addContent(n++, s.name(), s.timescale() == null ? "" : s.timescale().toString(),
                    String.join(" or ", s.responders()), s.onSilence(), s.afterResponse(), rules.strip());
        }
        table.print(System.out);
        System.out.println("Raise: " + String.join(", ", p.permissions().raise()) + "; escalate: "
                + String.join(", ", p.permissions().escalate()) + "; resolve: " + String.join(", ", p.permissions().resolve())
                + "; refer to CAFCASS: " + String.join(", ", p.permissions().referToCafcass())
                + " (the IRO of a looked-after child only, by law: " + TheLaw.REFERRAL + ")");
        CafcassRule c = p.cafcass();
        System.out.println("CAFCASS: " + (c == CafcassRule.NATIONAL ? "the national rule: at any point" : switch (c.when()) {
            case ANY_POINT -> "at any point";
            case FORMAL_BEGUN -> "once the formal process has begun";
            case STAGE_BEGUN -> "once stage " + c.stage() + " has begun";
        }) + "; curtailing to refer at any point"
                + (c.informFirst().isEmpty() ? "" : "; tell first: " + String.join(", ", c.informFirst()))
                + (c.toldOnReferral().isEmpty() ? "" : "; told on referral: " + String.join(", ", c.toldOnReferral()))
                + (c.decisionTimescale() == null ? "" : "; decision within " + c.decisionTimescale()));
        System.out.println(p.reasons().size() + " reasons; starred:procedure-list for the others installed");
        return null;
    }
}
