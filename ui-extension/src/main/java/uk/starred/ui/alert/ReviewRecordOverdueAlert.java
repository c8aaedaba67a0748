package uk.starred.ui.alert;

import org.osgi.service.component.annotations.Component;

import uk.starred.api.ui.AlertSeverity;
import uk.starred.api.ui.AlertType;
import uk.starred.api.ui.AlertTypeEntry;

/** A review's decision record, full record or its distribution is past its date. */
@Component(service = AlertType.class)
@AlertTypeEntry(key = "REVIEW_RECORD_OVERDUE", label = "Review record overdue", severity = AlertSeverity.WARNING, icon = "calendar")
public class ReviewRecordOverdueAlert extends StarredAlertType {
}
