package uk.starred.core.wording;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import uk.starred.api.calendar.SpokenTime;

/**
 * The update to a child and family about a dispute, in plain words: what was raised, where it is now,
 * what happens next and by when, who to contact, the right to an advocate. No role codes, no jargon the
 * family would have to ask about; the IRO adapts it to the child before sending.
 */
public final class FamilyUpdateWords {

    private final ZoneId zone;

    public FamilyUpdateWords(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * @param iro        the IRO's name
     * @param raised     the procedure's reasons as it words them; empty when raised for a reason described
     *                   in the IRO's own words, which the update does not repeat
     * @param responders the roles asked to respond at the stage, or none
     * @param due        when the stage is due, or {@code null}
     * @param next       the next stage's name, or {@code null} at the last
     */
    public String draft(String iro, LocalDate raisedOn, List<String> raised, String stage, List<String> responders,
            Instant due, String next, LocalDate iroDate, String contact, String advocacy) {
        StringBuilder out = new StringBuilder();
        out.append("This is an update from ").append(iro).append(", the Independent Reviewing Officer, about a concern")
                .append(" raised on ").append(SpokenTime.day(raisedOn)).append(" about the plan for the child.\n\n");
        out.append("What was raised: ");
        if (raised.isEmpty()) {
            out.append("the Independent Reviewing Officer is worried that part of the plan is not happening as it"
                    + " should.");
        } else {
            out.append(String.join(" ", raised.stream().map(r -> r.endsWith(".") ? r : r + ".").toList()));
        }
        out.append("\n\nThe Independent Reviewing Officer has asked for this to be put right by ")
                .append(SpokenTime.day(iroDate)).append(".\n\n");
        out.append("Where it is now: ").append(stage).append(".\n\n");
        out.append("What happens next: ");
        if (!responders.isEmpty()) {
            out.append("the ").append(ConcernWords.anyOf(responders)).append(" has been asked to answer");
            out.append(due == null ? ". " : " by " + SpokenTime.due(due, zone) + ". ");
        } else if (due != null) {
            out.append("this step should be finished by ").append(SpokenTime.due(due, zone)).append(". ");
        }
        out.append(next == null ? "If it is still not put right, the Independent Reviewing Officer will decide what"
                + " happens next and will tell you."
                : "If it is not put right at this step, it goes on to: " + next + ".");
        out.append("\n\nWho to contact: ").append(contact).append("\n\n");
        out.append(advocacy);
        return out.toString();
    }

    /** The title of the alert that an update is due. */
    public static final String ALERT_TITLE = "Update the child and family";

    /** @return what the alert that an update is due says */
    public static String dueAlert(String stage) {
        return "The procedure asks for an update to the child, parents and carers at stage '" + stage
                + "'; a draft is on the concern's tab, to adapt, send and record as sent.";
    }

    /** Whom to contact where the procedure names no one: the IRO, by name. */
    public static String theIro(String iro) {
        return "your Independent Reviewing Officer, " + iro + ".";
    }

    public static String sentNote(String actor, String sentTo, String channel, String text) {
        return "Update to the child and family sent by " + actor + " to " + sentTo + " (" + channel + "): " + text;
    }
}
