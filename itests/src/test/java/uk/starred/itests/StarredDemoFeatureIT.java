package uk.starred.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** {@code feature:install starred-demo} into a plain Apache Karaf 4.4.9: the product with the reference host, on H2. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StarredDemoFeatureIT extends StarredInKaraf {

    @Configuration
    public Option[] config() {
        return KarafOptions.plainKaraf("starred-demo");
    }

    @Override
    protected String expectedDatabase() {
        return "H2";
    }
}
