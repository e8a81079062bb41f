package dev.pgtestkit.sync.internal.ssh;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * The user's {@code ssh-agent}, reached through the socket {@code SSH_AUTH_SOCK} names with the JDK's own Unix
 * domain sockets (SSHD's agent client needs Tomcat's native library). SSHD frames the requests; this class only
 * carries them and reads each length-prefixed answer.
 */
final class UnixSocketAgent extends AbstractAgentProxy {

    private static final int MAX_ANSWER = 256 * 1024;

    private final SocketChannel channel;

    private UnixSocketAgent(Path socket) throws IOException {
        super(null);
        this.channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
    }

    @Override
    protected synchronized Buffer request(Buffer buffer) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available());
        while (out.hasRemaining()) {
            channel.write(out);
        }
        ByteBuffer length = readFully(4);
        int size = length.getInt();
        if (size <= 0 || size > MAX_ANSWER) {
            throw new IOException("ssh-agent answered with a message of " + size + " bytes");
        }
        return new ByteArrayBuffer(readFully(size).array());
    }

    private ByteBuffer readFully(int size) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(size);
        while (in.hasRemaining()) {
            if (channel.read(in) < 0) {
                throw new EOFException("ssh-agent closed the connection");
            }
        }
        return in.flip();
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Creates one agent connection per SSH session. */
    record Factory(Path socket) implements SshAgentFactory {

        @Override
        public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
            return List.of();
        }

        @Override
        public SshAgent createClient(Session session, FactoryManager manager) throws IOException {
            return new UnixSocketAgent(socket);
        }

        @Override
        public SshAgentServer createServer(ConnectionService service) {
            throw new UnsupportedOperationException("pgtestkit does not forward the agent");
        }
    }
}
