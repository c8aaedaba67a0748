package uk.starred.ui.alert;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.starred.api.alert.AlertService;
import uk.starred.api.alert.Rag;
import uk.starred.api.ui.AlertSeverity;
import uk.starred.api.ui.AlertSource;
import uk.starred.api.ui.CaseAlert;

/**
 * Starred's alerts for the host's alert area, worked out from the record by {@link AlertService}
 * each time a case screen is drawn. Each alert's type is its {@link uk.starred.api.alert.AlertKind}
 * name, labelled by the alert types of this package; its severity is its RAG now.
 */
@Component(service = AlertSource.class)
public class StarredAlertSource implements AlertSource {

    private final AlertService alerts;

    @Activate
    public StarredAlertSource(@Reference AlertService alerts) {
        this.alerts = alerts;
    }

    @Override
    public List<CaseAlert> alertsFor(String viewerId, String childId) {
        return alerts.alertsForChild(childId).stream()
                .map(a -> new CaseAlert(a.kind().name(), a.childId(), a.title(), a.detail(), a.mustAct(),
                        a.mustAct().contains(viewerId), a.dueAt(), a.since(),
                        a.concernId() == null ? null : a.concernId().toString(), severity(a.rag())))
                .toList();
    }

    /** The RAG of the alert as the host's severity: red is urgent, amber a warning, green information. */
    static AlertSeverity severity(Rag rag) {
        return switch (rag) {
            case RED -> AlertSeverity.URGENT;
            case AMBER -> AlertSeverity.WARNING;
            case GREEN -> AlertSeverity.INFORMATION;
        };
    }
}
