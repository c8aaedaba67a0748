package uk.starred.impl.outbox;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Posts the outbox's events on OSGi Event Admin, asynchronously, as {@link EventAdmin#postEvent} does. */
@Component(service = EventSink.class)
public class EventAdminSink implements EventSink {

    private final EventAdmin eventAdmin;

    @Activate
    public EventAdminSink(@Reference EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    @Override
    public void post(String topic, Map<String, Object> properties) {
        eventAdmin.postEvent(new Event(topic, properties));
    }
}
