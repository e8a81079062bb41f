package dev.pgtestkit.sync.internal.ssh;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * {@code known_hosts} checking with no exceptions: an unknown host and a changed key are both refused, and the
 * refusal is kept so the caller can explain it (the fingerprint, the line to add, the command that removes a stale
 * entry). The file is never written.
 */
final class StrictKnownHosts extends KnownHostsServerKeyVerifier {

    private final Path file;
    private final AtomicReference<String> refusal = new AtomicReference<>();

    StrictKnownHosts(Path file) {
        super(RejectAllServerKeyVerifier.INSTANCE, file);
        this.file = file;
        setModifiedServerKeyAcceptor(this::refuseChanged);
    }

    /** Why the last connection's host key was refused, or {@code null}. */
    String refusal() {
        return refusal.get();
    }

    @Override
    protected boolean acceptUnknownHostKey(ClientSession session, SocketAddress remoteAddress, PublicKey key) {
        String host = hostPattern(session);
        String type = KeyUtils.getKeyType(key);
        refusal.set("The host key of " + host + " is not known: " + file + " has no entry for it. Its " + type
                + " key's fingerprint is " + KeyUtils.getFingerPrint(key) + ". Compare it with the server's own (on"
                + " the server: ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub); if it matches, trust it by adding this"
                + " line to " + file + ":\n" + host + " " + PublicKeyEntry.toString(key) + "\n(or run: ssh-keyscan"
                + portOption(session) + " -t " + type + " " + hostName(session) + " >> " + file
                + " and check the fingerprint with ssh-keygen -lf " + file + ").");
        return false;
    }

    private boolean refuseChanged(ClientSession session, SocketAddress address, KnownHostEntry entry,
            PublicKey expected, PublicKey actual) {
        String host = hostPattern(session);
        refusal.set("The host key of " + host + " has CHANGED and is refused: " + file + " expects "
                + KeyUtils.getKeyType(expected) + " " + KeyUtils.getFingerPrint(expected) + " (entry '"
                + entry.getConfigLine() + "'), the server offered " + KeyUtils.getKeyType(actual) + " "
                + KeyUtils.getFingerPrint(actual) + ". Someone may be intercepting the connection, or the server"
                + " was reinstalled. Only if its owner confirms the new key: ssh-keygen -R '" + host + "' -f " + file
                + ", then add the line\n" + host + " " + PublicKeyEntry.toString(actual));
        return false;
    }

    /** How known_hosts names the host: {@code host}, or {@code [host]:port} off port 22. */
    private static String hostPattern(ClientSession session) {
        int port = port(session);
        return port == 22 ? hostName(session) : "[" + hostName(session) + "]:" + port;
    }

    private static String portOption(ClientSession session) {
        int port = port(session);
        return port == 22 ? "" : " -p " + port;
    }

    private static String hostName(ClientSession session) {
        SshdSocketAddress address = SshdSocketAddress.toSshdSocketAddress(session.getConnectAddress());
        return address == null ? String.valueOf(session.getConnectAddress()) : address.getHostName();
    }

    private static int port(ClientSession session) {
        SshdSocketAddress address = SshdSocketAddress.toSshdSocketAddress(session.getConnectAddress());
        return address == null ? 22 : address.getPort();
    }
}
