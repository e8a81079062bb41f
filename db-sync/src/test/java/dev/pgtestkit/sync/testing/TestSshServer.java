package dev.pgtestkit.sync.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SSH server (Apache MINA SSHD) on 127.0.0.1 with SFTP: a generated host key kept in a file (so a restart on
 * the same port presents the same key), one authorized client key, and a directory as every user's home; git
 * repositories below it are served to {@code git push}/{@code fetch} over SSH.
 */
public final class TestSshServer implements AutoCloseable {

    private final Path hostKeyFile;
    private final Path home;
    private final PublicKey authorized;
    private final SftpEventListener listener;
    private SshServer server;

    private TestSshServer(Path hostKeyFile, Path home, PublicKey authorized, SftpEventListener listener) {
        this.hostKeyFile = hostKeyFile;
        this.home = home;
        this.authorized = authorized;
        this.listener = listener;
    }

    /** Starts a server on a free port. */
    public static TestSshServer start(Path hostKeyFile, Path home, PublicKey authorized, SftpEventListener listener)
            throws IOException {
        TestSshServer s = new TestSshServer(hostKeyFile, home, authorized, listener);
        s.startOn(0);
        return s;
    }

    /** (Re)starts on {@code port} (0: any free one). */
    public void startOn(int port) throws IOException {
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(port);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
        keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        sshd.setKeyPairProvider(keys);
        sshd.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, authorized));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        if (listener != null) {
            sftp.addSftpEventListener(listener);
        }
        sshd.setSubsystemFactories(List.of(sftp));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(home));
        sshd.setCommandFactory(GitPackCommand.factory(home));
        sshd.start();
        this.server = sshd;
    }

    public int port() {
        return server.getPort();
    }

    /** The host key clients are shown. */
    public PublicKey hostKey() throws IOException, GeneralSecurityException {
        return server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
    }

    /** The {@code known_hosts} line that trusts this server. */
    public String knownHostsLine() throws IOException, GeneralSecurityException {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey());
    }

    /** Stops at once, dropping open sessions (as a machine going away would). */
    public void stopNow() throws IOException {
        server.stop(true);
    }

    @Override
    public void close() throws IOException {
        if (server != null && server.isStarted()) {
            server.stop(true);
        }
    }

    /** A new EC key pair written as {@code file} (OpenSSH format, unencrypted) and {@code file.pub}. */
    public static KeyPair clientKey(Path file) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyUtils.generateKeyPair(KeyPairTypes.EC256, 256);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "pgtestkit-test", null, out);
        }
        Files.writeString(file.resolveSibling(file.getFileName() + ".pub"), PublicKeyEntry.toString(pair.getPublic())
                + " pgtestkit-test\n");
        return pair;
    }

    private static final class KeyPairTypes {
        static final String EC256 = "ecdsa-sha2-nistp256";
    }
}
