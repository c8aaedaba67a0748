package uk.starred.testkit.seeds;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.starred.api.calendar.Timescale;
import uk.starred.api.procedure.CafcassRule;
import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.ConcernEvent;
import uk.starred.api.procedure.OnDeadline;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.Reason;
import uk.starred.api.procedure.RequiredAction;
import uk.starred.api.procedure.Stage;

/**
 * The five real councils' procedures of /work/shared/seeds, as the data a procedure bundle would
 * register. Stage names, role keys, timescales, required actions, reasons and case-note type names
 * follow each seed's own words; where a seed says something the engine has no field for, the
 * closest faithful shape is used and the comment says what was left out.
 *
 * <p>Where a seed asks for something to be "recorded on the child's file" without naming a case-note
 * type, the type is the seed's own name for its process ("Starred Decision", "Dispute Resolution").
 * Where a seed names no one to answer a stage, the responding role is the manager whose agreement
 * the stage seeks, so that the answer is recorded with who gave it.
 */
public final class SeedProcedures {

    public static final String VERSION = "1.0.0";

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
    /** Seed 004, step 1: the agreed solution is uploaded into case notes "using 'IRO or CPC Oversight'". */
    public static final String IRO_OR_CPC_OVERSIGHT = "IRO or CPC Oversight";
    /** Seed 004, step 2: the Informal Alert is uploaded into case notes "using 'Informal Safeguarding Alert'". */
    public static final String INFORMAL_SAFEGUARDING_ALERT = "Informal Safeguarding Alert";
    /** Seed 004, step 3: the Formal Alert is raised as the Mosaic episode of this name. */
    public static final String DISPUTE_RESOLUTION_SAFEGUARDING_ALERT = "Dispute Resolution (Safeguarding) Alert";
    public static final String STARRED_DECISION = "Starred Decision";
    public static final String STARRED_RECOMMENDATION = "Starred Recommendation";
    public static final String DISPUTE_RESOLUTION = "Dispute Resolution";

    public static final Set<Cohort> LOOKED_AFTER = Set.of(Cohort.LOOKED_AFTER);
    public static final Set<Cohort> CHILD_PROTECTION = Set.of(Cohort.CHILD_PROTECTION);
    public static final Set<Cohort> BOTH = Set.of(Cohort.LOOKED_AFTER, Cohort.CHILD_PROTECTION);

    /** Every event the engine may write on the child's file. */
    public static final Set<ConcernEvent> EVERY_EVENT = EnumSet.allOf(ConcernEvent.class);
    /** The events that happen within a stage and belong to it (CAFCASS events belong to the whole concern). */
    public static final Set<ConcernEvent> STAGE_EVENTS = EnumSet.of(ConcernEvent.STAGE_ENTERED,
            ConcernEvent.RESPONSE_RECORDED, ConcernEvent.ACTION_RECORDED, ConcernEvent.AGREED_ACTION_COMPLETED,
            ConcernEvent.COMMUNICATION_RECORDED, ConcernEvent.STAGE_BYPASSED, ConcernEvent.RESOLVED,
            ConcernEvent.WITHDRAWN, ConcernEvent.CLOSED);

    /** CAFCASS decides within 14 days of referral (seeds 000 and 001; the IRO Handbook for the others). */
    public static final Timescale CAFCASS_FOURTEEN_DAYS = Timescale.calendarDays(14);

    private SeedProcedures() {
    }

    public static List<Procedure> all() {
        return List.of(starredDecisions000(), disputeResolution001(), lookedAfterReviews002(),
                disputeResolutionFlowChart003(), alertProcess004());
    }

    // =====================================================================================
    // Seed 000: Starred Decisions and Dispute Resolution Process
    // =====================================================================================

    public static final String S000_STARRED_DECISION = "STARRED_DECISION";
    public static final String S000_DISPUTE_REGISTERED = "DISPUTE_REGISTERED";
    public static final String S000_SERVICE_MANAGER_AND_HEAD_OF_SERVICE = "SERVICE_MANAGER_AND_HEAD_OF_SERVICE";
    public static final String S000_HEAD_OF_SERVICE_AND_OPERATIONAL_DIRECTOR = "HEAD_OF_SERVICE_AND_OPERATIONAL_DIRECTOR";
    public static final String S000_LEGAL_ADVICE = "LEGAL_ADVICE";
    public static final String S000_EXECUTIVE_DIRECTOR = "EXECUTIVE_DIRECTOR";

    /**
     * A starred decision sent to the Team Manager and Service Manager; five working days for the Team
     * Manager to agree; then the table's four registered-dispute steps, with the unnumbered "take
     * legal advice" row as a stage of its own because step 4's five working days run "of taking legal
     * advice". The Executive Director's stage is last, so a referral "at the end" is made from it.
     * Looked-after children only: the seed applies the Care Planning, Placement and Case Review
     * Regulations. Starred decisions are starred at review: no stage may be entered directly or
     * bypassed. The seed gives no timescale to the dispute registration itself.
     */
    public static Procedure starredDecisions000() {
        List<StageBuilder> stages = List.of(
                stage(S000_STARRED_DECISION, "Starred decision sent to the Team Manager and Service Manager")
                        .participants(IRO, TEAM_MANAGER, SERVICE_MANAGER)
                        .notified(TEAM_MANAGER, SERVICE_MANAGER)
                        .respondedBy(TEAM_MANAGER)
                        .action("CONVERSATION_BEFORE_ISSUE", "Wherever possible a starred decision should only be"
                                + " issued following a conversation between the IRO and the Team Manager", IRO)
                        .action("DISCUSSED_WITH_IRO", "If the Team Manager does not agree with the starred decision"
                                + " they should discuss this with the Independent Reviewing Officer", TEAM_MANAGER)
                        .within(Timescale.workingDays(5)).onDeadline(OnDeadline.PROMPT_IRO)
                        .notes(STARRED_DECISION, STAGE_EVENTS),
                stage(S000_DISPUTE_REGISTERED, "1 Dispute Registered")
                        .participants(IRO, SERVICE_MANAGER, HEAD_OF_SERVICE)
                        .notified(SERVICE_MANAGER)
                        .respondedBy(SERVICE_MANAGER)
                        .action("DISCUSSED_WITH_SERVICE_MANAGER", "The Independent Reviewing Officer registers the"
                                + " dispute by discussing the matter with the Service Manager", IRO)
                        .formal(),
                stage(S000_SERVICE_MANAGER_AND_HEAD_OF_SERVICE, "2 The IRO and HoS Safeguarding & QA meet the"
                        + " relevant Service Manager and Head of Service")
                        .participants(IRO, HEAD_OF_SERVICE_SAFEGUARDING_QA, SERVICE_MANAGER, HEAD_OF_SERVICE)
                        .notified(HEAD_OF_SERVICE_SAFEGUARDING_QA, SERVICE_MANAGER, HEAD_OF_SERVICE)
                        .respondedBy(HEAD_OF_SERVICE)
                        .action("MEETING_HELD", "The IRO and HoS Safeguarding & QA met the relevant Service Manager"
                                + " and Head of Service to try and resolve the issue", HEAD_OF_SERVICE_SAFEGUARDING_QA)
                        .within(Timescale.workingDays(5)).onDeadline(OnDeadline.PROMPT_IRO).formal(),
                stage(S000_HEAD_OF_SERVICE_AND_OPERATIONAL_DIRECTOR, "3 The IRO and HoS Safeguarding & QA meet the"
                        + " relevant Head of Service and Operational Director")
                        .participants(IRO, HEAD_OF_SERVICE_SAFEGUARDING_QA, HEAD_OF_SERVICE, OPERATIONAL_DIRECTOR)
                        .notified(HEAD_OF_SERVICE_SAFEGUARDING_QA, HEAD_OF_SERVICE, OPERATIONAL_DIRECTOR)
                        .respondedBy(OPERATIONAL_DIRECTOR)
                        .action("MEETING_HELD", "The IRO and HoS Safeguarding & QA met the relevant Head of Service"
                                + " and Operational Director to try and resolve the issue",
                                HEAD_OF_SERVICE_SAFEGUARDING_QA)
                        .within(Timescale.workingDays(5)).onDeadline(OnDeadline.PROMPT_IRO).formal(),
                stage(S000_LEGAL_ADVICE, "The Independent Reviewing Officer takes legal advice")
                        .participants(IRO)
                        .action("LEGAL_ADVICE_TAKEN", "Legal advice about whether the failure to implement the Care"
                                + " Plan might be considered to breach the child's human rights and whether referral to"
                                + " CAFCASS may be required", IRO)
                        .formal(),
                stage(S000_EXECUTIVE_DIRECTOR, "4 The Executive Director Families and Well-being notified in"
                        + " writing; a meeting arranged")
                        .participants(IRO, EXECUTIVE_DIRECTOR)
                        .notified(EXECUTIVE_DIRECTOR)
                        .respondedBy(EXECUTIVE_DIRECTOR)
                        .action("EXECUTIVE_DIRECTOR_NOTIFIED_IN_WRITING", "The Executive Director Families and"
                                + " Well-being notified in writing of the case and the causes for concern", IRO)
                        .action("MEETING_HELD", "Meeting with the Executive Director Families and Well-being", IRO)
                        .within(Timescale.workingDays(5)).onDeadline(OnDeadline.PROMPT_IRO).formal());
        List<Reason> reasons = List.of(
                new Reason("REVIEW_NOT_TO_STANDARD", "The review of the child's case has not been completed to the"
                        + " standards required by the Regulations", LOOKED_AFTER),
                new Reason("CARE_PLAN_NOT_IMPLEMENTED", "Children's Services are failing to properly implement the"
                        + " child's Care Plan", LOOKED_AFTER),
                new Reason("UNABLE_TO_ENDORSE_CARE_PLAN", "The Independent Reviewing Officer is unable to endorse the"
                        + " child's Care Plan", LOOKED_AFTER),
                new Reason("DRIFT_OR_DELAY", "There are issues of drift or potential delay", LOOKED_AFTER));
        Map<ConcernEvent, String> notes = notes(DISPUTE_RESOLUTION, EVERY_EVENT);
        notes.put(ConcernEvent.RAISED, STARRED_DECISION);
        return new Procedure("seed-000-starred-decisions", VERSION, "Starred Decisions and Dispute Resolution Process",
                LOOKED_AFTER,
                List.of(IRO, TEAM_MANAGER, SERVICE_MANAGER, HEAD_OF_SERVICE, HEAD_OF_SERVICE_SAFEGUARDING_QA,
                        OPERATIONAL_DIRECTOR, EXECUTIVE_DIRECTOR),
                List.of(IRO), build(stages), reasons, null,
                // "may refer the matter to CAFCASS at any point ... a concurrent referral"; "should inform
                // the Operational Director if a referral to CAFCASS is being considered"
                new CafcassRule(true, List.of(OPERATIONAL_DIRECTOR), CAFCASS_FOURTEEN_DAYS), notes);
    }

    // =====================================================================================
    // Seed 001: Dispute Resolution Procedure (seven stages, CLA and CP alike)
    // =====================================================================================

    public static final String S001_REVIEW = "REVIEW";
    public static final String S001_RATIFICATION = "RATIFICATION";
    public static final String S001_NOTIFICATION_OF_DECISION = "NOTIFICATION_OF_DECISION";
    public static final String S001_INFORMAL_RESOLUTION = "INFORMAL_RESOLUTION";
    public static final String S001_FORMAL_CHILDRENS_SERVICES = "FORMAL_RESOLUTION_CHILDRENS_SERVICES";
    public static final String S001_FORMAL_LOCAL_AUTHORITY = "FORMAL_RESOLUTION_LOCAL_AUTHORITY";
    public static final String S001_DECISION_BY_CAFCASS = "DECISION_BY_CAFCASS";

    /**
     * Seven numbered stages. Stages one to six take 2 + 2 + 4 + 4 + 4 + 4 = 20 working days, which is
     * the seed's "timescales in total of no more than 20 days" (IRO Handbook 6.2), so all six count
     * towards the total. The Conference and Review officer is called "IRO" throughout the procedure,
     * so one role key serves both. The "Service Head" of stage two and the "Senior Manager" of stage
     * four are the same post, the Head of Service (who is also told of a CAFCASS referral).
     */
    public static Procedure disputeResolution001() {
        List<StageBuilder> stages = List.of(
                stage(S001_REVIEW, "Stage One - The Review")
                        .participants(IRO, ALLOCATED_WORKER, TEAM_MANAGER, IRO_MANAGER)
                        .notified(ALLOCATED_WORKER, TEAM_MANAGER, IRO_MANAGER)
                        .action("RECOMMENDATIONS_FORWARDED", "IRO electronically forwards the recommendations to the"
                                + " Allocated Worker, the Team Manager and the IRO Manager", IRO)
                        .action("IRO_MANAGER_NOTIFIED", "IRO to notify the IRO Manager of the details of every"
                                + " starred recommendation made", IRO)
                        .within(Timescale.workingDays(2)).onDeadline(OnDeadline.PROMPT_IRO)
                        .notes(STARRED_RECOMMENDATION, STAGE_EVENTS),
                stage(S001_RATIFICATION, "Stage Two - Ratification of the Recommendations")
                        .participants(IRO, TEAM_MANAGER, IRO_MANAGER)
                        .respondedBy(TEAM_MANAGER)
                        .action("IRO_MANAGER_INFORMED", "If not agreed the IRO informs the IRO Manager and a decision"
                                + " is made whether to progress to stage three", IRO)
                        .within(Timescale.workingDays(2)).onDeadline(OnDeadline.PROMPT_IRO)
                        // "If the Team Manager doesn't have the remit ... refer directly to relevant
                        // Service Head at Stage 4"
                        .noRemitGoesTo(S001_INFORMAL_RESOLUTION)
                        .notes(STARRED_RECOMMENDATION, STAGE_EVENTS),
                stage(S001_NOTIFICATION_OF_DECISION, "Stage Three - Notification of Decision")
                        .participants(IRO, TEAM_MANAGER, IRO_MANAGER, COMPLAINTS_OFFICER)
                        .notified(TEAM_MANAGER)
                        .respondedBy(TEAM_MANAGER)
                        .action("MET_TEAM_MANAGER", "The IRO will meet with the Team Manager with a view to resolving"
                                + " the matter informally", IRO)
                        .action("IRO_MANAGER_INFORMED", "If there is no agreement following discussion, the IRO will"
                                + " inform the IRO Manager", IRO)
                        .action("YOUNG_PERSON_INFORMED", "The IRO will inform the young person of what is happening"
                                + " ensuring the young person understands the issues (this may be done via the child's"
                                + " advocate)", IRO)
                        .action("RIGHT_TO_COMPLAIN_AND_TO_AN_ADVOCATE", "The IRO will inform the young person that"
                                + " they have a right to complain to the local authority and of the local authority's"
                                + " responsibilities to provide them with an independent advocate", IRO)
                        .action("COMPLAINT_MADE", "Complaints Officer to inform the IRO if a complaint is made",
                                COMPLAINTS_OFFICER)
                        .within(Timescale.workingDays(4)).onDeadline(OnDeadline.PROMPT_IRO),
                stage(S001_INFORMAL_RESOLUTION, "Stage Four - Informal Resolution")
                        .participants(IRO, IRO_MANAGER, TEAM_MANAGER, HEAD_OF_SERVICE, SAFEGUARDING_SERVICE_MANAGER)
                        .notified(IRO_MANAGER, TEAM_MANAGER)
                        .respondedBy(HEAD_OF_SERVICE)
                        .action("PROGRESSION_DISCUSSED", "IRO to discuss with IRO Manager to decide whether to"
                                + " progress, considering whether the issue is a matter for CAFCASS / Courts or within"
                                + " the remit of the agency", IRO)
                        .action("MEETING_HELD", "IRO, IRO Manager, Team Manager and Senior Manager meeting /"
                                + " discussions about the recommendations", IRO)
                        .action("SAFEGUARDING_SERVICE_MANAGER_INFORMED", "The IRO Manager will inform the Safeguarding"
                                + " Service Manager and seek advice where necessary", IRO_MANAGER)
                        .within(Timescale.workingDays(4)).onDeadline(OnDeadline.PROMPT_IRO),
                stage(S001_FORMAL_CHILDRENS_SERVICES, "Stage Five - Formal Resolution with Children's Services")
                        .participants(IRO, IRO_MANAGER, ASSISTANT_DIRECTOR, SAFEGUARDING_SERVICE_MANAGER)
                        .notified(IRO_MANAGER)
                        .respondedBy(ASSISTANT_DIRECTOR)
                        .action("DISCUSSED_WITH_ASSISTANT_DIRECTOR", "The IRO and the IRO Manager seek discussions"
                                + " with the Assistant Director of Children's Social Care", IRO)
                        .action("INTERNAL_DECISION_CONSIDERED", "The IRO and IRO Manager, with advice from the"
                                + " Safeguarding Service Manager where appropriate, decide whether the matter is for"
                                + " internal decision making only", IRO)
                        .within(Timescale.workingDays(4)).onDeadline(OnDeadline.PROMPT_IRO),
                stage(S001_FORMAL_LOCAL_AUTHORITY, "Stage Six - Formal Resolution within the Local Authority")
                        .participants(IRO, IRO_MANAGER, SAFEGUARDING_SERVICE_MANAGER, DIRECTOR, CHIEF_EXECUTIVE)
                        .notified(IRO_MANAGER, SAFEGUARDING_SERVICE_MANAGER)
                        .respondedBy(DIRECTOR)
                        .action("LEGAL_ADVICE_CONSIDERED", "Legal advice has been considered", IRO)
                        .action("DISCUSSED_WITH_DIRECTOR", "The IRO, IRO Manager and Safeguarding Service Manager"
                                + " discuss the unresolved issue with the Director, documenting the reasons for a"
                                + " 'potential breach of human rights' or a breach of the Care Planning, Placement and"
                                + " Review of Cases Regulations 2011", IRO)
                        .action("REFERRED_TO_CHIEF_EXECUTIVE", "The Safeguarding Service Manager refers the matter to"
                                + " the Chief Executive for discussion", SAFEGUARDING_SERVICE_MANAGER)
                        .action("DISCUSSED_WITH_CHIEF_EXECUTIVE", "Discussion with the Chief Executive",
                                CHIEF_EXECUTIVE)
                        .within(Timescale.workingDays(4)).onDeadline(OnDeadline.PROMPT_IRO),
                stage(S001_DECISION_BY_CAFCASS, "Stage Seven - Decision by CAFCASS")
                        .participants(IRO, IRO_MANAGER)
                        .notified(IRO_MANAGER)
                        .within(CAFCASS_FOURTEEN_DAYS));
        List<Stage> built = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            StageBuilder s = stages.get(i);
            if (i < 6) {
                // "The IRO can determine what level to begin the process"; stages one to six make the 20 days
                s.mayEnterDirectly().formal();
            }
            built.add(s.build());
        }
        List<Reason> reasons = new ArrayList<>();
        // "Starred recommendations must be considered when the IRO is of the opinion that the local
        // authority have ..."
        reasons.add(new Reason("CARE_PLAN_NOT_PREPARED", "The local authority have not prepared the care plan in"
                + " accordance with the regulations", BOTH));
        reasons.add(new Reason("CARE_PLAN_NOT_REVIEWED", "The local authority have not reviewed the child's care"
                + " plan within the regulations", BOTH));
        reasons.add(new Reason("REVIEW_DECISION_NOT_IMPLEMENTED", "The local authority have not effectively"
                + " implemented a decision taken in consequence of a review", BOTH));
        // "Examples of when a starred recommendation may be used are:"
        String implementation = "Implementation of Significant action within the Care Plan: ";
        reasons.add(new Reason("DELAY_DISCHARGE_OF_CARE_ORDER", implementation + "Delay in the Discharge of Care Order",
                BOTH));
        reasons.add(new Reason("DELAY_INITIATING_CARE_PROCEEDINGS", implementation
                + "Delay in initiating care proceedings", BOTH));
        reasons.add(new Reason("SIGNIFICANT_DOCUMENTS_INCOMPLETE", implementation + "significant documents incomplete"
                + " - Care Plan, Court reports, Adoption process records", BOTH));
        reasons.add(new Reason("PLACEMENT_NOT_MEETING_NEEDS", implementation + "Placement issues - placement not"
                + " appropriate to meet child's needs - lack of action taken to address this", BOTH));
        reasons.add(new Reason("PLACEMENT_MOVE_WITHOUT_ASSESSMENT", implementation + "Placement move planned without a"
                + " full assessment of the child's needs and matching not taken place to evidence that the planned"
                + " move is the correct move", BOTH));
        reasons.add(new Reason("TRANSITION_PLANNING", implementation + "Transition planning - lack of clear plans for"
                + " any child leaving care or those requiring transition to adult services", BOTH));
        String resources = "Accessing other resources: ";
        reasons.add(new Reason("SCHOOL_PLACEMENT", resources + "School placement", BOTH));
        reasons.add(new Reason("CAMHS_REFERRAL", resources + "Referral to CAMHS", BOTH));
        reasons.add(new Reason("ADVOCACY_OR_INDEPENDENT_VISITOR", resources
                + "Children's Advocacy service / Independent Visitor", BOTH));
        reasons.add(new Reason("AIDS_AND_ADAPTATIONS", resources
                + "Additional aids and adaptations for children with disabilities", BOTH));
        String practice = "Inadequate / poor practice: ";
        reasons.add(new Reason("NO_PEP", practice + "No PEP, despite previous recommendations", BOTH));
        reasons.add(new Reason("NO_UP_TO_DATE_CARE_PLAN", practice + "No up to date care plans", BOTH));
        reasons.add(new Reason("STATUTORY_VISITS_NOT_UNDERTAKEN", practice + "Statutory visits not undertaken", BOTH));
        reasons.add(new Reason("LIFE_STORY_AND_LATER_LIFE_LETTERS", practice + "Delays in completion of 'life story'"
                + " work and 'later life' letters", BOTH));
        Map<ConcernEvent, String> notes = notes(DISPUTE_RESOLUTION, EVERY_EVENT);
        notes.put(ConcernEvent.RAISED, STARRED_RECOMMENDATION);
        return new Procedure("seed-001-dispute-resolution", VERSION, "Dispute Resolution Procedure", BOTH,
                List.of(IRO, ALLOCATED_WORKER, TEAM_MANAGER, IRO_MANAGER, HEAD_OF_SERVICE, SAFEGUARDING_SERVICE_MANAGER,
                        COMPLAINTS_OFFICER, ASSISTANT_DIRECTOR, DIRECTOR, CHIEF_EXECUTIVE),
                List.of(IRO), built, reasons, Timescale.workingDays(20),
                // "IRO's can at any point ... refer a concern to CAFCASS ... On doing so the Head of
                // Service will be informed with the reasons why."
                new CafcassRule(true, List.of(HEAD_OF_SERVICE), CAFCASS_FOURTEEN_DAYS), notes);
    }

    // =====================================================================================
    // Seed 002: Looked After Reviews, section 11 and the three-level Local Dispute Resolution Process
    // =====================================================================================

    public static final String S002_REVIEW_DECISIONS = "REVIEW_DECISIONS";
    public static final String S002_INFORMAL = "INFORMAL";
    public static final String S002_LEVEL_1 = "LEVEL_1";
    public static final String S002_LEVEL_2 = "LEVEL_2";
    public static final String S002_LEVEL_3 = "LEVEL_3";

    /**
     * Section 11: the decision record goes to the (C)SDM, Team Manager and Social Worker, and the
     * Service Delivery Manager has five working days to disagree, silence meaning agreement. Section
     * 13: informal resolution with the Social Worker or Team Manager first, then three levels, which
     * "can enter ... at any level"; "resolution is sought within 20 working days". The levels have no
     * timescales of their own. The "managers of ... the area team" at level 1 are the Service Delivery
     * Managers, whose disagreement starts the process; the "respective Heads of Service" of the IRO
     * Service and of the area team both hold the Head of Service role for the child.
     */
    public static Procedure lookedAfterReviews002() {
        List<Stage> stages = List.of(
                stage(S002_REVIEW_DECISIONS, "Review decisions considered by the Service Delivery Manager")
                        .participants(IRO, SERVICE_DELIVERY_MANAGER, TEAM_MANAGER, SOCIAL_WORKER)
                        .notified(SERVICE_DELIVERY_MANAGER, TEAM_MANAGER, SOCIAL_WORKER)
                        .respondedBy(SERVICE_DELIVERY_MANAGER)
                        .within(Timescale.workingDays(5)).onDeadline(OnDeadline.DEEMED_AGREEMENT),
                stage(S002_INFORMAL, "Informal resolution with the Social Worker or the Social Work Team Manager")
                        .participants(IRO, SOCIAL_WORKER, TEAM_MANAGER)
                        .notified(SOCIAL_WORKER, TEAM_MANAGER)
                        .respondedBy(TEAM_MANAGER)
                        .mayEnterDirectly(),
                stage(S002_LEVEL_1, "Level 1: the IRO and the respective managers of the IRO Service and the area"
                        + " team")
                        .participants(IRO, IRO_MANAGER, SERVICE_DELIVERY_MANAGER)
                        .notified(IRO_MANAGER, SERVICE_DELIVERY_MANAGER)
                        .respondedBy(SERVICE_DELIVERY_MANAGER)
                        .mayEnterDirectly().formal(),
                stage(S002_LEVEL_2, "Level 2: the respective Heads of Service")
                        .participants(IRO, IRO_MANAGER, HEAD_OF_SERVICE)
                        .notified(HEAD_OF_SERVICE)
                        .respondedBy(HEAD_OF_SERVICE)
                        .mayEnterDirectly().formal(),
                stage(S002_LEVEL_3, "Level 3: the Director of Children's Services")
                        .participants(IRO, HEAD_OF_SERVICE, DIRECTOR_OF_CHILDRENS_SERVICES)
                        .notified(DIRECTOR_OF_CHILDRENS_SERVICES)
                        .respondedBy(DIRECTOR_OF_CHILDRENS_SERVICES)
                        .mayEnterDirectly().formal())
                .stream().map(StageBuilder::build).toList();
        List<Reason> reasons = List.of(
                new Reason("REVIEW_NOT_HELD_IN_TIME", "A Looked After Review not held within the statutory intervals"
                        + " (within 20 working days of becoming looked after, within three months of the first, then"
                        + " not more than six months apart)", LOOKED_AFTER),
                new Reason("DECISION_RECORD_LATE", "The review record not completed within 15 working days or not"
                        + " distributed within 20 working days", LOOKED_AFTER),
                new Reason("SDM_DISAGREES_WITH_DECISIONS", "The Service Delivery Manager disagrees with decisions made"
                        + " at the review", LOOKED_AFTER),
                new Reason("DECISIONS_NOT_IMPLEMENTED", "Agreed decisions from a review are not carried out within the"
                        + " specified timescale", LOOKED_AFTER),
                new Reason("DRIFT_IN_PLAN", "A risk of drift in the delivery of a plan that will meet the child's needs"
                        + " and planned outcomes within the child's timescales", LOOKED_AFTER),
                new Reason("NO_PERMANENCE_PLAN", "The Care Plan does not include a Permanence Plan with measurable"
                        + " milestones and a Contingency Plan", LOOKED_AFTER),
                new Reason("PLANS_NOT_UP_TO_DATE", "The Care Plan, Health Plan, Personal Education Plan or Pathway Plan"
                        + " is not in place or not up to date", LOOKED_AFTER),
                new Reason("IRO_NOT_INFORMED", "The IRO was not informed of a significant change in the child's"
                        + " circumstances", LOOKED_AFTER),
                new Reason("POOR_PRACTICE", "Evidence of poor practice, including failure to take proper steps to"
                        + " implement decisions", LOOKED_AFTER));
        return new Procedure("seed-002-looked-after-reviews", VERSION,
                "Looked After Reviews: Local Dispute Resolution Process", LOOKED_AFTER,
                List.of(IRO, SOCIAL_WORKER, TEAM_MANAGER, SERVICE_DELIVERY_MANAGER, IRO_MANAGER, HEAD_OF_SERVICE,
                        DIRECTOR_OF_CHILDRENS_SERVICES),
                List.of(IRO), stages, reasons, Timescale.workingDays(20),
                // "power to refer the matter to CAFCASS at any point ... a concurrent referral"; the
                // seed names nobody to be told first
                new CafcassRule(true, List.of(), CAFCASS_FOURTEEN_DAYS), notes(DISPUTE_RESOLUTION, EVERY_EVENT));
    }

    // =====================================================================================
    // Seed 003: Dispute Resolution flow chart (six stages)
    // =====================================================================================

    public static final String S003_INFORMAL_DISCUSSION = "INFORMAL_DISCUSSION";
    public static final String S003_STAGE_1 = "STAGE_1";
    public static final String S003_STAGE_2 = "STAGE_2";
    public static final String S003_STAGE_3 = "STAGE_3";
    public static final String S003_STAGE_4 = "STAGE_4";
    public static final String S003_STAGE_5 = "STAGE_5";
    public static final String S003_STAGE_6 = "STAGE_6";

    /**
     * The flow chart: an informal discussion, then six stages, each ending "Issue resolved, no
     * further action" or "If not resolved" the next. Stage 1's Team Manager has "5 days", the others
     * "5 working days". "The IRO may bypass any stage ... if there is a clear rational for doing so";
     * the chart starts every concern with the informal discussion, so no stage is entered directly.
     * The IRO "may curtail the process, at any stage, ... and make a referral to CAFCASS"; the chart
     * offers no referral alongside the process before it is under way, and names nobody to be told
     * first. The IRO's line manager is the Conference and Reviewing Manager.
     */
    public static Procedure disputeResolutionFlowChart003() {
        List<Stage> stages = List.of(
                stage(S003_INFORMAL_DISCUSSION, "Informal discussion between IRO and Social Worker / Team Manager")
                        .participants(IRO, SOCIAL_WORKER, TEAM_MANAGER)
                        .notified(SOCIAL_WORKER, TEAM_MANAGER),
                stage(S003_STAGE_1, "Stage 1: IRO alert; Team Manager responds within 5 days")
                        .participants(IRO, SOCIAL_WORKER, TEAM_MANAGER, CONFERENCE_AND_REVIEWING_MANAGER)
                        .notified(SOCIAL_WORKER, TEAM_MANAGER)
                        .respondedBy(TEAM_MANAGER)
                        .action("DISCUSSED_IN_PERSON", "IRO discusses case in person with Social Worker and Team"
                                + " Manager", IRO)
                        .action("LINE_MANAGER_INFORMED", "IRO informs own line manager", IRO)
                        .action("ALERT_ISSUED_BY_EMAIL", "IRO issues alert via email", IRO)
                        .action("ACCESS_TO_SOLICITOR", "Where the child/young person is of sufficient age and"
                                + " understanding to bring proceedings without the need for an adult to act on their"
                                + " behalf, the IRO should ensure that the child/young person has access to a suitably"
                                + " experienced solicitor", IRO)
                        .within(Timescale.calendarDays(5)).onDeadline(OnDeadline.PROMPT_IRO).mayBypass().formal(),
                stage(S003_STAGE_2, "Stage 2: Conference and Reviewing Manager and SDM of the relevant C&F Service")
                        .participants(IRO, CONFERENCE_AND_REVIEWING_MANAGER, SERVICE_DELIVERY_MANAGER)
                        .notified(CONFERENCE_AND_REVIEWING_MANAGER, SERVICE_DELIVERY_MANAGER)
                        .respondedBy(SERVICE_DELIVERY_MANAGER)
                        .action("ALERT_PROGRESSED", "IRO alert is progressed", IRO)
                        .action("MEETING_HELD", "Discussion/Meeting between Conference and Reviewing Manager and SDM"
                                + " of relevant C&F Service", CONFERENCE_AND_REVIEWING_MANAGER)
                        .within(Timescale.workingDays(5)).onDeadline(OnDeadline.PROMPT_IRO).mayBypass().formal(),
                stage(S003_STAGE_3, "Stage 3: Assistant Director, Children's Safeguarding, Specialist Services and"
                        + " SDM (Service Improvement)")
                        .participants(IRO, CONFERENCE_AND_REVIEWING_MANAGER, ASSISTANT_DIRECTOR,
                                SERVICE_DELIVERY_MANAGER_SERVICE_IMPROVEMENT)
                        .notified(ASSISTANT_DIRECTOR, SERVICE_DELIVERY_MANAGER_SERVICE_IMPROVEMENT)
                        .respondedBy(ASSISTANT_DIRECTOR)
                        .action("MEETING_HELD", "Discussion/Meeting with Assistant Director, Children's Safeguarding,"
                                + " Specialist Services and SDM (Service Improvement)", IRO)
                        .within(Timescale.workingDays(5)).onDeadline(OnDeadline.PROMPT_IRO).mayBypass().formal(),
                stage(S003_STAGE_4, "Stage 4: independent legal advice; Director of Children's and Adult Services")
                        .participants(IRO, DIRECTOR_OF_CHILDRENS_AND_ADULT_SERVICES)
                        .notified(DIRECTOR_OF_CHILDRENS_AND_ADULT_SERVICES)
                        .respondedBy(DIRECTOR_OF_CHILDRENS_AND_ADULT_SERVICES)
                        .action("INDEPENDENT_LEGAL_ADVICE", "IRO seeks independent legal advice", IRO)
                        .action("MEETING_WITH_DIRECTOR", "Meeting arranged with Director of Children's and Adult"
                                + " Services who considers matters in consultation", IRO)
                        .within(Timescale.workingDays(5)).onDeadline(OnDeadline.PROMPT_IRO).mayBypass().formal(),
                stage(S003_STAGE_5, "Stage 5: interview with the Managing Director")
                        .participants(IRO, CONFERENCE_AND_REVIEWING_MANAGER,
                                SERVICE_DELIVERY_MANAGER_SERVICE_IMPROVEMENT, MANAGING_DIRECTOR)
                        .notified(CONFERENCE_AND_REVIEWING_MANAGER, SERVICE_DELIVERY_MANAGER_SERVICE_IMPROVEMENT,
                                MANAGING_DIRECTOR)
                        .respondedBy(MANAGING_DIRECTOR)
                        .action("INTERVIEW_WITH_MANAGING_DIRECTOR", "IRO, Conference Reviewing Manager and SDM"
                                + " (Service Improvement) seek interview with Managing Director", IRO)
                        .within(Timescale.workingDays(5)).onDeadline(OnDeadline.PROMPT_IRO).mayBypass().formal(),
                stage(S003_STAGE_6, "Stage 6: IRO submits referral to CAFCASS for consideration of legal proceedings")
                        .participants(IRO, CONFERENCE_AND_REVIEWING_MANAGER)
                        .notified(CONFERENCE_AND_REVIEWING_MANAGER)
                        .mayBypass().formal())
                .stream().map(StageBuilder::build).toList();
        List<Reason> reasons = List.of(
                new Reason("RED_RAG_RATING", "A red RAG rating arising from the Child in Care Review", LOOKED_AFTER),
                new Reason("CONCERN_IDENTIFIED_BY_IRO", "Concerns Identified by the Independent Reviewing Officer (IRO)",
                        LOOKED_AFTER),
                new Reason("CONCERN_OUTSIDE_REVIEW", "Concerns arising outside of the Child in Care Review",
                        LOOKED_AFTER));
        return new Procedure("seed-003-dispute-resolution-flow-chart", VERSION, "Dispute Resolution Process",
                LOOKED_AFTER,
                List.of(IRO, SOCIAL_WORKER, TEAM_MANAGER, CONFERENCE_AND_REVIEWING_MANAGER, SERVICE_DELIVERY_MANAGER,
                        ASSISTANT_DIRECTOR, SERVICE_DELIVERY_MANAGER_SERVICE_IMPROVEMENT,
                        DIRECTOR_OF_CHILDRENS_AND_ADULT_SERVICES, MANAGING_DIRECTOR),
                List.of(IRO), stages, reasons, null,
                new CafcassRule(false, List.of(), CAFCASS_FOURTEEN_DAYS),
                // "maintain records of all communication and outcome at each stage ... on the child's
                // file in line with Dispute Resolution Recording Protocol"
                notes(DISPUTE_RESOLUTION, EVERY_EVENT));
    }

    // =====================================================================================
    // Seed 004: Dispute Resolution Alert Process (CP and CLA)
    // =====================================================================================

    public static final String S004_CONVERSATION = "CONVERSATION";
    public static final String S004_INFORMAL_ALERT = "INFORMAL_ALERT";
    public static final String S004_FORMAL_ALERT = "FORMAL_ALERT";
    public static final String S004_HEAD_OF_SERVICE_AND_DEPUTY_DIRECTOR = "HEAD_OF_SERVICE_AND_DEPUTY_DIRECTOR";

    /**
     * Three steps: a conversation resolved within 72 hours, an Informal Alert resolved in "an
     * additional 48 hours" (five working days in all), a Formal Alert resolved within five working
     * days; and the IRO's discretion "to escalate concerns directly to Head of Service and Deputy
     * Director at any point", as a fourth stage that may be entered directly. The case-note types are
     * the seed's; the seed names no note for the raising of the conversation itself, so none is
     * written. Who answers the Formal Alert is not said; it goes to the Social Worker and Team Manager.
     */
    public static Procedure alertProcess004() {
        List<Stage> stages = List.of(
                stage(S004_CONVERSATION, "Step 1: conversation with the Social Worker and Team Manager")
                        .participants(IRO, CPC, SOCIAL_WORKER, TEAM_MANAGER, SERVICE_MANAGER, HEAD_OF_SERVICE)
                        .notified(SOCIAL_WORKER, TEAM_MANAGER)
                        .respondedBy(TEAM_MANAGER)
                        .action("CONVERSATION_HELD", "Face-to-face or Teams/telephone conversation with the Social"
                                + " Worker and Team Manager", IRO)
                        .action("MEETING_FACILITATED", "Meeting facilitated by Service Manager or Head of Service",
                                SERVICE_MANAGER)
                        .action("AGREED_SOLUTION_EMAILED", "The agreed solution recorded by email so all involved are"
                                + " clear about actions and timescale", IRO)
                        .within(Timescale.workingHours(72)).onDeadline(OnDeadline.PROMPT_IRO)
                        .notes(IRO_OR_CPC_OVERSIGHT, EnumSet.of(ConcernEvent.ACTION_RECORDED,
                                ConcernEvent.COMMUNICATION_RECORDED, ConcernEvent.RESOLVED)),
                stage(S004_INFORMAL_ALERT, "Step 2: Informal Alert")
                        .participants(IRO, CPC, TEAM_MANAGER)
                        .notified(TEAM_MANAGER)
                        .respondedBy(TEAM_MANAGER)
                        .action("INFORMAL_ALERT_EMAILED", "Informal Alert raised via email and via Mosaic case note"
                                + " alert to the Team Manager", IRO)
                        .within(Timescale.workingHours(48)).onDeadline(OnDeadline.PROMPT_IRO)
                        .notes(INFORMAL_SAFEGUARDING_ALERT, STAGE_EVENTS),
                stage(S004_FORMAL_ALERT, "Step 3: Formal Alert")
                        .participants(IRO, CPC, SOCIAL_WORKER, TEAM_MANAGER)
                        .notified(SOCIAL_WORKER, TEAM_MANAGER)
                        .within(Timescale.workingDays(5)).onDeadline(OnDeadline.PROMPT_IRO).formal()
                        .notes(DISPUTE_RESOLUTION_SAFEGUARDING_ALERT, STAGE_EVENTS),
                stage(S004_HEAD_OF_SERVICE_AND_DEPUTY_DIRECTOR, "Escalation directly to Head of Service and Deputy"
                        + " Director")
                        .participants(IRO, CPC, HEAD_OF_SERVICE, DEPUTY_DIRECTOR)
                        .notified(HEAD_OF_SERVICE, DEPUTY_DIRECTOR, TEAM_MANAGER, SERVICE_MANAGER)
                        .action("TEAM_MANAGER_AND_SERVICE_MANAGER_TOLD_WHY", "The operational TM and SM made aware this"
                                + " is taking place and why", IRO)
                        .mayEnterDirectly().formal()
                        .notes(DISPUTE_RESOLUTION_SAFEGUARDING_ALERT, STAGE_EVENTS))
                .stream().map(StageBuilder::build).toList();
        // Section 2: the table of reasons, with its marks for children subject to CP plans and
        // children in our care, exactly as the table shows them
        List<Reason> reasons = List.of(
                new Reason("SAFETY_AND_PLANNING", "There are concerns about the safety of a child and planning that"
                        + " does not address needs and safety of the child sufficiently. This includes the absence of"
                        + " Strategy Discussions and S47 enquiries.", BOTH),
                new Reason("CHILD_NOT_SEEN", "The child is not being seen within timescales and is not being seen alone"
                        + " regularly.", BOTH),
                new Reason("ASSESSMENT_NOT_UPDATED", "Updated Assessment is not available prior to review to provide"
                        + " narrative of child's needs and to support decision making for children and their"
                        + " families.", BOTH),
                new Reason("IRO_CPC_NOT_CONSULTED", "IRO/CPC has not being advised / consulted on key changes in"
                        + " child's circumstances which influences their CP/care plan e.g., strategy discussions,"
                        + " placement changes, missing from home or care.", BOTH),
                new Reason("SUPPORT_NOT_PROVIDED", "Support and services identified and agreed at review for the child,"
                        + " i.e., educational support needs, CAMHS support etc, have not been provided or are delayed"
                        + " without a clear explanation.", BOTH),
                new Reason("CONTEXTUAL_VULNERABILITY", "Contextual vulnerability e.g., exploitation, county lines,"
                        + " radicalisation, gangs, missing from home have not been addressed and resolved"
                        + " satisfactorily, and are adversely impacting on the child's/YPs welfare.", BOTH),
                new Reason("REVIEW_LATE_OR_CANCELLED", "A Review is late or cancelled (without agreement from IRO/CPC)"
                        + " or not correctly organised.", BOTH),
                new Reason("CORE_GROUP_NOT_MEETING", "The Core Group is not meeting regularly and there is drift to"
                        + " supporting outcomes identified in the CP plan.", CHILD_PROTECTION),
                new Reason("ASSESSMENT_NOT_SHARED_BEFORE_CONFERENCE", "Parents and young people have not read or had"
                        + " sufficient time to contribute and comment on the assessment prior to the conference.",
                        CHILD_PROTECTION),
                new Reason("CHILD_NOT_CONSULTED_FOR_CP_REVIEW", "Children and Young persons on Child Protection Plans"
                        + " have not been consulted or invited to their Child Protection Review and, where appropriate,"
                        + " have not been offered support or advocacy to attend.", CHILD_PROTECTION),
                new Reason("NO_RECORDED_CARE_PLAN", "There is no visibly recorded Care Plan including absence of the"
                        + " Permanence Plan (at 2nd CLA review), and sufficient Parallel/Contingency plans.",
                        LOOKED_AFTER),
                new Reason("KEY_MEETINGS_NOT_HELD", "Key meetings for the child have not been held and are contributing"
                        + " to Drift and delay in planning. e.g., LPM, Placement Planning and Permanency Planning"
                        + " Meetings, Family Meetings, Stability Meetings are not taking place or recorded",
                        LOOKED_AFTER),
                new Reason("PATHWAY_TRANSITIONS", "Insufficient or late Pathway/Transitions to adulthood arrangements"
                        + " that impact upon the Young Person and their outcomes.", LOOKED_AFTER),
                new Reason("LIFE_STORY_WORK", "Life story work, direct work, preparation for permanency and moving is"
                        + " not progressed appropriately or evidenced on the file.", LOOKED_AFTER));
        return new Procedure("seed-004-alert-process", VERSION, "Dispute Resolution Alert Process", BOTH,
                List.of(IRO, CPC, SOCIAL_WORKER, TEAM_MANAGER, SERVICE_MANAGER, HEAD_OF_SERVICE, DEPUTY_DIRECTOR),
                List.of(IRO, CPC), stages, reasons, null,
                // "discretion to refer matters subject to IRO Alerts to CAFCASS at any time"; "prior to
                // making a referral, the IRO should notify the Head of Service and the Deputy Director"
                new CafcassRule(true, List.of(HEAD_OF_SERVICE, DEPUTY_DIRECTOR), CAFCASS_FOURTEEN_DAYS),
                notes(DISPUTE_RESOLUTION_SAFEGUARDING_ALERT, EnumSet.of(ConcernEvent.CAFCASS_CONSIDERED,
                        ConcernEvent.CAFCASS_REFERRED, ConcernEvent.CAFCASS_DECISION_RECORDED)));
    }

    // =====================================================================================

    private static List<Stage> build(List<StageBuilder> stages) {
        return stages.stream().map(StageBuilder::build).toList();
    }

    private static Map<ConcernEvent, String> notes(String type, Set<ConcernEvent> events) {
        Map<ConcernEvent, String> notes = new EnumMap<>(ConcernEvent.class);
        events.forEach(e -> notes.put(e, type));
        return notes;
    }

    private static StageBuilder stage(String id, String name) {
        return new StageBuilder(id, name);
    }

    /** Reads like the seed's own description of a stage; builds the engine's {@link Stage}. */
    private static final class StageBuilder {
        private final String id;
        private final String name;
        private List<String> participants = List.of();
        private List<String> notified = List.of();
        private String respondingRole;
        private final List<RequiredAction> actions = new ArrayList<>();
        private Timescale timescale;
        private OnDeadline onDeadline = OnDeadline.NOTHING;
        private boolean mayEnterDirectly;
        private boolean mayBypass;
        private boolean formal;
        private String noRemitStage;
        private Map<ConcernEvent, String> notes = Map.of();

        StageBuilder(String id, String name) {
            this.id = id;
            this.name = name;
        }

        StageBuilder participants(String... roles) {
            participants = List.of(roles);
            return this;
        }

        StageBuilder notified(String... roles) {
            notified = List.of(roles);
            return this;
        }

        StageBuilder respondedBy(String role) {
            respondingRole = role;
            return this;
        }

        StageBuilder action(String actionId, String description, String byRole) {
            actions.add(new RequiredAction(actionId, description, byRole));
            return this;
        }

        StageBuilder within(Timescale within) {
            timescale = within;
            return this;
        }

        StageBuilder onDeadline(OnDeadline what) {
            onDeadline = what;
            return this;
        }

        StageBuilder mayEnterDirectly() {
            mayEnterDirectly = true;
            return this;
        }

        StageBuilder mayBypass() {
            mayBypass = true;
            return this;
        }

        StageBuilder formal() {
            formal = true;
            return this;
        }

        StageBuilder noRemitGoesTo(String stageId) {
            noRemitStage = stageId;
            return this;
        }

        StageBuilder notes(String type, Set<ConcernEvent> events) {
            notes = SeedProcedures.notes(type, events);
            return this;
        }

        Stage build() {
            return new Stage(id, name, participants, notified, respondingRole, actions, timescale, onDeadline,
                    mayEnterDirectly, mayBypass, formal, noRemitStage, notes);
        }
    }
}
