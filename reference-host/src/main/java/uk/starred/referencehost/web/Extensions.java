package uk.starred.referencehost.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import uk.starred.api.ui.AlertSeverity;
import uk.starred.api.ui.AlertSource;
import uk.starred.api.ui.AlertType;
import uk.starred.api.ui.CaseTab;

/**
 * The host's whiteboard: every {@link CaseTab}, {@link AlertType} and {@link AlertSource} registered
 * by any bundle, as they come and go. Tabs are ordered as the contract says: the highest
 * {@code service.ranking} first, then by key; of two alert types with one key, the higher ranking wins.
 */
@Component(service = Extensions.class)
public class Extensions {

    /** A registered tab with its service properties. */
    public record Tab(CaseTab tab, String screen, String key, String label, int ranking) {
    }

    /** A registered alert type with its service properties. */
    public record Type(AlertType type, String key, String label, AlertSeverity severity, String icon, int ranking) {
    }

    private final Map<CaseTab, Tab> tabs = new ConcurrentHashMap<>();
    private final Map<AlertType, Type> types = new ConcurrentHashMap<>();
    private final List<AlertSource> sources = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTab(CaseTab tab, Map<String, Object> props) {
        String screen = string(props, CaseTab.SCREEN);
        String key = string(props, CaseTab.KEY);
        if (screen != null && key != null) {
            tabs.put(tab, new Tab(tab, screen, key, Optional.ofNullable(string(props, CaseTab.LABEL)).orElse(key),
                    ranking(props)));
        }
    }

    void removeTab(CaseTab tab) {
        tabs.remove(tab);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addType(AlertType type, Map<String, Object> props) {
        String key = string(props, AlertType.KEY);
        if (key == null) {
            return;
        }
        AlertSeverity severity;
        try {
            severity = AlertSeverity.valueOf(String.valueOf(props.get(AlertType.SEVERITY)));
        } catch (IllegalArgumentException e) {
            severity = AlertSeverity.INFORMATION;
        }
        types.put(type, new Type(type, key, Optional.ofNullable(string(props, AlertType.LABEL)).orElse(key), severity,
                Optional.ofNullable(string(props, AlertType.ICON)).orElse(""), ranking(props)));
    }

    void removeType(AlertType type) {
        types.remove(type);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(AlertSource source) {
        sources.add(source);
    }

    void removeSource(AlertSource source) {
        sources.remove(source);
    }

    /** @return the screen's tabs, the highest ranking first, then by key */
    public List<Tab> tabs(String screen) {
        List<Tab> out = new ArrayList<>(tabs.values().stream().filter(t -> t.screen().equals(screen)).toList());
        out.sort(Comparator.comparingInt(Tab::ranking).reversed().thenComparing(Tab::key));
        return out;
    }

    /** @return the alert type for the key: of several, the highest ranking */
    public Optional<Type> type(String key) {
        return types.values().stream().filter(t -> t.key().equals(key)).max(Comparator.comparingInt(Type::ranking));
    }

    /** @return how many alert types are registered */
    public int typeCount() {
        return types.size();
    }

    public List<AlertSource> sources() {
        return List.copyOf(sources);
    }

    private static String string(Map<String, Object> props, String name) {
        Object value = props.get(name);
        return value == null ? null : value.toString();
    }

    private static int ranking(Map<String, Object> props) {
        return props.get(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0;
    }
}
