package uk.starred.impl.extender;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.starred.api.procedure.Procedure;
import uk.starred.api.procedure.ProcedureProvider;
import uk.starred.impl.descriptor.DescriptorException;
import uk.starred.impl.descriptor.DescriptorReader;

/**
 * Loads local procedures from procedure bundles. A procedure bundle names its descriptors in the
 * manifest header {@value #HEADER} (entries of the bundle, comma separated) and requires the
 * {@value #EXTENDER} extender capability. As such a bundle starts, each descriptor is read and, when
 * sound, offered as a {@link ProcedureProvider} service registered through the bundle's own context,
 * so it goes when the bundle stops. A descriptor with problems is refused, logged once with all of
 * them, and nothing else changes: the engine and every other procedure keep running.
 */
@Component(service = ProcedureExtender.class, immediate = true)
public class ProcedureExtender implements BundleTrackerCustomizer<List<ServiceRegistration<ProcedureProvider>>> {

    /** The manifest header naming a bundle's procedure descriptors. */
    public static final String HEADER = "Starred-Procedure";

    /** The extender a procedure bundle requires. */
    public static final String EXTENDER = "uk.starred.procedure";

    private static final Logger LOG = LoggerFactory.getLogger(ProcedureExtender.class);

    private final BundleTracker<List<ServiceRegistration<ProcedureProvider>>> tracker;
    private final java.util.Map<String, List<String>> refused = new java.util.concurrent.ConcurrentSkipListMap<>();

    /** @return the descriptors refused, by source (bundle and entry), with every problem found */
    public java.util.Map<String, List<String>> refused() {
        return java.util.Map.copyOf(refused);
    }

    @Activate
    public ProcedureExtender(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, this);
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    @Override
    public List<ServiceRegistration<ProcedureProvider>> addingBundle(Bundle bundle, BundleEvent event) {
        String header = bundle.getHeaders().get(HEADER);
        if (header == null || header.isBlank()) {
            return null;
        }
        BundleContext context = bundle.getBundleContext();
        if (context == null) {
            return null;
        }
        List<ServiceRegistration<ProcedureProvider>> registrations = new ArrayList<>();
        for (String entry : header.split(",")) {
            String path = entry.strip();
            String source = bundle.getSymbolicName() + "/" + path;
            URL url = bundle.getEntry(path);
            refused.remove(source);
            if (url == null) {
                refused.put(source, List.of("the bundle has no entry " + path + " (named in its " + HEADER + " header)"));
                LOG.error("Procedure descriptor {} refused: the bundle has no entry {} (named in its {} header)", source,
                        path, HEADER);
                continue;
            }
            try (Reader reader = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
                Procedure procedure = DescriptorReader.read(source, reader);
                Hashtable<String, Object> properties = new Hashtable<>();
                properties.put("starred.procedure.source", source);
                ProcedureProvider provider = () -> procedure;
                registrations.add(context.registerService(ProcedureProvider.class, provider, properties));
                LOG.info("Procedure descriptor {} loaded: {}@{}", source, procedure.id(), procedure.version());
            } catch (DescriptorException e) {
                refused.put(source, e.errors().stream().map(Object::toString).toList());
                LOG.error(e.getMessage());
            } catch (IOException e) {
                refused.put(source, List.of("it cannot be read: " + e));
                LOG.error("Procedure descriptor {} refused: it cannot be read: {}", source, e.toString());
            }
        }
        return registrations;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, List<ServiceRegistration<ProcedureProvider>> object) {
        // a procedure bundle's descriptors change only with the bundle itself, which is removed and added again
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, List<ServiceRegistration<ProcedureProvider>> registrations) {
        refused.keySet().removeIf(source -> source.startsWith(bundle.getSymbolicName() + "/"));
        for (ServiceRegistration<ProcedureProvider> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
        }
    }
}
