package uk.starred.api.report;

import org.osgi.annotation.versioning.ProviderType;

import uk.starred.api.NotPermittedException;

/**
 * The IRO annual report's dispute-resolution section, and the twelve months' trends the oversight screen charts,
 * for those with oversight of the service.
 */
@ProviderType
public interface AnnualReportService {

    /**
     * @return the section for the year, with the year before beside it, as the concerns stood at the end of each
     * @throws NotPermittedException when the caller has no oversight of the service
     */
    DisputeResolutionReport disputeResolution(ReportYear year);

    /**
     * @param last the last of the twelve months, usually this one (its figures so far)
     * @return the twelve months to it, month by month, with the concerns behind each figure; as they were at
     *         most a minute ago (the oversight screen shows them on every page)
     * @throws NotPermittedException when the caller has no oversight of the service
     */
    MonthlyTrends trends(java.time.YearMonth last);
}
