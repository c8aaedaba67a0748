package uk.starred.itests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import org.junit.runner.Description;
import org.junit.runner.Runner;
import org.junit.runner.notification.RunNotifier;
import org.ops4j.pax.exam.junit.PaxExam;

/**
 * Runs a Pax Exam test class when PostgreSQL answers on 127.0.0.1:5432 (database {@code test},
 * user {@code postgres}, trust authentication), and reports its tests as ignored, with the
 * reason printed, when it does not. When the environment variable {@code CI} is set, a missing
 * PostgreSQL fails the class instead.
 *
 * <p>Each run gets a schema of its own, named by {@link #SCHEMA_PROPERTY}, dropped when the test
 * JVM ends.
 */
public class PostgresqlGate extends Runner {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA_PROPERTY = "starred.itest.postgresql.schema";

    private final Runner delegate;
    private final Description description;
    private final String skipReason;

    public PostgresqlGate(Class<?> testClass) throws Exception {
        String problem = problem();
        if (problem != null && System.getenv("CI") != null) {
            throw new IllegalStateException("CI is set, so " + testClass.getSimpleName()
                    + " must run on PostgreSQL, but none answers at " + URL + ": " + problem);
        }
        if (problem == null) {
            createSchema();
            this.delegate = new PaxExam(testClass);
            this.description = delegate.getDescription();
            this.skipReason = null;
        } else {
            this.delegate = null;
            this.description = Description.createSuiteDescription(testClass);
            for (java.lang.reflect.Method method : testClass.getMethods()) {
                if (method.isAnnotationPresent(org.junit.Test.class)) {
                    description.addChild(Description.createTestDescription(testClass, method.getName()));
                }
            }
            this.skipReason = "PostgreSQL not available at " + URL + " (" + problem + ")";
        }
    }

    @Override
    public Description getDescription() {
        return description;
    }

    @Override
    public void run(RunNotifier notifier) {
        if (delegate != null) {
            delegate.run(notifier);
            return;
        }
        System.err.println(description.getDisplayName() + " not run: " + skipReason
                + ". Set CI to make PostgreSQL required.");
        for (Description test : description.getChildren()) {
            notifier.fireTestIgnored(test);
        }
    }

    private static Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("connectTimeout", "2");
        return DriverManager.getConnection(URL, props);
    }

    private static String problem() {
        try (Connection c = connect()) {
            return c.isValid(2) ? null : "connection not valid";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static void createSchema() throws SQLException {
        String schema = "starred_itest_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        System.setProperty(SCHEMA_PROPERTY, schema);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
            }
        }, "drop " + schema));
    }
}
