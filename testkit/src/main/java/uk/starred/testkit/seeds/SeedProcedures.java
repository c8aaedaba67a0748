package uk.starred.testkit.seeds;

import java.util.List;
import java.util.Set;

import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ProcedureRef;

/**
 * The five real councils' procedures of the seeds, as the scenarios name them: each procedure's id
 * and version, the role keys, stage ids and case-note type names its descriptor uses. The procedures
 * themselves are read from the descriptors their procedure bundles carry
 * ({@code OSGI-INF/starred/<id>.yaml}), through the system the scenario runs on
 * ({@link uk.starred.testkit.StarredSystem#seed}), so that what is tested is what a council installs.
 */
public final class SeedProcedures {

    public static final ProcedureRef STARRED_DECISIONS_000 = new ProcedureRef("seed-000-starred-decisions", "2.0.0");
    public static final ProcedureRef DISPUTE_RESOLUTION_001 = new ProcedureRef("seed-001-dispute-resolution",
            "2.0.0");
    public static final ProcedureRef LOOKED_AFTER_REVIEWS_002 = new ProcedureRef("seed-002-looked-after-reviews",
            "2.1.0");
    public static final ProcedureRef DISPUTE_RESOLUTION_FLOW_CHART_003 = new ProcedureRef(
            "seed-003-dispute-resolution-flow-chart", "2.0.0");
    public static final ProcedureRef ALERT_PROCESS_004 = new ProcedureRef("seed-004-alert-process", "2.1.0");

    // ---- role keys, from the seeds' job titles
    public static final String IRO = "IRO";
    public static final String CPC = "CPC";
    public static final String SOCIAL_WORKER = "SOCIAL_WORKER";
    public static final String ALLOCATED_WORKER = "ALLOCATED_WORKER";
    public static final String TEAM_MANAGER = "TEAM_MANAGER";
    public static final String SERVICE_MANAGER = "SERVICE_MANAGER";
    public static final String SERVICE_DELIVERY_MANAGER = "SERVICE_DELIVERY_MANAGER";
    public static final String SERVICE_DELIVERY_MANAGER_SERVICE_IMPROVEMENT = "SERVICE_DELIVERY_MANAGER_SERVICE_IMPROVEMENT";
    public static final String IRO_MANAGER = "IRO_MANAGER";
    public static final String CONFERENCE_AND_REVIEWING_MANAGER = "CONFERENCE_AND_REVIEWING_MANAGER";
    public static final String SAFEGUARDING_SERVICE_MANAGER = "SAFEGUARDING_SERVICE_MANAGER";
    public static final String COMPLAINTS_OFFICER = "COMPLAINTS_OFFICER";
    public static final String HEAD_OF_SERVICE = "HEAD_OF_SERVICE";
    public static final String HEAD_OF_SERVICE_SAFEGUARDING_QA = "HEAD_OF_SERVICE_SAFEGUARDING_QA";
    public static final String ASSISTANT_DIRECTOR = "ASSISTANT_DIRECTOR";
    public static final String DEPUTY_DIRECTOR = "DEPUTY_DIRECTOR";
    public static final String OPERATIONAL_DIRECTOR = "OPERATIONAL_DIRECTOR";
    public static final String EXECUTIVE_DIRECTOR = "EXECUTIVE_DIRECTOR";
    public static final String DIRECTOR = "DIRECTOR";
    public static final String DIRECTOR_OF_CHILDRENS_SERVICES = "DIRECTOR_OF_CHILDRENS_SERVICES";
    public static final String DIRECTOR_OF_CHILDRENS_AND_ADULT_SERVICES = "DIRECTOR_OF_CHILDRENS_AND_ADULT_SERVICES";
    public static final String MANAGING_DIRECTOR = "MANAGING_DIRECTOR";
    public static final String CHIEF_EXECUTIVE = "CHIEF_EXECUTIVE";

    // ---- case-note type names
    public static final String IRO_OR_CPC_OVERSIGHT = "IRO or CPC Oversight";
    public static final String INFORMAL_SAFEGUARDING_ALERT = "Informal Safeguarding Alert";
    public static final String DISPUTE_RESOLUTION_SAFEGUARDING_ALERT = "Dispute Resolution (Safeguarding) Alert";
    public static final String STARRED_DECISION = "Starred Decision";
    public static final String STARRED_RECOMMENDATION = "Starred Recommendation";
    public static final String DISPUTE_RESOLUTION = "Dispute Resolution";

    public static final Set<Cohort> LOOKED_AFTER = Set.of(Cohort.LOOKED_AFTER);
    public static final Set<Cohort> CHILD_PROTECTION = Set.of(Cohort.CHILD_PROTECTION);
    public static final Set<Cohort> BOTH = Set.of(Cohort.LOOKED_AFTER, Cohort.CHILD_PROTECTION);

    // ---- Seed 000: Starred Decisions and Dispute Resolution Process

    public static final String S000_STARRED_DECISION = "STARRED_DECISION";
    public static final String S000_DISPUTE_REGISTERED = "DISPUTE_REGISTERED";
    public static final String S000_SERVICE_MANAGER_AND_HEAD_OF_SERVICE = "SERVICE_MANAGER_AND_HEAD_OF_SERVICE";
    public static final String S000_HEAD_OF_SERVICE_AND_OPERATIONAL_DIRECTOR = "HEAD_OF_SERVICE_AND_OPERATIONAL_DIRECTOR";
    public static final String S000_LEGAL_ADVICE = "LEGAL_ADVICE";
    public static final String S000_EXECUTIVE_DIRECTOR = "EXECUTIVE_DIRECTOR";

    // ---- Seed 001: Dispute Resolution Procedure (seven stages, CLA and CP alike)

    public static final String S001_REVIEW = "REVIEW";
    public static final String S001_RATIFICATION = "RATIFICATION";
    public static final String S001_NOTIFICATION_OF_DECISION = "NOTIFICATION_OF_DECISION";
    public static final String S001_INFORMAL_RESOLUTION = "INFORMAL_RESOLUTION";
    public static final String S001_FORMAL_CHILDRENS_SERVICES = "FORMAL_RESOLUTION_CHILDRENS_SERVICES";
    public static final String S001_FORMAL_LOCAL_AUTHORITY = "FORMAL_RESOLUTION_LOCAL_AUTHORITY";
    public static final String S001_CHIEF_EXECUTIVE = "CHIEF_EXECUTIVE";
    public static final String S001_DECISION_BY_CAFCASS = "DECISION_BY_CAFCASS";

    // ---- Seed 002: Looked After Reviews, section 11 and the three-level Local Dispute Resolution Process

    public static final String S002_INFORMAL = "INFORMAL";
    public static final String S002_LEVEL_1 = "LEVEL_1";
    public static final String S002_LEVEL_2 = "LEVEL_2";
    public static final String S002_LEVEL_3 = "LEVEL_3";

    // ---- Seed 003: Dispute Resolution flow chart (six stages)

    public static final String S003_INFORMAL_DISCUSSION = "INFORMAL_DISCUSSION";
    public static final String S003_STAGE_1 = "STAGE_1";
    public static final String S003_STAGE_2 = "STAGE_2";
    public static final String S003_STAGE_3 = "STAGE_3";
    public static final String S003_STAGE_4 = "STAGE_4";
    public static final String S003_STAGE_5 = "STAGE_5";
    public static final String S003_STAGE_6 = "STAGE_6";

    // ---- Seed 004: Dispute Resolution Alert Process (CP and CLA)

    public static final String S004_CONVERSATION = "CONVERSATION";
    public static final String S004_INFORMAL_ALERT = "INFORMAL_ALERT";
    public static final String S004_FORMAL_ALERT = "FORMAL_ALERT";
    public static final String S004_HEAD_OF_SERVICE_AND_DEPUTY_DIRECTOR = "HEAD_OF_SERVICE_AND_DEPUTY_DIRECTOR";

    private SeedProcedures() {
    }

    /** @return the five seeds' procedures, in the seeds' order */
    public static List<ProcedureRef> all() {
        return List.of(STARRED_DECISIONS_000, DISPUTE_RESOLUTION_001, LOOKED_AFTER_REVIEWS_002,
                DISPUTE_RESOLUTION_FLOW_CHART_003, ALERT_PROCESS_004);
    }

    /** @return where the procedure's descriptor is, in its procedure bundle and on a test's class path */
    public static String descriptor(ProcedureRef seed) {
        return "OSGI-INF/starred/" + seed.id() + ".yaml";
    }
}
