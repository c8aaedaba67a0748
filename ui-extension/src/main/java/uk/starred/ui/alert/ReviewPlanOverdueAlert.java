package uk.starred.ui.alert;

import org.osgi.service.component.annotations.Component;

import uk.starred.api.ui.AlertSeverity;
import uk.starred.api.ui.AlertType;
import uk.starred.api.ui.AlertTypeEntry;

/** The looked-after child's IRO is not appointed, or a case summary of the plan is not completed, past its date. */
@Component(service = AlertType.class)
@AlertTypeEntry(key = "REVIEW_PLAN_OVERDUE", label = "IRO or case summary overdue", severity = AlertSeverity.WARNING,
        icon = "calendar")
public class ReviewPlanOverdueAlert extends StarredAlertType {
}
