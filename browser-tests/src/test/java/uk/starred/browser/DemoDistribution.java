package uk.starred.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.rules.ExternalResource;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * The Starred demo distribution, started as its own process with {@code bin/karaf server} for the
 * duration of a test class (use it as a {@code @ClassRule}) and stopped afterwards, also when the
 * tests fail.
 *
 * <p>Each start works on a fresh copy of the distribution unpacked by the build (system property
 * {@code starred.distribution}) under {@code target/}, so every test class begins with an empty
 * {@code data/}. The container listens on 127.0.0.1 only, on free ports. Its console output goes to
 * {@code target/karaf-<test class>.log}; its own log stays in the copy's {@code data/log/karaf.log}.
 */
public class DemoDistribution extends ExternalResource {

    /** The page whose answer means the demo is up: the reference host's sign-in page. */
    /**
     * The reference host's status: 200 once the demo caseload is in place; the body counts the
     * registered tabs and alert types, which arrive as their bundles' components activate.
     */
    static final String READY_PATH = "/host/status";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_PAUSE = Duration.ofMillis(500);
    private static final int LOG_LINES_ON_FAILURE = 40;
    private static final String HOST = "127.0.0.1";

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private String name = "DemoDistribution";
    private Path home;
    private Path consoleLog;
    private int httpPort;
    private int sshPort;
    /** The password of the console user this copy alone has, for {@link #console}. */
    private final String consolePassword = java.util.UUID.randomUUID().toString();
    private Process karaf;
    private Thread killOnExit;

    /** The PostgreSQL schema this copy runs on, or {@code null} for the demo's own embedded H2. */
    private String schema;

    /**
     * @return the demo distribution run on the local PostgreSQL ({@code 127.0.0.1:5432}, database {@code test},
     *         user {@code postgres}), in a schema of its own dropped afterwards, as README's "Running on
     *         PostgreSQL" configures it; the tests are skipped when PostgreSQL does not answer, unless
     *         {@code CI} is set, when they fail
     */
    public static DemoDistribution onPostgresql() {
        DemoDistribution demo = new DemoDistribution();
        demo.schema = "starred_demo_" + Long.toHexString(System.nanoTime());
        return demo;
    }

    private static final String POSTGRESQL = "jdbc:postgresql://127.0.0.1:5432/test";

    /** The port the demo reaches PostgreSQL on: its own, or a relay's that a test cuts. */
    private int postgresqlPort = 5432;

    /** Configurations written into the copy's {@code etc/} before it starts, by PID. */
    private final Map<String, Map<String, String>> configurations = new LinkedHashMap<>();

    /** @return this copy, with the configuration given written to {@code etc/<pid>.cfg} before it starts */
    public DemoDistribution configured(String pid, Map<String, String> properties) {
        configurations.put(pid, properties);
        return this;
    }

    /** @return this copy, reaching PostgreSQL through the port given (a {@link TcpProxy}'s) */
    public DemoDistribution through(int port) {
        this.postgresqlPort = port;
        return this;
    }

    /** Creates the schema and writes the DataSource configuration and the PostgreSQL feature into the copy. */
    private void onPostgresql(Path home) throws IOException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(POSTGRESQL, "postgres", "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            String message = "PostgreSQL does not answer on 127.0.0.1:5432 (database test, user postgres): "
                    + e.getMessage();
            if (System.getenv("CI") != null) {
                throw new AssertionError(message + ". CI is set, so the PostgreSQL tests are required.");
            }
            System.err.println("PostgreSQL tests skipped. " + message + ". Set CI to make them required.");
            org.junit.Assume.assumeTrue(message, false);
        }
        Map<String, String> ds = new LinkedHashMap<>();
        ds.put("dataSourceName", "starred");
        ds.put("osgi.jdbc.driver.class", "org.postgresql.Driver");
        // as README's "Running on PostgreSQL": the driver keeps the values it was saving out of its messages
        ds.put("url", "jdbc:postgresql://127.0.0.1:" + postgresqlPort + "/test?currentSchema=" + schema
                + "&logServerErrorDetail=false");
        ds.put("user", "postgres");
        ds.put("password", "");
        ds.put("pool", "dbcp2");
        ds.put("xa", "false");
        ds.put("pool.maxTotal", "16");
        ds.put("pool.maxWaitMillis", "10000");
        setProperties(home.resolve("etc/org.ops4j.datasource-starred.cfg"), ds);
        Path features = home.resolve("etc/org.apache.karaf.features.cfg");
        String boot = Files.readString(features, StandardCharsets.ISO_8859_1);
        String demoFeature = "    starred-demo/";
        if (!boot.contains(demoFeature)) {
            throw new IllegalStateException("the distribution does not boot starred-demo; cannot add PostgreSQL");
        }
        Files.writeString(features, boot.replace(demoFeature, "    starred-postgresql/" + boot.substring(
                boot.indexOf(demoFeature) + demoFeature.length()).split(",")[0] + ", \\\n" + demoFeature),
                StandardCharsets.ISO_8859_1);
    }

    /** @return a connection of the test's own to this copy's PostgreSQL schema (directly, not through a relay) */
    public java.sql.Connection postgresql() throws java.sql.SQLException {
        if (schema == null) {
            throw new IllegalStateException("this copy runs on its embedded H2");
        }
        return java.sql.DriverManager.getConnection(POSTGRESQL + "?currentSchema=" + schema, "postgres", "");
    }

    /** @return how many rows the table holds in this copy's PostgreSQL schema */
    public long rowsOnPostgresql(String table) throws java.sql.SQLException {
        if (schema == null) {
            throw new IllegalStateException("this copy runs on its embedded H2");
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(POSTGRESQL, "postgres", "");
                java.sql.ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM " + schema + "." + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    private void dropSchema() {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(POSTGRESQL, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (java.sql.SQLException e) {
            System.err.println("Could not drop schema " + schema + ": " + e.getMessage());
        }
    }

    @Override
    public Statement apply(Statement base, Description description) {
        if (description.getTestClass() != null) {
            name = description.getTestClass().getSimpleName();
        }
        return super.apply(base, description);
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        if (karaf == null) {
            throw new IllegalStateException("the demo distribution is not running");
        }
        return "http://" + HOST + ":" + httpPort;
    }

    /** The absolute URL of a path such as {@code /host/login}, for the browser. */
    public String url(String path) {
        return baseUrl() + (path.startsWith("/") ? path : "/" + path);
    }

    /** A plain GET of a path, without following redirects: for what a page answers, not how it looks. */
    public HttpResponse<String> http(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + request.uri(), e);
        }
    }

    /** The console user {@link #console} signs in as. */
    static final String CONSOLE_USER = "starred-operator";

    /** What {@code bin/client} printed and the status it exited with. */
    public record ConsoleRun(int exitStatus, String output) {
    }

    /**
     * Runs shell commands through the copy's {@code bin/client} in batch mode ({@code -b}: the commands on
     * standard input), as a council's build or an operator's script would, against the running container.
     */
    public ConsoleRun console(String commands) throws IOException, InterruptedException {
        Path input = Files.createTempFile(home, "commands-", ".txt");
        Files.writeString(input, commands + System.lineSeparator(), StandardCharsets.UTF_8);
        Process client = karafScript(home, "client", "-a", Integer.toString(sshPort), "-h", HOST, "-u", CONSOLE_USER,
                "-p", consolePassword, "-r", "10", "-d", "2", "-b")
                .redirectInput(ProcessBuilder.Redirect.from(input.toFile())).start();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!client.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new IllegalStateException("bin/client did not finish within 120 s: " + output);
        }
        return new ConsoleRun(client.exitValue(), output);
    }

    /** The copy's server log, {@code data/log/karaf.log}. */
    public Path karafLog() {
        return home.resolve("data/log/karaf.log");
    }

    /**
     * Kills the copy's Karaf as a power cut would ({@code kill -9} of its JVM and the script that started it): no
     * shutdown hook, no bundle stopping, nothing flushed that was not already.
     */
    public void kill() {
        Process process = karaf;
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        for (ProcessHandle handle : tree) {
            handle.onExit().join();
        }
        process.onExit().join();
        karaf = null;
    }

    /** Starts the copy again on its own folders and database, after {@link #kill()}, and waits until it is ready. */
    public void restart() throws IOException, InterruptedException {
        if (karaf != null) {
            throw new IllegalStateException("the demo distribution is still running");
        }
        karaf = karafScript(home, "karaf", "server")
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile())).start();
        Process started = karaf;
        if (killOnExit != null) {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        }
        killOnExit = new Thread(() -> destroyTree(started, true), "stop " + home.getFileName());
        Runtime.getRuntime().addShutdownHook(killOnExit);
        awaitReady();
    }

    /** The running copy's Karaf home, for a test that wants to look at {@code data/} or {@code etc/}. */
    public Path home() {
        return home;
    }

    @Override
    protected void before() throws Throwable {
        Path source = distribution();
        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target);
        home = Files.createTempDirectory(target, "karaf-" + name + "-");
        copyTree(source, home);
        httpPort = freePort();
        sshPort = freePort();
        configure(home, httpPort, sshPort);
        if (schema != null) {
            onPostgresql(home);
        }
        for (Map.Entry<String, Map<String, String>> configuration : configurations.entrySet()) {
            setProperties(home.resolve("etc/" + configuration.getKey() + ".cfg"), configuration.getValue());
        }
        // an operator of this copy only: the distribution ships with no console user
        Files.writeString(home.resolve("etc/users.properties"), System.lineSeparator() + CONSOLE_USER + " = "
                + consolePassword + ",_g_:admingroup" + System.lineSeparator()
                + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh" + System.lineSeparator(),
                StandardCharsets.ISO_8859_1, java.nio.file.StandardOpenOption.APPEND);
        consoleLog = target.resolve("karaf-" + name + ".log");
        try {
            karaf = start(home, consoleLog);
            // ExternalResource calls after() only when before() succeeded, and nothing at all runs
            // when the test JVM is killed: this hook keeps a container from outliving the build.
            Process started = karaf;
            killOnExit = new Thread(() -> destroyTree(started, true), "stop " + home.getFileName());
            Runtime.getRuntime().addShutdownHook(killOnExit);
            awaitReady();
        } catch (Throwable e) {
            stop();
            throw e;
        }
    }

    @Override
    protected void after() {
        stop();
        if (schema != null) {
            dropSchema();
        }
    }

    private static Path distribution() {
        String property = System.getProperty("starred.distribution");
        if (property == null || property.isBlank()) {
            throw new IllegalStateException("system property starred.distribution is not set; run the tests"
                    + " through Maven (mvn verify), which unpacks the demo distribution and sets it");
        }
        Path path = Path.of(property).toAbsolutePath();
        if (!Files.isRegularFile(path.resolve("bin/karaf"))) {
            throw new IllegalStateException("no Karaf distribution (bin/karaf) at " + path
                    + "; the build unpacks it in the pre-integration-test phase");
        }
        return path;
    }

    /** Free ports on 127.0.0.1 and nothing on other interfaces; offline resolution from system/ only. */
    private static void configure(Path home, int httpPort, int sshPort) throws IOException {
        Path etc = home.resolve("etc");
        Map<String, String> web = new LinkedHashMap<>();
        web.put("org.osgi.service.http.port", Integer.toString(httpPort));
        web.put("org.ops4j.pax.web.listening.addresses", HOST);
        setProperties(etc.resolve("org.ops4j.pax.web.cfg"), web);

        Map<String, String> shell = new LinkedHashMap<>();
        shell.put("sshPort", Integer.toString(sshPort));
        shell.put("sshHost", HOST);
        setProperties(etc.resolve("org.apache.karaf.shell.cfg"), shell);

        Map<String, String> management = new LinkedHashMap<>();
        management.put("rmiRegistryPort", Integer.toString(freePort()));
        management.put("rmiRegistryHost", HOST);
        management.put("rmiServerPort", Integer.toString(freePort()));
        management.put("rmiServerHost", HOST);
        setProperties(etc.resolve("org.apache.karaf.management.cfg"), management);

        // The assembly put every bundle the demo runs into system/. Without remote repositories and
        // snapshot updates the container cannot stall on, or be changed by, the network.
        setProperties(etc.resolve("org.ops4j.pax.url.mvn.cfg"), Map.of("org.ops4j.pax.url.mvn.repositories", ""));
        setProperties(etc.resolve("org.apache.karaf.features.cfg"), Map.of("updateSnapshots", "none"));
    }

    /**
     * Sets properties in a Karaf {@code .cfg} file, keeping its comments and every other property: an
     * existing entry is replaced where it stands (with its continuation lines), a missing one appended.
     */
    static void setProperties(Path file, Map<String, String> values) throws IOException {
        List<String> lines = Files.isRegularFile(file)
                ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.ISO_8859_1))
                : new ArrayList<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String line = entry.getKey() + " = " + entry.getValue();
            Pattern key = Pattern.compile("^\\s*" + Pattern.quote(entry.getKey()) + "(\\s*[=:].*|\\s+.*|\\s*)$");
            boolean replaced = false;
            int i = 0;
            while (i < lines.size() && !replaced) {
                String trimmed = lines.get(i).stripLeading();
                boolean comment = trimmed.startsWith("#") || trimmed.startsWith("!");
                int end = i;
                while (!comment && endsWithContinuation(lines.get(end)) && end + 1 < lines.size()) {
                    end++;
                }
                if (!comment && key.matcher(lines.get(i)).matches()) {
                    lines.subList(i + 1, end + 1).clear();
                    lines.set(i, line);
                    replaced = true;
                }
                i = end + 1;
            }
            if (!replaced) {
                lines.add(line);
            }
        }
        Files.write(file, lines, StandardCharsets.ISO_8859_1);
    }

    private static boolean endsWithContinuation(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static Process start(Path home, Path consoleLog) throws IOException {
        return karafScript(home, "karaf", "server")
                .redirectOutput(ProcessBuilder.Redirect.to(consoleLog.toFile()))
                .start();
    }

    /** A script of the copy's bin/, run by sh so that it needs no executable bit from the unpacking. */
    private static ProcessBuilder karafScript(Path home, String script, String... arguments) {
        List<String> command = new ArrayList<>(List.of("sh", "bin/" + script));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> environment = builder.environment();
        // a Karaf installed elsewhere on the machine must not take over the copy's folders
        environment.keySet().removeIf(variable -> variable.startsWith("KARAF_"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        URI ready = URI.create(url(READY_PATH));
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!karaf.isAlive()) {
                throw new AssertionError("the demo distribution exited with code " + karaf.exitValue()
                        + " before " + ready + " answered" + logTails());
            }
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                String body = response.body();
                if (response.statusCode() == 200 && !body.contains("\"child\":0") && !body.contains("\"oversight\":0")
                        && !body.contains("\"alertTypes\":0")) {
                    return;
                }
                last = "HTTP " + response.statusCode() + " " + body;
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(POLL_PAUSE.toMillis());
        }
        throw new AssertionError("the demo distribution did not answer 200 at " + ready + " within "
                + START_TIMEOUT.toSeconds() + " s (last: " + last + ")" + logTails());
    }

    private String logTails() {
        return tail(consoleLog) + tail(home.resolve("data/log/karaf.log"));
    }

    private static String tail(Path log) {
        if (log == null || !Files.isRegularFile(log)) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            List<String> last = lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size());
            return "\n--- last " + last.size() + " lines of " + log + " ---\n" + String.join("\n", last);
        } catch (IOException e) {
            return "\n(could not read " + log + ": " + e + ")";
        }
    }

    private void stop() {
        Process process = karaf;
        if (process == null) {
            return;
        }
        try {
            if (process.isAlive()) {
                // bin/karaf runs Java as its child: the tree is needed before the shell exits
                List<ProcessHandle> tree = process.descendants().toList();
                if (!runStopScript()) {
                    destroyTree(process, false);
                }
                waitFor(process, tree, STOP_TIMEOUT);
                destroyTree(process, true);
                tree.forEach(ProcessHandle::destroyForcibly);
            }
        } finally {
            karaf = null;
            if (killOnExit != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(killOnExit);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or about to: it does the same
                }
                killOnExit = null;
            }
        }
    }

    /** {@code bin/stop}, which asks Karaf on its shutdown port to stop the framework cleanly. */
    private boolean runStopScript() {
        try {
            Process stop = karafScript(home, "stop")
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()))
                    .start();
            if (!stop.waitFor(30, TimeUnit.SECONDS)) {
                stop.destroyForcibly();
                return false;
            }
            return stop.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void waitFor(Process process, List<ProcessHandle> tree, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            for (ProcessHandle handle : tree) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception stillRunning) {
            // forcibly destroyed next
        }
    }

    private static void destroyTree(Process process, boolean forcibly) {
        process.descendants().forEach(forcibly ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
