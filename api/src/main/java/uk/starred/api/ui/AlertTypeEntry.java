package uk.starred.api.ui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The service properties of an {@link AlertType}, written on its component:
 *
 * <pre>
 * &#64;Component(service = AlertType.class)
 * &#64;AlertTypeEntry(key = "STAGE_OVERDUE", label = "Stage overdue", severity = AlertSeverity.URGENT, icon = "clock")
 * public class StageOverdue implements AlertType { ... }
 * </pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AlertTypeEntry {

    /** The prefix of the property names: {@code starred.alert.}. */
    String PREFIX_ = "starred.alert.";

    /** @return the key alerts of this type carry */
    String key();

    /** @return the label */
    String label();

    /** @return how urgent */
    AlertSeverity severity();

    /** @return the icon name (see {@link AlertType#ICON}) */
    String icon();
}
