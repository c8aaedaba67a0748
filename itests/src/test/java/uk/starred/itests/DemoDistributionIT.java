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
    public void theFrontPageShowsTheDemoChildrensConcerns() throws Exception {
        HttpURLConnection http = get("/");
        assertEquals(200, http.getResponseCode());
        String page = body(http);
        for (String child : new String[] {"DEMO-CHILD-AMARA", "DEMO-CHILD-BEN", "DEMO-CHILD-CHLOE"}) {
            assertTrue(child + " missing from the front page", page.contains(child));
        }
        assertEquals(1, concerns.concernsForChild("DEMO-CHILD-AMARA").size());
    }
}
