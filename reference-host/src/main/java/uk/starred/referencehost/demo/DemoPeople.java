package uk.starred.referencehost.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.starred.api.host.ChildRecord;
import uk.starred.api.host.StaffMember;
import uk.starred.api.procedure.Cohort;

/** The reference host's demo children and staff, and who holds which role for each child. */
final class DemoPeople {

    static final String AMARA = "DEMO-CHILD-AMARA";
    static final String BEN = "DEMO-CHILD-BEN";
    static final String CHLOE = "DEMO-CHILD-CHLOE";

    /** The children of the first demo, each with a concern under the demo procedure. */
    static final List<ChildRecord> FIRST_CHILDREN = List.of(
            new ChildRecord(AMARA, "Amara Okafor", Set.of(Cohort.LOOKED_AFTER), LocalDate.of(2013, 6, 14),
                    "demo-social-worker", "Looked After Children Team 2"),
            new ChildRecord(BEN, "Ben Hughes", Set.of(Cohort.CHILD_PROTECTION), LocalDate.of(2018, 1, 30),
                    "demo-social-worker", "Safeguarding Team 1"),
            new ChildRecord(CHLOE, "Chloe Martin", Set.of(Cohort.LOOKED_AFTER, Cohort.CHILD_PROTECTION),
                    LocalDate.of(2011, 11, 2), "demo-social-worker", "Looked After Children Team 2"));

    /** Every demo child: the first three, one for each stage of each seed procedure, then the teams' children. */
    static final List<ChildRecord> CHILDREN = java.util.stream.Stream.of(FIRST_CHILDREN.stream(),
            DemoCaseload.CHILDREN.stream(), DemoHistory.CHILDREN.stream()).flatMap(s -> s).toList();

    static final List<StaffMember> STAFF = List.of(
            new StaffMember("demo-iro", "Priya Shah (IRO)", "priya.shah@council.example"),
            new StaffMember("demo-cpc", "Tom Reid (Child Protection Chair)", "tom.reid@council.example"),
            new StaffMember("demo-social-worker", "Sam Lewis (Social Worker)", "sam.lewis@council.example",
                    "Looked After Children Team 2"),
            new StaffMember("demo-assistant-team-manager", "Riley Khan (Assistant Team Manager)",
                    "riley.khan@council.example", "Looked After Children Team 2"),
            new StaffMember("demo-team-manager", "Jo Evans (Team Manager)", "jo.evans@council.example",
                    "Looked After Children Team 2"),
            new StaffMember("demo-service-manager", "Alex Brown (Service Manager)", "alex.brown@council.example",
                    "Children's Social Care Management"),
            new StaffMember("demo-safeguarding-manager", "Lee Turner (Safeguarding Service Manager)",
                    "lee.turner@council.example"),
            new StaffMember("demo-head-of-service", "Morgan Clarke (Head of Service)", "morgan.clarke@council.example",
                    "Children's Social Care Management"),
            new StaffMember("demo-head-of-qa", "Ruth Adeyemi (Head of Service, Safeguarding and QA)",
                    "ruth.adeyemi@council.example"),
            new StaffMember("demo-deputy-director", "Chris Patel (Deputy Director)", "chris.patel@council.example"),
            new StaffMember("demo-director", "Helen Moss (Director of Children's Services)",
                    "helen.moss@council.example"),
            new StaffMember("demo-chief-executive", "Owen Hart (Chief Executive)", "owen.hart@council.example"),
            new StaffMember("demo-iro-manager", "Dana Wright (IRO Service Manager)", "dana.wright@council.example"),
            new StaffMember("demo-complaints-officer", "Nia Roberts (Complaints Officer)",
                    "nia.roberts@council.example"));

    /** The demo's staff, and the teams' own. */
    static final List<StaffMember> ALL_STAFF = java.util.stream.Stream.concat(STAFF.stream(),
            DemoHistory.STAFF.stream()).toList();

    /**
     * Roles every demo child has, by staff id: someone in every role the demo's procedures name. The
     * five seed councils name their tiers differently (Service Manager, Service Delivery Manager;
     * Deputy, Assistant or Operational Director; Director, Executive Director): in the demo council one
     * person holds each tier under its several names, and each tier is a different person.
     */
    static final Map<String, Set<String>> ROLES_FOR_EVERY_CHILD = Map.ofEntries(
            Map.entry("demo-social-worker", Set.of("SOCIAL_WORKER", "ALLOCATED_WORKER")),
            Map.entry("demo-assistant-team-manager", Set.of("ASSISTANT_TEAM_MANAGER")),
            Map.entry("demo-team-manager", Set.of("TEAM_MANAGER")),
            Map.entry("demo-service-manager", Set.of("SERVICE_MANAGER", "SERVICE_DELIVERY_MANAGER",
                    "CONFERENCE_AND_REVIEWING_MANAGER", "SERVICE_DELIVERY_MANAGER_SERVICE_IMPROVEMENT")),
            Map.entry("demo-safeguarding-manager", Set.of("SAFEGUARDING_SERVICE_MANAGER")),
            Map.entry("demo-head-of-service", Set.of("HEAD_OF_SERVICE")),
            Map.entry("demo-head-of-qa", Set.of("HEAD_OF_SERVICE_SAFEGUARDING_QA", "HEAD_OF_QUALITY_ASSURANCE")),
            Map.entry("demo-deputy-director", Set.of("DEPUTY_DIRECTOR", "ASSISTANT_DIRECTOR", "OPERATIONAL_DIRECTOR")),
            Map.entry("demo-director", Set.of("DIRECTOR", "DIRECTOR_OF_CHILDRENS_SERVICES",
                    "DIRECTOR_OF_CHILDRENS_AND_ADULT_SERVICES", "EXECUTIVE_DIRECTOR")),
            Map.entry("demo-chief-executive", Set.of("CHIEF_EXECUTIVE", "MANAGING_DIRECTOR")),
            Map.entry("demo-iro-manager", Set.of("IRO_MANAGER")),
            Map.entry("demo-complaints-officer", Set.of("COMPLAINTS_OFFICER")));

    static final Set<String> OVERSIGHT = Set.of("demo-iro-manager", "demo-head-of-service", "demo-head-of-qa");

    private DemoPeople() {
    }

    /** The chair of each child's reviews: the IRO for looked-after children, the CPC for child protection plans. */
    static Set<String> chairRoles(String staffId, ChildRecord child) {
        if (DemoHistory.isTeamsChild(child.id())) {
            return DemoHistory.chairRoles(staffId, child);
        }
        if ("demo-iro".equals(staffId) && child.cohorts().contains(Cohort.LOOKED_AFTER)) {
            return Set.of("IRO");
        }
        if ("demo-cpc".equals(staffId) && child.cohorts().contains(Cohort.CHILD_PROTECTION)) {
            return Set.of("CPC");
        }
        return Set.of();
    }
}
