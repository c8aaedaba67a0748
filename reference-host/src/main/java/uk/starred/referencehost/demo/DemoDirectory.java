package uk.starred.referencehost.demo;

import java.util.List;

import uk.starred.api.host.StaffMember;

/** The demo's staff, for the host's sign-in page and its JAAS realm. */
public final class DemoDirectory {

    private DemoDirectory() {
    }

    /** @return every demo member of staff, in the order the sign-in page lists them */
    public static List<StaffMember> staff() {
        return DemoPeople.STAFF;
    }

    /** @return what the person does, in a few words, for the sign-in page */
    public static String describe(String staffId) {
        return switch (staffId) {
            case "demo-iro" -> "Independent Reviewing Officer for the looked-after children";
            case "demo-cpc" -> "Child Protection Chair for the children on plans";
            case "demo-social-worker" -> "Social worker allocated to every demo child";
            case "demo-team-manager" -> "Team Manager: responds to starred decisions and informal alerts";
            case "demo-service-manager" -> "Service Manager: responds at the formal stages";
            case "demo-head-of-service" -> "Head of Service: formal stages, and the oversight screen";
            case "demo-deputy-director" -> "Deputy, Assistant and Operational Director tiers";
            case "demo-iro-manager" -> "IRO Service Manager: the oversight screen";
            default -> "";
        };
    }
}
