package uk.starred.core.law;

import java.util.Set;

import uk.starred.api.NotPermittedException;
import uk.starred.api.procedure.Cohort;

/**
 * The national rules under every local procedure. They hold whatever a procedure's descriptor says,
 * and every refusal they cause names them.
 * <ul>
 * <li>The power to refer a case to CAFCASS is the IRO's (Children Act 1989 s25B(3)), and the IRO is
 * appointed for a looked-after child (s25A): a child only on a child protection plan cannot be referred,
 * by a Child Protection Chair or anyone; a child both looked after and on a plan can.</li>
 * <li>The IRO may bypass any stage of a local procedure (IRO Handbook 6.2).</li>
 * </ul>
 */
public final class TheLaw {

    /** Where the power to refer to CAFCASS comes from. */
    public static final String REFERRAL = "Children Act 1989 s25B(3)";

    /** Where the IRO's freedom to bypass any stage comes from. */
    public static final String BYPASS = "IRO Handbook 6.2";

    /** The role key the law's IRO holds in every procedure. */
    public static final String IRO = uk.starred.api.procedure.Permissions.IRO;

    /** The role key of the Child Protection Chair, who chairs child protection conferences and is no IRO in law. */
    public static final String CPC = "CPC";

    private TheLaw() {
    }

    /** @return whether the child may be referred to CAFCASS: the child is looked after */
    public static boolean mayBeReferred(Set<Cohort> child) {
        return child.contains(Cohort.LOOKED_AFTER);
    }

    /**
     * Refuses a referral of a child who is not looked after.
     *
     * @param childId for the refusal
     */
    public static void requireReferable(String childId, Set<Cohort> child) {
        if (!mayBeReferred(child)) {
            throw new NotPermittedException("the law (" + REFERRAL + ") gives the power to refer a case to CAFCASS"
                    + " to the IRO of a looked-after child (s25A); child " + childId + " is not looked after"
                    + (child.contains(Cohort.CHILD_PROTECTION) ? " (only on a child protection plan)" : "")
                    + ", so cannot be referred by anyone");
        }
    }
}
