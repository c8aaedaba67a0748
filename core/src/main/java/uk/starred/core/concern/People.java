package uk.starred.core.concern;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import uk.starred.api.procedure.Cohort;

/**
 * The people around one child, as the host says: who holds which role for the child. The rules ask
 * it who may act and whom to tell; the engine answers it from the host's staff directory.
 */
public interface People {

    /** @return every role the person holds for the child */
    Set<String> rolesOf(String staffId);

    /** @return the staff ids holding any of the roles for the child, in role order, each once */
    List<String> holders(Collection<String> roles);

    /** @return the person's name as the host gives it, for what people read; their staff id where the host has none */
    String nameOf(String staffId);

    /** @return whether the host knows the member of staff */
    boolean knows(String staffId);

    /** @return what the child is now, as the host records it: looked after, on a child protection plan, or both */
    Set<Cohort> child();

    /** @return whether the host gives the person oversight of the whole service (IRO Manager, Head of Service) */
    boolean hasOversight(String staffId);
}
