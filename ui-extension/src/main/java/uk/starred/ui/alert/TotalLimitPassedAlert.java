package uk.starred.ui.alert;

import org.osgi.service.component.annotations.Component;

import uk.starred.api.ui.AlertSeverity;
import uk.starred.api.ui.AlertType;
import uk.starred.api.ui.AlertTypeEntry;

/** The formal stages together have run beyond the procedure's total limit. */
@Component(service = AlertType.class)
@AlertTypeEntry(key = "TOTAL_LIMIT_PASSED", label = "Dispute resolution beyond its time limit", severity = AlertSeverity.URGENT, icon = "warning")
public class TotalLimitPassedAlert extends StarredAlertType {
}
