package uk.starred.api.procedure;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The procedures Starred knows: those installed for new concerns, and every definition a concern
 * was ever pinned to, kept after its bundle is gone. Screens use it to offer the right choices (the
 * stages the IRO may enter, the reasons of the child's legal status) and to name what a concern's
 * record holds in the words of the procedure it ran under.
 */
@ProviderType
public interface ProcedureLibrary {

    /** @return the installed procedures, by id then version */
    List<Procedure> installed();

    /** @return the installed procedures serving a child of any of these legal statuses */
    List<Procedure> installedFor(Set<Cohort> cohorts);

    /**
     * @return the definition a concern runs under: the installed one, or the stored one after its
     *         bundle was uninstalled; empty when Starred never accepted it
     */
    Optional<Procedure> definition(ProcedureRef ref);

    /**
     * @return the procedure a new concern for a child of these legal statuses runs under when the IRO
     *         names none (configuration PID {@code uk.starred.procedures}), or empty when none is
     *         selected or installed
     */
    Optional<Procedure> selectedFor(Set<Cohort> cohorts);
}
