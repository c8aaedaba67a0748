package uk.starred.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run measured: processor, cores, memory, Java and operating system. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = "unknown processor";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: the rest still says what ran
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores available, "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB heap at most; Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "); "
                + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }
}
