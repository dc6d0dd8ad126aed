package kg.neo4jlocal;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * A local, Docker-free Neo4j 5.26 Community DBMS for development and tests.
 *
 * <p>Starts an embedded DBMS with only the Bolt connector, bound to 127.0.0.1.
 * <b>Authentication is disabled: this is for local development only.</b> It binds to
 * loopback only, but any local user/process can read and write the database.
 *
 * <p>Usage: {@code java -jar neo4j-local.jar [--port N] [--data DIR] [--exit-on-stdin-eof]}
 * <ul>
 *   <li>{@code --port N} (env {@code NEO4J_LOCAL_PORT}, default 7687; 0 = any free port)</li>
 *   <li>{@code --data DIR} (env {@code NEO4J_LOCAL_DATA}, default {@code .neo4j/data} relative to the cwd)</li>
 *   <li>{@code --exit-on-stdin-eof}: shut down when stdin reaches EOF, so that a parent process
 *       that started us with a stdin pipe takes us with it when it dies.</li>
 * </ul>
 *
 * <p>Protocol on stdout (nothing else is printed there): exactly one line
 * {@code NEO4J_LOCAL_READY bolt://127.0.0.1:<port>} once Bolt accepts connections, and
 * {@code NEO4J_LOCAL_STOPPED} after a clean shutdown (SIGTERM, SIGINT or stdin EOF).
 * Neo4j's own logs go to {@code <data>/logs/} (neo4j.log and debug.log).
 */
public final class LocalNeo4j {
    private static final String HOST = "127.0.0.1";
    private static final int DEFAULT_PORT = 7687;
    private static final String DEFAULT_DATA = ".neo4j/data";

    private LocalNeo4j() {}

    public static void main(String[] args) {
        // Keep the protocol channel clean: grab the real stdout, and send anything that
        // a library might print on System.out to stderr instead.
        PrintStream protocol = new PrintStream(new FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);

        Options opts;
        try {
            opts = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("neo4j-local: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (opts.help) {
            protocol.println(Options.USAGE);
            return;
        }

        try {
            run(opts, protocol);
        } catch (Throwable t) {
            System.err.println("neo4j-local: failed to start Neo4j: " + t);
            t.printStackTrace(System.err);
            System.err.flush();
            Runtime.getRuntime().halt(1);
        }
    }

    private static void run(Options opts, PrintStream protocol) throws Exception {
        Path dataDir = opts.dataDir.toAbsolutePath().normalize();
        Path logsDir = dataDir.resolve("logs");
        Files.createDirectories(logsDir);

        OutputStream userLogOut = new FileOutputStream(logsDir.resolve("neo4j.log").toFile(), true);
        Log4jLogProvider userLog = new Log4jLogProvider(userLogOut, Level.INFO);

        DatabaseManagementService managementService = new DatabaseManagementServiceBuilder(dataDir)
                .setUserLogProvider(userLog)
                .setConfig(GraphDatabaseSettings.data_directory, dataDir)
                .setConfig(GraphDatabaseSettings.logs_directory, logsDir)
                // LOCAL DEVELOPMENT ONLY: no authentication. Bolt listens on loopback only.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, opts.port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, opts.port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Modest memory: the machine is small and shared.
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(768))
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.mebiBytes(512))
                .setConfig(BoltConnector.thread_pool_max_size, 64)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Fast shutdown for a dev server: Netty's default 5s quiet period (per event
                // loop group) made every stop take ~12s; don't wait minutes for stuck clients.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(10))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(10))
                .build();

        AtomicBoolean stopped = new AtomicBoolean(false);
        Runnable shutdown = () -> {
            if (!stopped.compareAndSet(false, true)) {
                return;
            }
            try {
                managementService.shutdown();
            } catch (Throwable t) {
                System.err.println("neo4j-local: error during shutdown: " + t);
            } finally {
                userLog.close();
                try {
                    userLogOut.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
                protocol.println("NEO4J_LOCAL_STOPPED");
                protocol.flush();
            }
        };
        // SIGTERM / SIGINT / System.exit all run shutdown hooks.
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "neo4j-local-shutdown"));

        GraphDatabaseService db = managementService.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(120_000)) {
            throw new IllegalStateException("default database did not become available within 120s");
        }

        int port = boltPort(db, opts.port);
        awaitTcp(port, 60_000);

        if (opts.exitOnStdinEof) {
            Thread watcher = new Thread(() -> {
                try {
                    InputStream in = System.in;
                    byte[] buf = new byte[256];
                    while (in.read(buf) >= 0) {
                        // discard input; we only care about EOF
                    }
                } catch (IOException ignored) {
                    // treat a broken stdin like EOF
                }
                System.err.println("neo4j-local: stdin closed, shutting down");
                System.exit(0);
            }, "neo4j-local-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        protocol.println("NEO4J_LOCAL_READY bolt://" + HOST + ":" + port);
        protocol.flush();

        // Block the main thread; the DBMS's own threads keep working. Exit happens via the
        // shutdown hook (signal) or System.exit (stdin EOF).
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The actual Bolt port (differs from the requested one only when 0 was requested). */
    private static int boltPort(GraphDatabaseService db, int requested) {
        try {
            ConnectorPortRegister ports = ((GraphDatabaseAPI) db).getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class);
            HostnamePort hp = ports.getLocalAddress(ConnectorType.BOLT);
            if (hp != null && hp.getPort() > 0) {
                return hp.getPort();
            }
        } catch (RuntimeException e) {
            System.err.println("neo4j-local: could not read bolt port from Neo4j: " + e);
        }
        if (requested == 0) {
            throw new IllegalStateException("could not determine the bolt port that was bound");
        }
        return requested;
    }

    private static void awaitTcp(int port, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        IOException last = null;
        while (System.currentTimeMillis() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 1000);
                return;
            } catch (IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("bolt port " + port + " does not accept connections: " + last);
    }

    private static final class Options {
        static final String USAGE = "usage: java -jar neo4j-local.jar [--port N] [--data DIR] [--exit-on-stdin-eof]\n"
                + "  --port N             bolt port on 127.0.0.1 (env NEO4J_LOCAL_PORT, default 7687, 0 = any free port)\n"
                + "  --data DIR           data folder (env NEO4J_LOCAL_DATA, default .neo4j/data)\n"
                + "  --exit-on-stdin-eof  shut down when stdin is closed (for launchers that pipe stdin)\n"
                + "Auth is disabled: local development only.";

        int port = DEFAULT_PORT;
        Path dataDir = Path.of(DEFAULT_DATA);
        boolean exitOnStdinEof;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            String envPort = System.getenv("NEO4J_LOCAL_PORT");
            if (envPort != null && !envPort.isBlank()) {
                o.port = parsePort(envPort.trim());
            }
            String envData = System.getenv("NEO4J_LOCAL_DATA");
            if (envData != null && !envData.isBlank()) {
                o.dataDir = Path.of(envData.trim());
            }
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String value = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    value = a.substring(eq + 1);
                    a = a.substring(0, eq);
                }
                switch (a) {
                    case "--port" -> o.port = parsePort(value != null ? value : next(args, ++i, a));
                    case "--data" -> o.dataDir = Path.of(value != null ? value : next(args, ++i, a));
                    case "--exit-on-stdin-eof" -> o.exitOnStdinEof = true;
                    case "--help", "-h" -> o.help = true;
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            return o;
        }

        private static String next(String[] args, int i, String name) {
            if (i >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args[i];
        }

        private static int parsePort(String s) {
            try {
                int p = Integer.parseInt(s);
                if (p < 0 || p > 65535) {
                    throw new NumberFormatException();
                }
                return p;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid port: " + s);
            }
        }
    }
}
