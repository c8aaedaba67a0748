package uk.starred.itests;

import static org.junit.Assert.assertTrue;

import java.io.File;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * {@code feature:install starred} into a plain Apache Karaf 4.4.9, with nothing configured: the
 * product runs on its embedded H2 file database under Karaf's data folder.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StarredFeatureIT extends StarredInKaraf {

    @Configuration
    public Option[] config() {
        return KarafOptions.plainKaraf("starred");
    }

    @Override
    protected String expectedDatabase() {
        return "H2";
    }

    @Test
    public void theEmbeddedDatabaseLivesUnderKarafData() {
        File database = new File(System.getProperty("karaf.data"), "starred/starred.mv.db");
        assertTrue(database + " should exist", database.isFile());
    }
}
