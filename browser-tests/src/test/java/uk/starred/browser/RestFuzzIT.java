package uk.starred.browser;

import org.junit.ClassRule;

/** Hostile input to the REST API of the demo distribution on its embedded H2 database. */
public class RestFuzzIT extends RestFuzzing {

    @ClassRule
    public static final DemoDistribution demo = new DemoDistribution();

    @Override
    protected DemoDistribution demo() {
        return demo;
    }
}
