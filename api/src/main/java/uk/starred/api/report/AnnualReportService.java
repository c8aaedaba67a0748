package uk.starred.api.report;

import org.osgi.annotation.versioning.ProviderType;

import uk.starred.api.NotPermittedException;

/** The IRO annual report's dispute-resolution section, for those with oversight of the service. */
@ProviderType
public interface AnnualReportService {

    /**
     * @return the section for the year, with the year before beside it, as the concerns stood at the end of each
     * @throws NotPermittedException when the caller has no oversight of the service
     */
    DisputeResolutionReport disputeResolution(ReportYear year);
}
