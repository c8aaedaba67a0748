package uk.starred.api.procedure;

import java.util.List;

/**
 * A stage at which those asked to act may ask for more time, with their explanation, and who decides:
 * "where there is insufficient explanation for why more time is required, the IRO will raise a Formal
 * Alert". Granted, the stage's due moment moves to the end of the day asked for; refused, it stays and
 * the refusal's reasons are on the file. A stage without one offers no more time. Since 2.2.
 *
 * @param requestedBy the roles that may ask; empty means the stage's responders
 * @param decidedBy   the roles that decide; empty means those the procedure lets escalate
 */
public record MoreTime(List<String> requestedBy, List<String> decidedBy) {

    public MoreTime {
        requestedBy = requestedBy == null ? List.of() : List.copyOf(requestedBy);
        decidedBy = decidedBy == null ? List.of() : List.copyOf(decidedBy);
    }
}
