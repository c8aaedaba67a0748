package uk.starred.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.HttpURLConnection;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The demo distribution as a new user gets it: Starred and the demo preinstalled, the page answering. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DemoDistributionIT extends StarredInKaraf {

    @Configuration
    public Option[] config() {
        return KarafOptions.demoDistribution();
    }

    @Override
    protected String expectedDatabase() {
        return "H2";
    }

    @Test
    public void theDemoChildrensConcernsAreThereAndCountedOnTheFrontPage() throws Exception {
        HttpURLConnection http = getWhenServed("/");
        assertEquals(200, http.getResponseCode());
        String page = body(http);
        assertTrue(page, page.contains("<td>demo-alert-process</td>"));
        assertEquals(1, uk.starred.referencehost.session.Session.runAs("demo-iro",
                () -> concerns.concernsForChild("DEMO-CHILD-AMARA")).size());
    }
}
