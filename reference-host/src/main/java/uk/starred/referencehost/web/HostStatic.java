package uk.starred.referencehost.web;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/** The host's own stylesheet, at {@code /host/static/}. */
@Component(service = HostStatic.class)
@HttpWhiteboardResource(pattern = "/host/static/*", prefix = "/host/static")
public class HostStatic {
}
