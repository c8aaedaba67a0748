package uk.starred.impl.outbox;

import java.util.Map;

/**
 * Where the relay posts events. Kept apart from Event Admin's own types so that the relay runs on a
 * platform without Event Admin (the package is an optional import); {@link EventAdminSink} is the one
 * Starred registers when Event Admin is there.
 */
public interface EventSink {

    void post(String topic, Map<String, Object> properties);
}
