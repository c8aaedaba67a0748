package uk.starred.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureSecurity;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.MavenArtifactUrlReference;
import org.ops4j.pax.exam.options.extra.VMOption;

/**
 * The container options every Starred test uses, after Karaf's own {@code KarafTestSupport}: the
 * JDK 9+ VM options {@code bin/karaf} passes, free ports, and Maven resolution from the build's
 * local repository and the reactor's artifacts only, so the container never reaches a registry.
 */
final class KarafOptions {

    static final String HTTP_PORT_PROPERTY = "starred.itest.http.port";

    private KarafOptions() {
    }

    static String karafVersion() {
        return required("karaf.version");
    }

    static String starredVersion() {
        return required("starred.version");
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set; run the tests through Maven");
        }
        return value;
    }

    static MavenArtifactUrlReference starredFeatures() {
        return maven().groupId("uk.starred").artifactId("starred-features").version(starredVersion())
                .type("xml").classifier("features");
    }

    /** A plain Apache Karaf, exactly as downloaded, with the given Starred features installed at boot. */
    static Option[] plainKaraf(String... starredFeatures) {
        MavenArtifactUrlReference karaf = maven().groupId("org.apache.karaf").artifactId("apache-karaf")
                .version(karafVersion()).type("tar.gz");
        List<Option> options = new ArrayList<>(Arrays.asList(common(karaf.getURL(), "Apache Karaf")));
        options.add(features(starredFeatures(), starredFeatures));
        return options.toArray(Option[]::new);
    }

    /**
     * A plain Apache Karaf with {@code starred}, the five seed procedure bundles and the test kit, and
     * no host adapter: the scenarios register their own host and clock.
     */
    static Option[] scenarioKaraf(String... features) {
        List<String> all = new ArrayList<>(Arrays.asList(features));
        all.add("starred-seed-procedures");
        List<Option> options = new ArrayList<>(Arrays.asList(plainKaraf(all.toArray(String[]::new))));
        // the relay's own timer stays out of the way (its first round comes after one interval):
        // scenarios deliver when the seed says people are told, and look at exactly what arrived
        options.add(editConfigurationFilePut("etc/uk.starred.impl.outbox.OutboxRelay.cfg", "pollSeconds", "3600"));
        options.add(editConfigurationFilePut("etc/uk.starred.impl.deadline.DeadlineRunner.cfg", "pollSeconds", "3600"));
        return options.toArray(Option[]::new);
    }

    /**
     * {@code etc/org.ops4j.datasource-starred.cfg} pointing at PostgreSQL in the given schema, written
     * before Karaf starts, exactly as the README tells an operator to do it.
     */
    static List<Option> postgresqlDataSource(String schema) {
        String cfg = "etc/org.ops4j.datasource-starred.cfg";
        return List.of(editConfigurationFilePut(cfg, "dataSourceName", "starred"),
                editConfigurationFilePut(cfg, "osgi.jdbc.driver.class", "org.postgresql.Driver"),
                editConfigurationFilePut(cfg, "url", PostgresqlGate.URL + "?currentSchema=" + schema),
                editConfigurationFilePut(cfg, "user", "postgres"),
                editConfigurationFilePut(cfg, "pool", "dbcp2"),
                editConfigurationFilePut(cfg, "xa", "false"));
    }

    /** The Starred demo distribution this build assembled. */
    static Option[] demoDistribution() {
        String path = required("starred.reactor.repository") + "/uk/starred/starred-distribution/" + starredVersion()
                + "/starred-distribution-" + starredVersion() + ".tar.gz";
        if (!new File(path).isFile()) {
            throw new IllegalStateException("the demo distribution was not built: " + path);
        }
        File example = new File("../procedures/template/src/main/resources/OSGI-INF/starred/example-council-alerts.yaml");
        List<Option> options = new ArrayList<>(List.of(common(new File(path).toURI().toString(), "Starred demo")));
        // the guide's worked example, for the test that drops it into the distribution's deploy folder
        options.add(systemProperty(EXAMPLE_DESCRIPTOR_PROPERTY).value(example.getAbsolutePath()));
        return options.toArray(Option[]::new);
    }

    /** The path of the guide's worked example descriptor, inside the demo distribution's container. */
    static final String EXAMPLE_DESCRIPTOR_PROPERTY = "starred.example.descriptor";

    private static Option[] common(String distributionUrl, String name) {
        String localRepository = required("org.ops4j.pax.url.mvn.localRepository");
        String reactor = new File(required("starred.reactor.repository")).toURI().toString();
        String httpPort = Integer.toString(freePort());
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration().frameworkUrl(distributionUrl).name(name)
                        .karafVersion(karafVersion()).unpackDirectory(new File("target/exam")).useDeployFolder(false),
                configureSecurity().disableKarafMBeanServerBuilder(),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.INFO),
                systemTimeout(120_000),
                systemProperty("pax.exam.service.timeout").value("60000"),
                systemProperty(HTTP_PORT_PROPERTY).value(httpPort),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.listening.addresses", "127.0.0.1"),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryHost", "127.0.0.1"),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerHost", "127.0.0.1"),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshHost", "127.0.0.1"),
                editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "updateSnapshots", "none"),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepository),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                        "file:${karaf.home}/${karaf.default.repository}@id=system.repository@snapshots,"
                                + reactor + "@id=reactor@snapshots"),
                // Everything the container needs is in the local repository after the build: no remote fetches.
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
                editConfigurationFilePut("etc/branding.properties", "welcome", ""),
                editConfigurationFilePut("etc/branding-ssh.properties", "welcome", ""),
                // the probe holds every test class, and the scenario classes extend the kit's
                org.ops4j.pax.exam.CoreOptions.mavenBundle("uk.starred", "starred-testkit", starredVersion())));
        if (Boolean.getBoolean("starred.itest.keep")) {
            options.add(keepRuntimeFolder());
        }
        options.addAll(java17(karafVersion()));
        return options.toArray(Option[]::new);
    }

    /** The module options Karaf's {@code bin/karaf} passes on Java 9 and later. */
    private static List<Option> java17(String karafVersion) {
        List<Option> vm = new ArrayList<>();
        for (String option : new String[] {
                "--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                "-classpath", "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*",
                "-Xmx768m"}) {
            vm.add(new VMOption(option));
        }
        return vm;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1", e);
        }
    }
}
