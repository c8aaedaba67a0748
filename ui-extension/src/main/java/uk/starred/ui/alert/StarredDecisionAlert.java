package uk.starred.ui.alert;

import org.osgi.service.component.annotations.Component;

import uk.starred.api.ui.AlertSeverity;
import uk.starred.api.ui.AlertType;
import uk.starred.api.ui.AlertTypeEntry;

/** An IRO has challenged a decision in the child's plan and awaits its ratification. */
@Component(service = AlertType.class)
@AlertTypeEntry(key = "STARRED_DECISION", label = "Starred decision", severity = AlertSeverity.WARNING, icon = "star")
public class StarredDecisionAlert extends StarredAlertType {
}
