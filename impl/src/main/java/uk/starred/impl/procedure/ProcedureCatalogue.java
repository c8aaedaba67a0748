package uk.starred.impl.procedure;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.api.procedure.InstalledProcedure;
import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.ProcedureProvider;
import uk.starred.api.procedure.ProcedureRef;

/**
 * The procedures installed now, from every {@link ProcedureProvider} service. A definition that
 * does not hang together is refused, logged once with all its problems, and changes nothing else.
 * New concerns may start only under an installed procedure; running concerns use the definition
 * stored with them, whatever is installed. Each accepted procedure is announced as an
 * {@link InstalledProcedure} service, so code can wait for the one it needs.
 */
@Component(service = ProcedureCatalogue.class, immediate = true)
public class ProcedureCatalogue {

    private static final Logger LOG = LoggerFactory.getLogger(ProcedureCatalogue.class);

    private final Map<ProcedureRef, Procedure> installed = new ConcurrentHashMap<>();
    private final Map<ProcedureProvider, ProcedureRef> byProvider = new ConcurrentHashMap<>();
    private final Map<ProcedureRef, ServiceRegistration<InstalledProcedure>> registrations = new HashMap<>();
    private final Map<ProcedureProvider, Refusal> refused = new ConcurrentHashMap<>();
    private BundleContext context;

    /**
     * A definition that was offered and refused.
     *
     * @param id       the procedure id it gave
     * @param version  the version it gave
     * @param problems why it was refused
     */
    public record Refusal(String id, String version, List<String> problems) {
    }

    /** Announces each accepted procedure as an {@link InstalledProcedure} service, now and as they come. */
    @Activate
    synchronized void activate(BundleContext context) {
        this.context = context;
        installed.values().forEach(this::announce);
    }

    @Deactivate
    synchronized void deactivate() {
        registrations.values().forEach(ServiceRegistration::unregister);
        registrations.clear();
        context = null;
    }

    private synchronized void announce(Procedure procedure) {
        if (context != null && !registrations.containsKey(procedure.ref())) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(InstalledProcedure.ID, procedure.id());
            properties.put(InstalledProcedure.VERSION, procedure.version());
            InstalledProcedure service = () -> procedure;
            registrations.put(procedure.ref(), context.registerService(InstalledProcedure.class, service, properties));
        }
    }

    private synchronized void withdraw(ProcedureRef ref) {
        ServiceRegistration<InstalledProcedure> registration = registrations.remove(ref);
        if (registration != null) {
            registration.unregister();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addProvider(ProcedureProvider provider) {
        Procedure procedure = provider.procedure();
        List<ProcedureValidator.Problem> problems = ProcedureValidator.problems(procedure);
        if (!problems.isEmpty()) {
            refused.put(provider, new Refusal(procedure.id(), procedure.version(),
                    problems.stream().map(Object::toString).toList()));
            LOG.error("Procedure {}@{} refused, {} problem(s):\n  {}", procedure.id(), procedure.version(),
                    problems.size(), problems.stream().map(Object::toString).collect(java.util.stream.Collectors.joining("\n  ")));
            return;
        }
        if (installed.putIfAbsent(procedure.ref(), procedure) != null) {
            refused.put(provider, new Refusal(procedure.id(), procedure.version(),
                    List.of("that version is already installed from another provider")));
            LOG.error("Procedure {}@{} refused: that version is already installed from another provider",
                    procedure.id(), procedure.version());
            return;
        }
        byProvider.put(provider, procedure.ref());
        announce(procedure);
        LOG.info("Procedure {}@{} installed: {}", procedure.id(), procedure.version(), procedure.title());
    }

    public void removeProvider(ProcedureProvider provider) {
        refused.remove(provider);
        ProcedureRef ref = byProvider.remove(provider);
        if (ref != null) {
            withdraw(ref);
            installed.remove(ref);
            LOG.info("Procedure {} uninstalled; concerns running under it keep their stored definition", ref);
        }
    }

    /** @return the definitions offered and refused, with why */
    public List<Refusal> refused() {
        return refused.values().stream().sorted(Comparator.comparing(Refusal::id).thenComparing(Refusal::version))
                .toList();
    }

    public Optional<Procedure> installed(ProcedureRef ref) {
        return Optional.ofNullable(installed.get(ref));
    }

    public List<Procedure> installed() {
        return installed.values().stream()
                .sorted(Comparator.comparing(Procedure::id).thenComparing(Procedure::version)).toList();
    }
}
