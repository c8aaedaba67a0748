package uk.starred.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TestRule;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The reference host's sign-in page, as a person sees it in Chromium. */
public class LoginPageBrowserIT {

    private static final Chromium chromium = new Chromium();
    private static final DemoDistribution demo = new DemoDistribution();

    // Chromium first: where it is missing the class is skipped before the distribution starts
    @ClassRule
    public static final RuleChain browserAndDemo = RuleChain.outerRule(chromium).around(demo);

    @Rule
    public final TestRule screenshotOnFailure = chromium.screenshotOnFailure();

    @Test
    public void usernameHasALabelAndThePagePassesTheAccessibilityChecks() {
        WebDriver driver = chromium.driver();
        chromium.setLaptopViewport();
        driver.get(demo.url("/host/login"));

        WebElement input = labelledControl(driver, "Username");
        assertEquals("the Username label names a form field", "input", input.getTagName());
        assertTrue("the Username field can be typed in", input.isDisplayed() && input.isEnabled());

        chromium.screenshot("login-laptop");
        chromium.setTabletViewport();
        chromium.screenshot("login-tablet");
        Accessibility.check(driver, "login");
    }

    /** The form control a visible label names, through its for attribute or by holding it. */
    private static WebElement labelledControl(WebDriver driver, String text) {
        List<WebElement> labels = driver.findElements(By.xpath("//label[normalize-space()='" + text + "']"));
        assertFalse("a label reading \"" + text + "\" on " + driver.getCurrentUrl(), labels.isEmpty());
        WebElement label = labels.get(0);
        String target = label.getDomAttribute("for");
        if (target != null && !target.isBlank()) {
            List<WebElement> controls = driver.findElements(By.id(target));
            assertEquals("exactly one element with the id the \"" + text + "\" label names (" + target + ")",
                    1, controls.size());
            return controls.get(0);
        }
        List<WebElement> nested = label.findElements(By.xpath(".//input|.//select|.//textarea"));
        assertFalse("the \"" + text + "\" label names no field: no for attribute and no field inside it",
                nested.isEmpty());
        return nested.get(0);
    }
}
