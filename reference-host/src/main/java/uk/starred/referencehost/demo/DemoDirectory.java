package uk.starred.referencehost.demo;

import java.util.List;

import uk.starred.api.host.StaffMember;

/** The demo's staff, for the host's sign-in page and its JAAS realm. */
public final class DemoDirectory {

    private DemoDirectory() {
    }

    /** @return every demo member of staff, in the order the sign-in page lists them */
    public static List<StaffMember> staff() {
        return DemoPeople.ALL_STAFF;
    }

    /** @return what the person does, in a few words, for the sign-in page */
    public static String describe(String staffId) {
        return switch (staffId) {
            case "demo-iro" -> "Independent Reviewing Officer for the looked-after children";
            case "demo-cpc" -> "Child Protection Chair for the children on plans";
            case "demo-social-worker" -> "Social worker allocated to every demo child";
            case "demo-assistant-team-manager" -> "Assistant Team Manager: may respond where the Team Manager may";
            case "demo-team-manager" -> "Team Manager: responds to starred decisions and informal alerts";
            case "demo-service-manager" -> "Service Manager and Service Delivery Manager: the formal stages";
            case "demo-safeguarding-manager" -> "Safeguarding Service Manager: advises the IRO Manager";
            case "demo-head-of-service" -> "Head of Service: formal stages, and the oversight screen";
            case "demo-head-of-qa" -> "Head of Service Safeguarding and QA: tracks disputes; the oversight screen";
            case "demo-deputy-director" -> "Deputy, Assistant and Operational Director tiers";
            case "demo-director" -> "Director of Children's Services and Executive Director tiers";
            case "demo-chief-executive" -> "Chief Executive and Managing Director";
            case "demo-iro-manager" -> "IRO Service Manager: the oversight screen";
            case "demo-complaints-officer" -> "Complaints Officer: told of complaints made";
            default -> DemoHistory.describe(staffId);
        };
    }
}
