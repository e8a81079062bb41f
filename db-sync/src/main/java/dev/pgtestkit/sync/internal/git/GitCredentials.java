package dev.pgtestkit.sync.internal.git;

import dev.pgtestkit.sync.internal.config.Credentials;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * The user's credentials for git remotes: SSH through JGit's MINA SSHD transport (the same {@code ~/.ssh}: config,
 * keys, agent, known_hosts), HTTPS with the token of {@code PGTESTKIT_GIT_TOKEN} (user {@code PGTESTKIT_GIT_USER},
 * default {@code git}). The token is handed to JGit only.
 */
final class GitCredentials implements AutoCloseable {

    private final SshdSessionFactory ssh;
    private final UsernamePasswordCredentialsProvider https;

    GitCredentials(Path home, Map<String, String> env) {
        File homeDir = home.toFile();
        this.ssh = new SshdSessionFactoryBuilder().setHomeDirectory(homeDir)
                .setSshDirectory(home.resolve(".ssh").toFile()).build(new JGitKeyCache());
        String token = env.get(Credentials.GIT_TOKEN_VARIABLE);
        String user = env.getOrDefault(Credentials.GIT_USER_VARIABLE, "git");
        this.https = token == null || token.isEmpty() ? null : new UsernamePasswordCredentialsProvider(user, token);
    }

    /** Sets both on a fetch or push. */
    <C extends TransportCommand<C, ?>> C apply(C command) {
        command.setTransportConfigCallback(transport -> {
            if (transport instanceof SshTransport sshTransport) {
                sshTransport.setSshSessionFactory(ssh);
            }
        });
        if (https != null) {
            command.setCredentialsProvider(https);
        }
        return command;
    }

    @Override
    public void close() {
        ssh.close();
    }
}
