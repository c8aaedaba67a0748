package uk.starred.ui.tab;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.api.NotFoundException;
import uk.starred.api.audit.SubjectAccess;
import uk.starred.api.calendar.WorkingCalendar;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernService;
import uk.starred.api.host.CallerContext;
import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.ChildRecords;
import uk.starred.api.host.StaffDirectory;
import uk.starred.api.procedure.ProcedureLibrary;
import uk.starred.ui.Downloads;

/**
 * The PDF documents, downloaded from the tab ({@link PdfDocuments}): {@code concerns/{id}/cafcass-pack.pdf} for
 * whoever may see the concern, {@code children/{id}/subject-access.pdf} for those who oversee the service. Who may
 * have each is the services' rule, as for the screens; the request names no child in the log.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("starred-documents")
@HttpWhiteboardServletPattern(PdfDocuments.ROOT + "/*")
public class DocumentDownloads extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DocumentDownloads.class);

    private final transient ConcernService concerns;
    private final transient ChildRecords children;
    private final transient SubjectAccess subjectAccess;
    private final transient CallerContext caller;
    private final transient PdfDocuments documents;

    @Activate
    public DocumentDownloads(@Reference ConcernService concerns, @Reference ChildRecords children,
            @Reference SubjectAccess subjectAccess, @Reference CallerContext caller, @Reference StaffDirectory staff,
            @Reference ProcedureLibrary procedures, @Reference WorkingCalendar calendar,
            @Reference(name = "clock", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this.concerns = concerns;
        this.children = children;
        this.subjectAccess = subjectAccess;
        this.caller = caller;
        this.documents = new PdfDocuments(new Words(calendar.zone(), staff), procedures,
                clock == null ? Clock.systemUTC() : clock);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Downloads.answer(request, response, caller, LOG, "document", path -> {
            if (path.length == 3 && path[0].equals("concerns") && path[2].equals("cafcass-pack.pdf")) {
                Concern concern = concerns.find(ConcernId.parse(path[1]))
                        .orElseThrow(() -> new NotFoundException("There is no such concern."));
                Downloads.attachment(response, "application/pdf", "cafcass-referral-pack.pdf",
                        documents.cafcassPack(child(concern.childId()), concern));
            } else if (path.length == 3 && path[0].equals("children") && path[2].equals("subject-access.pdf")) {
                String childId = path[1];
                ChildRecord child = child(childId);
                Downloads.attachment(response, "application/pdf", "everything-held.pdf",
                        documents.subjectAccess(child, subjectAccess.export(childId)));
            } else {
                Downloads.plain(response, 404, "There is no such document.");
            }
        });
    }

    private ChildRecord child(String childId) {
        Optional<ChildRecord> child = children.child(childId);
        return child.orElseThrow(() -> new NotFoundException("The host has no such child."));
    }
}
