package uk.starred.ui.alert;

import org.osgi.service.component.annotations.Component;

import uk.starred.api.ui.AlertSeverity;
import uk.starred.api.ui.AlertType;
import uk.starred.api.ui.AlertTypeEntry;

/** A looked-after review is past its date and not held. */
@Component(service = AlertType.class)
@AlertTypeEntry(key = "REVIEW_OVERDUE", label = "Review overdue", severity = AlertSeverity.URGENT, icon = "calendar")
public class ReviewOverdueAlert extends StarredAlertType {
}
