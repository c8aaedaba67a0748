package uk.starred.impl.procedure;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import uk.starred.api.procedure.Cohort;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.ProcedureLibrary;
import uk.starred.api.procedure.ProcedureRef;
import uk.starred.impl.schema.StarredSchema;

/** {@link ProcedureLibrary}: the catalogue's installed procedures, and the stored definitions behind them. */
@Component(service = ProcedureLibrary.class)
public class StarredProcedureLibrary implements ProcedureLibrary {

    private final ProcedureCatalogue catalogue;
    private final JpaTemplate jpa;
    private final ProcedureDefinitions definitions;

    @Activate
    public StarredProcedureLibrary(@Reference ProcedureCatalogue catalogue,
            @Reference(name = "jpa", target = "(osgi.unit.name=starred)") JpaTemplate jpa,
            @Reference(name = "schema") StarredSchema schema) {
        this(catalogue, jpa);
    }

    /** The database goes: the catalogue can no longer compare what is offered with what is stored. */
    @Deactivate
    void deactivate() {
        catalogue.checkAgainstStored(null);
    }

    public StarredProcedureLibrary(ProcedureCatalogue catalogue, JpaTemplate jpa) {
        this.catalogue = catalogue;
        this.jpa = uk.starred.impl.store.StoreGuard.guarded(jpa);
        this.definitions = new ProcedureDefinitions(jpa);
        catalogue.checkAgainstStored(definitions::conflict);
    }

    @Override
    public List<Procedure> installed() {
        return catalogue.installed().stream().sorted(Comparator.comparing(Procedure::id)
                .thenComparing(Procedure::version, ProcedureCatalogue::compareVersions)).toList();
    }

    @Override
    public List<Procedure> installedFor(Set<Cohort> cohorts) {
        return installed().stream().filter(p -> p.appliesTo().stream().anyMatch(cohorts::contains)).toList();
    }

    @Override
    public Optional<Procedure> definition(ProcedureRef ref) {
        Optional<Procedure> installed = catalogue.installed(ref);
        if (installed.isPresent()) {
            return installed;
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            try {
                return Optional.of(definitions.stored(em, ref));
            } catch (IllegalStateException never) {
                return Optional.<Procedure>empty();
            }
        });
    }

    @Override
    public Optional<Procedure> selectedFor(Set<Cohort> cohorts) {
        return catalogue.selectedFor(cohorts, new StringBuilder());
    }
}
