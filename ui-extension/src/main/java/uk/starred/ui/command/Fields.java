package uk.starred.ui.command;

import java.util.List;
import java.util.Map;

/** The fields of a form or a JSON request body, by name, each with its values in order. */
public record Fields(Map<String, List<String>> values) {

    public Fields {
        values = Map.copyOf(values);
    }

    /** @return the first value, stripped, or {@code null} when absent or blank */
    public String get(String name) {
        List<String> all = values.get(name);
        if (all == null || all.isEmpty() || all.get(0) == null || all.get(0).isBlank()) {
            return null;
        }
        return all.get(0).strip();
    }

    /** @return every non-blank value, stripped */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream().filter(v -> v != null && !v.isBlank())
                .map(String::strip).toList();
    }
}
