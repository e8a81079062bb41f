package dev.pgtestkit.sync.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SSH server (Apache MINA SSHD with SFTP) on 127.0.0.1, as db-sync's RemoteSyncIT uses (its test classes are
 * not published): a generated host key, one authorized client key written into a home directory's {@code .ssh} with
 * a {@code known_hosts} that trusts the server, and a directory as every user's file system root.
 */
final class LoopbackSshServer implements AutoCloseable {

    private final SshServer server;

    private LoopbackSshServer(SshServer server) {
        this.server = server;
    }

    /** Starts on a free port serving {@code root}; {@code home}'s .ssh gets the client key and known_hosts. */
    static LoopbackSshServer start(Path root, Path home, Path hostKeyFile) throws IOException,
            GeneralSecurityException {
        KeyPair client = clientKey(home.resolve(".ssh/id_ecdsa"));
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
        keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        sshd.setKeyPairProvider(keys);
        sshd.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, client.getPublic()));
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
        sshd.start();
        LoopbackSshServer started = new LoopbackSshServer(sshd);
        Files.writeString(home.resolve(".ssh/known_hosts"), "[127.0.0.1]:" + sshd.getPort() + " "
                + PublicKeyEntry.toString(keys.loadKeys(null).iterator().next().getPublic()) + "\n");
        return started;
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private static KeyPair clientKey(Path file) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "pgtestkit-cli-test", null, out);
        }
        return pair;
    }
}
