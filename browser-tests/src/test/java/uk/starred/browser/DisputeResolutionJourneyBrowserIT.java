package uk.starred.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Before;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TestRule;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A concern carried from a starred decision to the CAFCASS referral pack in Chromium, by the demo
 * staff who would each do their part, against the running demo distribution: the IRO stars a
 * decision, the Team Manager sees the alert on the child's screen and responds, the IRO escalates
 * and refers to CAFCASS, and the IRO Service Manager sees the oversight figures change and
 * downloads them. Every page on the way is checked with axe-core and photographed.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class DisputeResolutionJourneyBrowserIT {

    private static final Chromium chromium = new Chromium();
    private static final DemoDistribution demo = new DemoDistribution();

    @ClassRule
    public static final RuleChain browserAndDemo = RuleChain.outerRule(chromium).around(demo);

    @Rule
    public final TestRule screenshotOnFailure = chromium.screenshotOnFailure();

    /** A looked-after child of the demo whose council runs seed 000, the starred decisions procedure. */
    private static final String CHILD = "DEMO-000-S1";
    private static final String XSS = "<script>window.starredXss=1</script><img src=x onerror=\"window.starredXss=2\">";

    /** Each test starts signed out, whatever the one before left behind. */
    @Before
    public void signedOut() {
        chromium.driver().get(demo.url("/host/login"));
        chromium.driver().manage().deleteAllCookies();
    }

    @Test
    public void aConcernGoesFromStarredDecisionToTheCafcassReferralPack() throws Exception {
        WebDriver driver = chromium.driver();
        chromium.setLaptopViewport();

        // The IRO Service Manager notes this month's figures first.
        signIn("demo-iro-manager");
        driver.get(demo.url("/host/oversight"));
        long raisedBefore = figure("Concerns raised");
        long cafcassBefore = figure("Referrals to CAFCASS");
        signOut();

        // The IRO stars a decision on the child's screen; the note carries markup, shown as text.
        signIn("demo-iro");
        driver.get(demo.url("/host/children/" + CHILD));
        assertEquals("Dispute resolution", driver.findElement(By.cssSelector(".tabs-item-selected a")).getText());
        open("Raise a concern or star a decision");
        WebElement raise = driver.findElement(By.cssSelector("form.starred-raise"));
        assertTrue("the raise form is under the child's council procedure",
                raise.getText().contains("Starred Decisions and Dispute Resolution Process"));
        assertTrue("a starred decision is what is offered first",
                raise.findElement(By.cssSelector("input[name=origin][value=STARRED_DECISION]")).isSelected());
        raise.findElement(By.cssSelector("input[name=reasons][value=DRIFT_OR_DELAY]")).click();
        raise.findElement(By.name("description")).sendKeys("Care plan drifting. " + XSS);
        raise.findElement(By.name("remedyWanted")).sendKeys("Permanence planning meeting held within two weeks.");
        chromium.screenshot("iro-raises-starred-decision");
        assertSays(submit(raise), "Concern raised");
        String concern = concernIdFromUrl(driver.getCurrentUrl());
        WebElement section = driver.findElement(By.id("concern-" + concern));
        assertTrue("the note is shown as the text typed", section.getText().contains(XSS));
        assertTrue("no element was made from the note",
                driver.findElements(By.cssSelector("img[src='x']")).isEmpty());
        assertEquals("no script from the note ran", null,
                chromium.driver().executeScript("return window.starredXss === undefined ? null : window.starredXss;"));
        chromium.screenshotWholePage("iro-sees-starred-decision");
        Accessibility.check(driver, "case-screen-iro");
        signOut();

        // The Team Manager sees the alert in the child's alert area, asked to act, and disagrees.
        signIn("demo-team-manager");
        driver.get(demo.url("/host/children/" + CHILD));
        List<WebElement> alerts = driver.findElements(By.cssSelector(".alert-list .alert"));
        assertTrue("a starred decision alert asks the Team Manager to act: " + texts(alerts), alerts.stream()
                .anyMatch(a -> a.getText().contains("Starred decision") && a.getText().contains("You are asked to act")));
        chromium.screenshotWholePage("team-manager-sees-alert");
        Accessibility.check(driver, "case-screen-team-manager");
        section = driver.findElement(By.id("concern-" + concern));
        open(section, "Respond to this concern");
        WebElement respond = form(section, "respond");
        respond.findElement(By.cssSelector("input[name=kind][value=DISAGREE]")).click();
        respond.findElement(By.name("reasons")).sendKeys("The permanence meeting is already booked for next month.");
        assertSays(submit(respond), "Response recorded");
        assertTrue(driver.findElement(By.id("concern-" + concern)).getText().contains("Disagreed"));
        signOut();

        // The IRO escalates, then considers and makes a referral to CAFCASS.
        signIn("demo-iro");
        driver.get(demo.url("/host/children/" + CHILD + "?tab=dispute-resolution&concern=" + concern));
        section = driver.findElement(By.id("concern-" + concern));
        open(section, "Escalate");
        WebElement escalate = form(section, "escalate");
        escalate.findElement(By.name("note")).sendKeys("Disagreement: registering the dispute.");
        assertSays(submit(escalate), "Concern escalated");
        section = driver.findElement(By.id("concern-" + concern));
        assertTrue(section.getText(), section.getText().contains("1 Dispute Registered"));

        open(section, "Consider a referral to CAFCASS");
        WebElement consider = form(section, "consider-cafcass");
        consider.findElement(By.name("reason")).sendKeys("The plan has drifted for months.");
        assertSays(submit(consider), "CAFCASS referral under consideration");

        section = driver.findElement(By.id("concern-" + concern));
        open(section, "Refer to CAFCASS");
        WebElement refer = form(section, "refer-to-cafcass");
        refer.findElement(By.name("reason")).sendKeys("The child's human rights may be breached.");
        assertSays(submit(refer), "Referred to CAFCASS");

        // Each step is on the child's file, under the note types of the council's procedure: the host's
        // own "Case notes" tab shows what Starred wrote there (delivered by the outbox in its round).
        String caseNotes = demo.url("/host/children/" + CHILD + "?tab=case-notes");
        new WebDriverWait(driver, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1))
                .withMessage("the referral reaches the child's case notes")
                .until(d -> {
                    d.get(caseNotes);
                    return d.findElement(By.tagName("main")).getText().contains("Referred to CAFCASS by Priya Shah (IRO)");
                });
        assertTrue(driver.findElement(By.tagName("main")).getText().contains("Starred Decision"));
        chromium.screenshotWholePage("case-notes");
        Accessibility.check(driver, "case-notes");
        driver.get(demo.url("/host/children/" + CHILD + "?tab=dispute-resolution&concern=" + concern));

        // The referral pack: the checklist, the chronology from the record, the IRO's draft report.
        driver.findElement(By.id("concern-" + concern)).findElement(By.partialLinkText("CAFCASS referral pack")).click();
        String pack = driver.findElement(By.cssSelector(".starred-pack")).getText();
        assertTrue(pack, pack.contains("What should accompany the referral"));
        assertTrue(pack, pack.contains("Starred decision raised"));
        assertTrue(pack, pack.contains("Disagreed: The permanence meeting is already booked for next month."));
        assertTrue(pack, pack.contains("Referred to CAFCASS"));
        assertTrue(pack, pack.contains("The IRO's report (draft)"));
        chromium.screenshotWholePage("cafcass-referral-pack");
        Accessibility.check(driver, "cafcass-referral-pack");
        signOut();

        // The IRO Service Manager sees the figures move, and downloads them.
        signIn("demo-iro-manager");
        driver.get(demo.url("/host/oversight"));
        assertEquals(raisedBefore + 1, figure("Concerns raised"));
        assertEquals(cafcassBefore + 1, figure("Referrals to CAFCASS"));
        chromium.screenshotWholePage("oversight");
        Accessibility.check(driver, "oversight");
        chromium.setTabletViewport();
        chromium.screenshot("oversight-tablet");
        chromium.setLaptopViewport();

        String csvHref = driver.findElement(By.partialLinkText("Download these figures (CSV)")).getDomProperty("href");
        HttpResponse<String> csv = getWithSession(csvHref);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse(""), csv.headers().firstValue("Content-Type")
                .orElse("").startsWith("text/csv"));
        assertTrue(csv.body(), csv.body().contains("summary,raised," + (raisedBefore + 1)));
        assertTrue(csv.body(), csv.body().contains("summary,referrals to CAFCASS," + (cafcassBefore + 1)));

        String listHref = driver.findElement(By.partialLinkText("Download this list (CSV)")).getDomProperty("href");
        HttpResponse<String> list = getWithSession(listHref);
        assertEquals(200, list.statusCode());
        assertTrue(list.body(), list.body().contains(concern));
        signOut();
    }

    @Test
    public void theServiceManagerDisagreesWithAReviewsDecisionsOnTheLookedAfterReviewsTab() {
        WebDriver driver = chromium.driver();
        // a seed 002 child: the initial review held, its decision record circulated today
        String child = "DEMO-002-S3";
        signIn("demo-service-manager");
        driver.get(demo.url("/host/children/" + child + "?tab=looked-after-reviews"));
        WebElement main = driver.findElement(By.tagName("main"));
        assertTrue(main.getText(), main.getText().contains("managers may disagree until"));
        assertTrue(main.getText(), main.getText().contains("Sam Lewis (Social Worker), Jo Evans (Team Manager)"));
        assertTrue("the IRO's forms are not offered to the manager",
                driver.findElements(By.xpath("//form[input[@name='op' and @value='review-held']]")).isEmpty());
        WebElement disagree = form(main, "disagree");
        assertSays(submit(disagree), "Please correct: reasons are required");
        disagree = form(driver.findElement(By.tagName("main")), "disagree");
        disagree.findElement(By.name("reasons")).sendKeys("Decision 2 is not funded. " + XSS);
        assertSays(submit(disagree), "Your disagreement is recorded and the IRO is told");
        assertEquals("nothing the manager wrote ran as code", null,
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return window.starredXss;"));
        assertTrue(driver.findElement(By.tagName("main")).getText().contains(
                "disputed by Alex Brown (Service Manager): Decision 2 is not funded."));
        signOut();

        signIn("demo-iro");
        driver.get(demo.url("/host/children/" + child + "?tab=looked-after-reviews"));
        Accessibility.check(driver, "looked-after-reviews");
        open("What happened (5)");
        assertTrue(driver.findElement(By.tagName("main")).getText().contains(
                "The decisions of review 1 are disputed by Alex Brown (Service Manager)"));
        assertFalse("review 2 may be recorded by the IRO",
                driver.findElements(By.xpath("//form[input[@name='op' and @value='review-held']]")).isEmpty());
        signOut();
    }

    @Test
    public void theChildrenListAndTheSignInPagePassTheAccessibilityChecks() {
        WebDriver driver = chromium.driver();
        chromium.setLaptopViewport();
        driver.get(demo.url("/host/login"));
        Accessibility.check(driver, "sign-in");
        signIn("demo-social-worker");
        assertTrue(driver.findElement(By.tagName("h1")).getText().contains("Children"));
        chromium.screenshot("children-social-worker");
        Accessibility.check(driver, "children");
        signOut();
    }

    @Test
    public void everyDemoPersonSignsInAndSeesTheirChildren() {
        WebDriver driver = chromium.driver();
        for (String person : List.of("demo-iro", "demo-cpc", "demo-social-worker", "demo-assistant-team-manager",
                "demo-team-manager", "demo-service-manager", "demo-safeguarding-manager", "demo-head-of-service",
                "demo-head-of-qa", "demo-deputy-director", "demo-director", "demo-chief-executive", "demo-iro-manager",
                "demo-complaints-officer")) {
            signIn(person);
            List<WebElement> children = driver.findElements(By.cssSelector("main table a"));
            assertFalse(person + " works with demo children", children.isEmpty());
            boolean oversight = !driver.findElements(By.linkText("Oversight")).isEmpty();
            assertEquals(person + " sees the oversight screen only with oversight of the service",
                    Set.of("demo-iro-manager", "demo-head-of-service", "demo-head-of-qa").contains(person), oversight);
            children.get(0).click();
            assertTrue(person + " sees the Dispute resolution tab", driver.findElement(By.cssSelector(".tabs-list"))
                    .getText().contains("Dispute resolution"));
            signOut();
        }
    }

    @Test
    public void aWrongPasswordIsRefusedWithAMessageAndNoSession() {
        WebDriver driver = chromium.driver();
        driver.get(demo.url("/host/login"));
        driver.findElement(By.id("username")).sendKeys("demo-iro");
        driver.findElement(By.id("password")).sendKeys("not-the-password");
        assertSays(submit(driver), "The username or password is not right.");
        driver.get(demo.url("/host/children"));
        assertTrue("still asked to sign in", driver.getCurrentUrl().endsWith("/host/login"));
    }

    private static void signIn(String user) {
        WebDriver driver = chromium.driver();
        driver.get(demo.url("/host/login"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        arriveAt("/host/children");
    }

    private static void signOut() {
        chromium.driver().findElement(By.cssSelector(".header-account button")).click();
        arriveAt("/host/login");
    }

    /** Waits for the page a form leads to, as a person waits for it to load. */
    private static void arriveAt(String path) {
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(15))
                .withMessage(() -> "arrived at " + path + ", still at " + chromium.driver().getCurrentUrl())
                .until(ExpectedConditions.urlMatches(".*" + java.util.regex.Pattern.quote(path) + "([?#].*)?$"));
    }

    /** Opens the disclosure on the page whose summary reads so. */
    private static void open(String summary) {
        open(chromium.driver().findElement(By.tagName("body")), summary);
    }

    private static void open(WebElement within, String summary) {
        WebElement details = within.findElement(By.xpath(".//summary[normalize-space()=\"" + summary + "\"]"));
        details.click();
    }

    private static WebElement form(WebElement section, String op) {
        return section.findElement(By.xpath(".//form[input[@name='op' and @value='" + op + "']]"));
    }

    /**
     * Sends the form (or the page's only form) by its submit button and waits for the page it leads to:
     * the page sent from is gone before its banner is read, so a banner left from the step before is
     * never taken for this step's.
     */
    private static String submit(SearchContext form) {
        WebElement page = chromium.driver().findElement(By.tagName("html"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(15))
                .withMessage(() -> "a new page after sending the form, still at " + chromium.driver().getCurrentUrl())
                .until(d -> gone(page));
        return banner();
    }

    /**
     * Whether the page element is gone: stale, or (as Chromium may answer while the next page replaces it)
     * a node that no longer belongs to the document.
     */
    private static boolean gone(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException stale) {
            return true;
        } catch (org.openqa.selenium.WebDriverException replaced) {
            if (String.valueOf(replaced.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw replaced;
        }
    }

    private static void assertSays(String banner, String expected) {
        assertTrue("the page says \"" + expected + "\", it says: " + banner, banner.contains(expected));
    }

    /** The message the page shows after a form, waited for as the next page loads. */
    private static String banner() {
        try {
            new WebDriverWait(chromium.driver(), Duration.ofSeconds(15)).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector(".banner-success, .error-summary")));
        } catch (org.openqa.selenium.TimeoutException none) {
            // reported below as "no banner"
        }
        List<WebElement> banners = chromium.driver().findElements(By.cssSelector(".banner-success, .error-summary"));
        return banners.isEmpty() ? "(no banner on " + chromium.driver().getCurrentUrl() + ")" : texts(banners);
    }

    private static String texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).collect(Collectors.joining(" | "));
    }

    private static String concernIdFromUrl(String url) {
        int at = url.indexOf("concern=");
        assertTrue("the page after raising names the concern: " + url, at >= 0);
        String rest = url.substring(at + "concern=".length());
        return rest.split("[&#]")[0];
    }

    /** A figure from the oversight summary table, by its row heading. */
    private static long figure(String row) {
        WebElement cell = chromium.driver().findElement(By.xpath(
                "//table[contains(@class,'starred-figures')]//tr[th[normalize-space()=\"" + row + "\"]]/td"));
        return Long.parseLong(cell.getText().strip());
    }

    /** Fetches a link as the signed-in browser would, with its session cookie. */
    private static HttpResponse<String> getWithSession(String href) throws Exception {
        String cookies = chromium.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest request = HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
