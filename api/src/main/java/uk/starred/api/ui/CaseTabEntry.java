package uk.starred.api.ui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The service properties of a {@link CaseTab}, written on its component:
 *
 * <pre>
 * &#64;Component(service = CaseTab.class)
 * &#64;CaseTabEntry(screen = CaseScreens.CHILD, key = "dispute-resolution", label = "Dispute resolution")
 * &#64;ServiceRanking(100)
 * public class DisputeResolutionTab implements CaseTab { ... }
 * </pre>
 *
 * The highest {@code service.ranking} is shown first.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CaseTabEntry {

    /** The prefix of the property names: {@code starred.ui.}. */
    String PREFIX_ = "starred.ui.";

    /** @return the screen, one of {@link CaseScreens} */
    String screen() default CaseScreens.CHILD;

    /** @return the tab's key, unique on its screen */
    String key();

    /** @return the label on the tab */
    String label();
}
