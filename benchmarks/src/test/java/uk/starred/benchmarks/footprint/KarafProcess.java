package uk.starred.benchmarks.footprint;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Karaf unpacked into a folder of its own and run as its own process on 127.0.0.1: its shell
 * reached with {@code bin/client}, its heap read with {@code jcmd} after a full collection.
 */
public final class KarafProcess implements AutoCloseable {

    public final Path home;
    public final int httpPort;
    public final int sshPort;
    private final Path javaHome = Path.of(System.getProperty("java.home"));
    private Process karaf;

    public KarafProcess(Path archive, Path work) throws IOException, InterruptedException {
        Files.createDirectories(work);
        run(List.of("tar", "xzf", archive.toString(), "-C", work.toString()), Duration.ofMinutes(2));
        try (var entries = Files.list(work)) {
            home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        httpPort = freePort();
        sshPort = freePort();
        Path etc = home.resolve("etc");
        // a shell user for the measurements, kept to this throw-away copy
        replace(etc.resolve("users.properties"), "#karaf = karaf,_g_:admingroup", "karaf = karaf,_g_:admingroup");
        replace(etc.resolve("users.properties"), "#_g_\\:admingroup", "_g_\\:admingroup");
        replace(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort = 8101", "sshPort = " + sshPort);
        replace(etc.resolve("org.apache.karaf.shell.cfg"), "sshHost = 0.0.0.0", "sshHost = 127.0.0.1");
        replace(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort = 1099", "rmiRegistryPort = " + freePort());
        replace(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort = 44444", "rmiServerPort = " + freePort());
        Files.writeString(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port = " + httpPort
                + "\norg.ops4j.pax.web.listening.addresses = 127.0.0.1\n");
        // the local Maven repository only: what this build installed, nothing from the network
        Files.writeString(etc.resolve("org.ops4j.pax.url.mvn.cfg"), Files.readString(etc.resolve("org.ops4j.pax.url.mvn.cfg"))
                + "\norg.ops4j.pax.url.mvn.repositories=\norg.ops4j.pax.url.mvn.defaultLocalRepoAsRemote=true\n");
    }

    public void start(String javaOptions) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .redirectErrorStream(true).redirectOutput(home.resolve("console.log").toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("EXTRA_JAVA_OPTS", javaOptions);
        karaf = builder.start();
    }

    /** Runs a shell command through bin/client and returns what it printed. */
    public String shell(String command) throws IOException, InterruptedException {
        return run(List.of(home.resolve("bin/client").toString(), "-h", "127.0.0.1", "-a", Integer.toString(sshPort),
                "-u", "karaf", "-p", "karaf", "-r", "60", "-d", "1", command), Duration.ofMinutes(5));
    }

    /** @return how many bundles are installed */
    int bundles() throws IOException, InterruptedException {
        String list = shell("bundle:list -t 0 --no-format");
        int count = 0;
        for (String line : list.split("\n")) {
            if (line.matches("^\\s*\\d+(\\s|[|│]).*")) {
                count++;
            }
        }
        return count;
    }

    /** @return the heap in use after a full collection, in MB */
    double heapAfterFullGc() throws IOException, InterruptedException {
        long pid = javaPid();
        jcmd(pid, "GC.run");
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher used = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("no heap figure in: " + info);
        }
        return Long.parseLong(used.group(1)) / 1024.0;
    }

    private String jcmd(long pid, String command) throws IOException, InterruptedException {
        return run(List.of(javaHome.resolve("bin/jcmd").toString(), Long.toString(pid), command), Duration.ofMinutes(1));
    }

    private long javaPid() {
        return karaf.toHandle().descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                .findFirst().orElseThrow(() -> new IllegalStateException("Karaf's JVM is not running")).pid();
    }

    @Override
    public void close() throws Exception {
        if (karaf == null) {
            return;
        }
        try {
            run(List.of(home.resolve("bin/stop").toString()), Duration.ofMinutes(1));
        } catch (RuntimeException | IOException e) {
            // forced below
        }
        if (!karaf.waitFor(60, TimeUnit.SECONDS)) {
            karaf.descendants().forEach(ProcessHandle::destroyForcibly);
            karaf.destroyForcibly();
        }
    }

    static String run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within " + timeout);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " exited " + process.exitValue() + ": " + text);
        }
        return text;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        // a distribution that already changed the line keeps its own
        String text = Files.readString(file);
        Files.writeString(file, text.replace(from, to));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
