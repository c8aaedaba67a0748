package uk.starred.api.procedure;

import java.util.List;

/**
 * Who may take each step of a procedure, as separate rights: "the quality assurance service drives
 * the escalation" need not mean it raises alerts, nor the reverse. Whatever a procedure says, the
 * law holds: only the IRO of a looked-after child refers a case to CAFCASS (Children Act 1989 s25B(3)),
 * and the IRO may bypass any stage (IRO Handbook 6.2).
 *
 * @param raise          the roles that raise concerns (the IRO, the Child Protection Chair)
 * @param escalate       the roles that move a concern on: escalate, bypass, and record what CAFCASS
 *                       decided
 * @param resolve        the roles that end a concern: resolve, withdraw, close
 * @param referToCafcass the roles that consider and make a referral to CAFCASS; the law names the IRO
 */
public record Permissions(List<String> raise, List<String> escalate, List<String> resolve,
        List<String> referToCafcass) {

    public Permissions {
        raise = List.copyOf(raise);
        escalate = List.copyOf(escalate);
        resolve = List.copyOf(resolve);
        referToCafcass = List.copyOf(referToCafcass);
    }

    /** The role key of the IRO, the only one the law lets refer to CAFCASS, in every procedure. */
    public static final String IRO = "IRO";

    /**
     * @return every right given to the same roles, as a format 1 descriptor's {@code raisedBy} gives
     *         them, but the referral to CAFCASS only to the IRO among them, as the law gives it
     */
    public static Permissions drivenBy(List<String> roles) {
        return new Permissions(roles, roles, roles, roles.contains(IRO) ? List.of(IRO) : List.of());
    }
}
