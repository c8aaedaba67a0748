package uk.starred.impl.procedure;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.api.procedure.Cohort;
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
@Component(service = ProcedureCatalogue.class, immediate = true, configurationPid = ProcedureCatalogue.PID)
@Designate(ocd = ProcedureCatalogue.Selection.class)
public class ProcedureCatalogue {

    public static final String PID = "uk.starred.procedures";

    /** Which procedure a new concern runs under when the IRO names none, by the child's legal status. */
    @ObjectClassDefinition(name = "Starred procedure selection",
            description = "The procedure new concerns use, for looked-after children and for child protection plans")
    public @interface Selection {
        @AttributeDefinition(name = "Looked-after children",
                description = "procedure id, or id@version; the newest installed version when no version is given")
        String lookedAfter() default "";

        @AttributeDefinition(name = "Child protection plans",
                description = "procedure id, or id@version; the newest installed version when no version is given")
        String childProtection() default "";
    }

    private final Map<Cohort, String> selected = new ConcurrentHashMap<>();

    private static final Logger LOG = LoggerFactory.getLogger(ProcedureCatalogue.class);

    private final Map<ProcedureRef, Procedure> installed = new ConcurrentHashMap<>();
    private final Map<ProcedureProvider, ProcedureRef> byProvider = new ConcurrentHashMap<>();
    private final Map<ProcedureRef, ServiceRegistration<InstalledProcedure>> registrations = new HashMap<>();
    private final Map<ProcedureProvider, Refusal> refused = new ConcurrentHashMap<>();
    private volatile Function<Procedure, Optional<String>> stored;
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
    synchronized void activate(BundleContext context, Selection selection) {
        select(selection);
        this.context = context;
        installed.values().forEach(this::announce);
    }

    @Modified
    void select(Selection selection) {
        select(Cohort.LOOKED_AFTER, selection.lookedAfter());
        select(Cohort.CHILD_PROTECTION, selection.childProtection());
    }

    /** Selects the procedure ({@code id} or {@code id@version}; blank for none) for new concerns of the cohort. */
    public void select(Cohort cohort, String procedure) {
        if (procedure == null || procedure.isBlank()) {
            selected.remove(cohort);
        } else {
            selected.put(cohort, procedure.strip());
        }
    }

    /**
     * The procedure a new concern for a child of these cohorts runs under when none is named: the
     * selection for the child's legal status, its newest installed version unless one is pinned.
     *
     * @return the installed procedure, or a message saying why there is none to use
     */
    public Optional<Procedure> selectedFor(Set<Cohort> cohorts, StringBuilder whyNot) {
        Set<String> choices = new java.util.TreeSet<>();
        for (Cohort cohort : cohorts) {
            String choice = selected.get(cohort);
            if (choice == null) {
                whyNot.append("no procedure is selected for ").append(cohort == Cohort.LOOKED_AFTER
                        ? "looked-after children" : "children on child protection plans")
                        .append(" (PID ").append(PID).append("); name one");
                return Optional.empty();
            }
            choices.add(choice);
        }
        if (choices.size() != 1) {
            whyNot.append("the child is both looked after and on a child protection plan, and the procedures"
                    + " selected differ ").append(choices).append("; name one");
            return Optional.empty();
        }
        String choice = choices.iterator().next();
        int at = choice.indexOf('@');
        Optional<Procedure> found = at < 0
                ? installed().stream().filter(p -> p.id().equals(choice)).max((a, b) -> compareVersions(a.version(),
                        b.version()))
                : installed(new ProcedureRef(choice.substring(0, at), choice.substring(at + 1)));
        if (found.isEmpty()) {
            whyNot.append("the procedure selected, ").append(choice).append(", is not installed");
        }
        return found;
    }

    /** Compares dotted versions number by number ({@code 1.10.0} after {@code 1.9.2}). */
    public static int compareVersions(String a, String b) {
        String[] x = a.split("[.\\-]");
        String[] y = b.split("[.\\-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = p.matches("\\d{1,9}") && q.matches("\\d{1,9}") ? Integer.compare(Integer.parseInt(p),
                    Integer.parseInt(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
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
    public synchronized void addProvider(ProcedureProvider provider) {
        Procedure procedure = provider.procedure();
        List<ProcedureValidator.Problem> problems = ProcedureValidator.problems(procedure);
        if (!problems.isEmpty()) {
            refused.put(provider, new Refusal(procedure.id(), procedure.version(),
                    problems.stream().map(Object::toString).toList()));
            LOG.error("Procedure {}@{} refused, {} problem(s):\n  {}", procedure.id(), procedure.version(),
                    problems.size(), problems.stream().map(Object::toString).collect(java.util.stream.Collectors.joining("\n  ")));
            return;
        }
        Optional<String> changed = changedUnderSameVersion(procedure);
        if (changed.isPresent()) {
            refused.put(provider, new Refusal(procedure.id(), procedure.version(), List.of(changed.get())));
            LOG.error("Procedure {}@{} refused: {}", procedure.id(), procedure.version(), changed.get());
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

    public synchronized void removeProvider(ProcedureProvider provider) {
        refused.remove(provider);
        ProcedureRef ref = byProvider.remove(provider);
        if (ref != null) {
            withdraw(ref);
            installed.remove(ref);
            LOG.info("Procedure {} uninstalled; concerns running under it keep their stored definition", ref);
        }
    }

    /**
     * Checks every procedure offered from now on, and those installed already, against the definitions
     * concerns run under: one that changed but kept its version is refused. Called when the database
     * is there to ask, with {@code null} when it goes.
     *
     * @param stored what is wrong with a definition given the one stored under its version, if anything
     */
    public synchronized void checkAgainstStored(Function<Procedure, Optional<String>> stored) {
        this.stored = stored;
        if (stored == null) {
            return;
        }
        for (Map.Entry<ProcedureProvider, ProcedureRef> entry : List.copyOf(byProvider.entrySet())) {
            Procedure procedure = installed.get(entry.getValue());
            Optional<String> problem = stored.apply(procedure);
            if (problem.isPresent()) {
                byProvider.remove(entry.getKey());
                withdraw(entry.getValue());
                installed.remove(entry.getValue());
                refused.put(entry.getKey(), new Refusal(procedure.id(), procedure.version(), List.of(problem.get())));
                LOG.error("Procedure {}@{} refused: {}", procedure.id(), procedure.version(), problem.get());
            }
        }
    }

    /**
     * @return why the procedure may not be installed under its version: concerns run under a different
     *         definition of it. A draft edited before any concern ran under it is not held to its version.
     */
    private Optional<String> changedUnderSameVersion(Procedure procedure) {
        Function<Procedure, Optional<String>> check = stored;
        return check == null ? Optional.empty() : check.apply(procedure);
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
