package uk.starred.testkit;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A component's settings as Declarative Services hands them over from {@code etc/<pid>.cfg}. */
public final class ComponentSettings {

    private ComponentSettings() {
    }

    /**
     * @param type       the component property type (an annotation with defaults)
     * @param configured the values written, as text or numbers; a setting not written takes its default
     * @return the settings, each converted to the type its method returns (text, int, boolean)
     */
    public static <A> A of(Class<A> type, Map<String, ?> configured) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object value = configured.get(method.getName());
            if (value == null) {
                return method.getDefaultValue();
            }
            Class<?> returned = method.getReturnType();
            if (returned == int.class) {
                return Integer.valueOf(value.toString());
            }
            if (returned == boolean.class) {
                return Boolean.valueOf(value.toString());
            }
            return value.toString();
        }));
    }
}
