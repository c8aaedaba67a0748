package uk.starred.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A TCP relay on 127.0.0.1 between the demo and its PostgreSQL, which a test cuts to take the database away
 * (every open connection reset and new ones refused, as when the server stops) and restores, without stopping
 * the machine's PostgreSQL that other builds may be using. It can also lose one commit's answer: the
 * database receives the commit and answers it, and the demo never hears back, its connection reset.
 */
final class TcpProxy implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;
    private volatile byte[] marked;
    private volatile CountDownLatch answerLost = new CountDownLatch(0);

    TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.port = DemoDistribution.freePort();
        listen();
    }

    int port() {
        return port;
    }

    /** Resets every connection through the relay and refuses new ones until {@link #restore()}. */
    synchronized void cut() throws IOException {
        ServerSocket server = listening;
        listening = null;
        if (server != null) {
            server.close();
        }
        for (Socket socket : open) {
            reset(socket);
        }
        open.clear();
    }

    /** Accepts connections again, on the same port. */
    synchronized void restore() throws IOException {
        if (listening == null) {
            listen();
        }
    }

    /**
     * Arms the relay for one commit: on the connection that has carried the marker, the commit goes through to
     * the database and its answer is thrown away, the connection reset on the demo's side.
     *
     * @return counted down when that answer has been lost
     */
    synchronized CountDownLatch loseTheCommitAnswerAfter(String marker) {
        answerLost = new CountDownLatch(1);
        marked = marker.getBytes(StandardCharsets.UTF_8);
        return answerLost;
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private void listen() throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listening = server;
        Thread accepting = new Thread(() -> accept(server), "tcp-proxy-accept");
        accepting.setDaemon(true);
        accepting.start();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target;
                // with cut(): a connection accepted just as the relay was cut must not outlive the cut
                synchronized (this) {
                    if (listening != server) {
                        reset(client);
                        return;
                    }
                    target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    open.add(client);
                    open.add(target);
                }
                Connection connection = new Connection();
                pump(client, target, connection, true);
                pump(target, client, connection, false);
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** What one relayed connection has carried, for losing its commit's answer. */
    private static final class Connection {
        volatile boolean carriedMarker;
    }

    private void pump(Socket from, Socket to, Connection connection, boolean towardsDatabase) {
        Thread pumping = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (towardsDatabase) {
                        watch(connection, buffer, n);
                    } else if (committed(connection, buffer, n)) {
                        // the database has answered the commit: the demo never hears it
                        answerLost.countDown();
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException gone) {
                // one side closed or was reset: the other goes too
            } finally {
                reset(from);
                reset(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pump");
        pumping.setDaemon(true);
        pumping.start();
    }

    private void watch(Connection connection, byte[] buffer, int n) {
        byte[] marker = marked;
        if (marker != null && contains(buffer, n, marker)) {
            connection.carriedMarker = true;
        }
    }

    /**
     * Whether this answer from the database, on a connection that carried the armed marker, holds the tag of
     * a completed commit (the driver may send the commit as a prepared statement, without its text, but the
     * database always names what it completed).
     */
    private synchronized boolean committed(Connection connection, byte[] buffer, int n) {
        if (marked == null || !connection.carriedMarker
                || !contains(buffer, n, "COMMIT\0".getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        marked = null;
        return true;
    }

    private static boolean contains(byte[] buffer, int n, byte[] wanted) {
        for (int i = 0; i + wanted.length <= n; i++) {
            int j = 0;
            while (j < wanted.length && buffer[i + j] == wanted[j]) {
                j++;
            }
            if (j == wanted.length) {
                return true;
            }
        }
        return false;
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (SocketException alreadyClosed) {
            // nothing left to reset
        } catch (IOException e) {
            // closing is all that is wanted
        }
    }
}
