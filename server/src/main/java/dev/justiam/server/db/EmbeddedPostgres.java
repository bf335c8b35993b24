package dev.justiam.server.db;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries published on Maven Central, with its data under the
 * server's data directory so it survives restarts.
 *
 * <p>PostgreSQL refuses to run as root, so when this process is root the PostgreSQL processes run as
 * the unprivileged {@code nobody} account (through {@code setpriv}), which then owns the cluster
 * directory. It listens on a free loopback port only, with password authentication; the password is
 * generated on first start and kept in the data directory, readable by the owner alone.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String SUPERUSER = "postgres";
    private static final int UNPRIVILEGED_UID = 65534;
    private static final int UNPRIVILEGED_GID = 65534;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path root;
    private final Path binaries;
    private final Path cluster;
    private final boolean asRoot;
    private Process process;
    private int port;
    private String password;

    public EmbeddedPostgres(Path dataDir) {
        this.root = dataDir.resolve("postgres");
        this.binaries = root.resolve("bin-" + binariesVersion());
        this.cluster = root.resolve("cluster");
        this.asRoot = "root".equals(System.getProperty("user.name"));
    }

    public synchronized void start() {
        try {
            Files.createDirectories(root);
            extractBinariesOnce();
            password = readOrCreatePassword();
            if (!Files.exists(cluster.resolve("PG_VERSION"))) {
                initCluster();
            }
            if (attachToRunningServer()) {
                log.info("Using the embedded PostgreSQL another JustIAM process runs on 127.0.0.1:{}", port);
                return;
            }
            port = freePort();
            launch();
            awaitAcceptingConnections();
            log.info("Embedded PostgreSQL is up on 127.0.0.1:{} with data in {}", port, cluster);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL could not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    /** Fast shutdown: open transactions roll back, the cluster is left consistent. */
    @Override
    public synchronized void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        log.info("Stopping embedded PostgreSQL");
        // SIGINT asks the postmaster for a fast shutdown (PostgreSQL docs, "Shutting Down the Server").
        signal(process.pid(), "INT");
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                log.warn("Embedded PostgreSQL did not stop in 30 s; killing it");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        log.info("Embedded PostgreSQL stopped");
        process = null;
    }

    private void extractBinariesOnce() throws IOException {
        Path marker = binaries.resolve(".complete");
        if (Files.exists(marker)) {
            return;
        }
        log.info("Unpacking PostgreSQL binaries into {}", binaries);
        deleteRecursively(binaries);
        Files.createDirectories(binaries);
        try (InputStream raw = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (raw == null) {
                throw new IOException(ARCHIVE + " is not on the class path");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZCompressorInputStream(new BufferedInputStream(raw)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path target = binaries.resolve(entry.getName()).normalize();
                    if (!target.startsWith(binaries)) {
                        throw new IOException("Archive entry escapes the target folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(target.getParent());
                        Files.deleteIfExists(target);
                        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(target, permissionsOf(entry.getMode()));
                    }
                }
            }
        }
        Files.writeString(marker, binariesVersion());
    }

    private String readOrCreatePassword() throws IOException {
        Path file = root.resolve("superuser.password");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String generated = HexFormat.of().formatHex(bytes);
        Files.writeString(file, generated, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return generated;
    }

    private void initCluster() throws IOException, InterruptedException {
        log.info("Creating the PostgreSQL cluster in {}", cluster);
        deleteRecursively(cluster);
        Files.createDirectories(cluster);
        Files.setPosixFilePermissions(cluster, PosixFilePermissions.fromString("rwx------"));
        Path pwfile = root.resolve("initdb.pw");
        Files.writeString(pwfile, password, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-------"));
        if (asRoot) {
            requireTraversableByUnprivileged(root);
            chown(cluster);
            chown(pwfile);
        }
        try {
            List<String> cmd = List.of(binaries.resolve("bin/initdb").toString(),
                    "-D", cluster.toString(), "-U", SUPERUSER, "--pwfile=" + pwfile,
                    "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync");
            run(cmd, Duration.ofMinutes(2));
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    private void launch() throws IOException {
        List<String> cmd = new ArrayList<>(privilegeDrop());
        cmd.addAll(List.of(binaries.resolve("bin/postgres").toString(), "-D", cluster.toString(),
                "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=", "-c", "max_connections=200",
                "-c", "shared_buffers=128MB", "-c", "logging_collector=off"));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("postgres.log").toFile()));
        pb.environment().put("LC_ALL", "C");
        process = pb.start();
    }

    private void awaitAcceptingConnections() throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("PostgreSQL exited with code " + process.exitValue()
                        + "; see " + root.resolve("postgres.log"));
            }
            if (Files.exists(cluster.resolve("postmaster.pid")) && portOpen()) {
                String pidFile = readPidFileQuietly();
                // Line 8 of postmaster.pid is the server status; "ready" once it accepts connections.
                if (pidFile.contains("ready")) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new IOException("PostgreSQL did not accept connections within " + START_TIMEOUT.toSeconds() + " s");
    }

    private String readPidFileQuietly() {
        try {
            return Files.readString(cluster.resolve("postmaster.pid"));
        } catch (IOException e) {
            return "";
        }
    }

    private boolean portOpen() {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The cluster may already have a postmaster. If the JustIAM process that started it still runs
     * (a command such as create-tenant next to a running server), connect to it and leave it alone.
     * If that process died without stopping it, stop the orphan so this start can take over.
     */
    private boolean attachToRunningServer() throws InterruptedException {
        String[] lines = readPidFileQuietly().split("\n");
        if (lines.length < 4) {
            return false;
        }
        long pid;
        int runningPort;
        try {
            pid = Long.parseLong(lines[0].trim());
            runningPort = Integer.parseInt(lines[3].trim());
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return false;
        }
        boolean ownerAlive = postmaster.get().parent()
                .filter(p -> p.pid() != 1 && p.isAlive())
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .isPresent();
        if (ownerAlive) {
            // Another JustIAM process owns it: this one never started a process, so close() leaves it running.
            port = runningPort;
            return true;
        }
        log.warn("Stopping a PostgreSQL left running by an earlier run (pid {})", pid);
        signal(pid, "INT");
        postmaster.get().onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> null).join();
        return false;
    }

    private List<String> privilegeDrop() {
        if (!asRoot) {
            return List.of();
        }
        return List.of("setpriv", "--reuid=" + UNPRIVILEGED_UID, "--regid=" + UNPRIVILEGED_GID, "--clear-groups");
    }

    private void run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(privilegeDrop());
        cmd.addAll(command);
        Path out = root.resolve("initdb.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(out.toFile()));
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("initdb timed out; see " + out);
        }
        if (p.exitValue() != 0) {
            throw new IOException("initdb failed with code " + p.exitValue() + ": " + Files.readString(out));
        }
    }

    private void chown(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chown", "-R", UNPRIVILEGED_UID + ":" + UNPRIVILEGED_GID, path.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("chown of " + path + " failed: " + output);
        }
    }

    /** As root, the cluster is owned by an unprivileged account that must reach it through every parent. */
    private static void requireTraversableByUnprivileged(Path dir) throws IOException {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IOException("Running as root, the embedded PostgreSQL runs as 'nobody', which cannot enter "
                        + p + ". Choose a JUSTIAM_DATA_DIR whose parent folders others may enter (chmod o+x), "
                        + "or set JUSTIAM_DB_URL to use an external PostgreSQL.");
            }
        }
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            log.warn("Could not signal PostgreSQL (pid {}): {}", pid, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Set<PosixFilePermission> permissionsOf(int mode) {
        StringBuilder sb = new StringBuilder();
        String rwx = "rwx";
        for (int shift = 6; shift >= 0; shift -= 3) {
            int bits = (mode >> shift) & 7;
            for (int i = 0; i < 3; i++) {
                sb.append((bits & (4 >> i)) != 0 ? rwx.charAt(i) : '-');
            }
        }
        return PosixFilePermissions.fromString(sb.toString());
    }

    private static String binariesVersion() {
        return dev.justiam.server.system.BuildInfo.postgresBinariesVersion();
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
