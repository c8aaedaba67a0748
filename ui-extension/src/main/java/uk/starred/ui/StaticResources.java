package uk.starred.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/** The stylesheet the tabs ask their host to link, served from the bundle at {@code /starred/static/}. */
@Component(service = StaticResources.class)
@HttpWhiteboardResource(pattern = "/starred/static/*", prefix = "/static")
public class StaticResources {
}
