package uk.starred.impl.store;

import java.lang.management.ManagementFactory;

/** How a node of Starred names itself on what it claims in the shared database: due moments, outbox messages. */
public final class Nodes {

    private Nodes() {
    }

    /**
     * @return the Karaf instance's name and the host's: the same after a restart, unlike the process id, so that
     *         a node coming back takes back at once what it held when it stopped
     */
    public static String thisNode() {
        String jvm = ManagementFactory.getRuntimeMXBean().getName();
        return System.getProperty("karaf.name", "starred") + "@" + jvm.substring(jvm.indexOf('@') + 1);
    }
}
