package uk.starred.api.procedure;

import java.util.Objects;

/**
 * A concern the procedure opens by itself when something is recorded elsewhere in Starred, in place of
 * the IRO raising it. The concern is raised in the name of the child's IRO (the review chair the
 * council configures, PID {@code uk.starred.reviews}), who must hold a role that may raise under the
 * procedure; it is asked of the first person holding one of the stage's responder roles for the child,
 * and the IRO's timescale for the remedy is the procedure's total limit from that day (20 working days
 * where it sets none: the IRO Handbook's). Everything it does goes on the child's file and in the audit
 * trail as the act of whoever recorded the event. Since 2.3.
 *
 * @param when    what opens it
 * @param atStage the id of the stage it opens at
 * @param reason  the code of the procedure's reason it is opened for; {@link Reason#OTHER} where the
 *                procedure has no taxonomy
 */
public record Opening(OpeningEvent when, String atStage, String reason) {

    public Opening {
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(atStage, "atStage");
        Objects.requireNonNull(reason, "reason");
    }
}
