package uk.starred.ui.alert;

import org.osgi.service.component.annotations.Component;

import uk.starred.api.ui.AlertSeverity;
import uk.starred.api.ui.AlertType;
import uk.starred.api.ui.AlertTypeEntry;

/** The case is referred to CAFCASS and its decision is awaited. */
@Component(service = AlertType.class)
@AlertTypeEntry(key = "CAFCASS_REFERRAL", label = "Referred to CAFCASS", severity = AlertSeverity.WARNING, icon = "scales")
public class CafcassReferralAlert extends StarredAlertType {
}
