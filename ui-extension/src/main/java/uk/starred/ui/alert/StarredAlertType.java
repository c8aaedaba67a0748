package uk.starred.ui.alert;

import java.util.Map;

import uk.starred.api.ui.AlertLink;
import uk.starred.api.ui.AlertType;
import uk.starred.api.ui.CaseAlert;
import uk.starred.api.ui.CaseScreens;
import uk.starred.ui.tab.DisputeResolutionTab;

/**
 * What every Starred alert links to: the concern on the child's "Dispute resolution" tab, or the
 * tab itself for alerts about the review timetable. Each alert kind is its own small component
 * below, so each carries its own label, severity and icon as service properties.
 */
abstract class StarredAlertType implements AlertType {

    @Override
    public AlertLink linkFor(CaseAlert alert) {
        if (alert.subject() == null) {
            return new AlertLink(CaseScreens.CHILD, DisputeResolutionTab.KEY, Map.of(), null);
        }
        return new AlertLink(CaseScreens.CHILD, DisputeResolutionTab.KEY, Map.of("concern", alert.subject()),
                "concern-" + alert.subject());
    }
}
