package uk.starred.core.concern;

import java.util.List;

/**
 * A message to people about the concern.
 *
 * @param to      the staff ids it goes to, each once, none blank
 * @param subject its subject
 * @param body    what it says
 */
public record Notice(List<String> to, String subject, String body) {

    public Notice {
        to = List.copyOf(to);
    }
}
