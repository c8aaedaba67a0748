package uk.starred.ui.alert;

import org.osgi.service.component.annotations.Component;

import uk.starred.api.ui.AlertSeverity;
import uk.starred.api.ui.AlertType;
import uk.starred.api.ui.AlertTypeEntry;

/** The current stage is past its due moment. */
@Component(service = AlertType.class)
@AlertTypeEntry(key = "STAGE_OVERDUE", label = "Stage overdue", severity = AlertSeverity.URGENT, icon = "clock")
public class StageOverdueAlert extends StarredAlertType {
}
