package dev.pgtestkit.sync.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;

/**
 * What a git host runs for {@code git push}/{@code git fetch} over SSH: {@code git-receive-pack '<repo>'} and
 * {@code git-upload-pack '<repo>'}, served by JGit on the SSH channel's streams, repositories below {@code root}.
 */
final class GitPackCommand implements Command {

    private final Path root;
    private final String command;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    private GitPackCommand(Path root, String command) {
        this.root = root;
        this.command = command;
    }

    static CommandFactory factory(Path root) {
        return (channel, command) -> new GitPackCommand(root, command);
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        Thread worker = new Thread(this::run, "git-pack " + command);
        worker.setDaemon(true);
        worker.start();
    }

    private void run() {
        List<String> args = CommandFactory.split(command);
        int status = 0;
        String message = "";
        try (Repository repo = new FileRepositoryBuilder().setGitDir(root.resolve(args.get(1).replaceFirst("^/", ""))
                .toFile()).setMustExist(true).build()) {
            switch (args.get(0)) {
                case "git-upload-pack" -> new UploadPack(repo).upload(in, out, err);
                case "git-receive-pack" -> new ReceivePack(repo).receive(in, out, err);
                default -> throw new IOException("unsupported command " + args.get(0));
            }
        } catch (IOException | RuntimeException e) {
            status = 1;
            message = String.valueOf(e.getMessage());
        } finally {
            exit.onExit(status, message);
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }
}
