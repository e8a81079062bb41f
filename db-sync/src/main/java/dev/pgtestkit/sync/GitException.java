package dev.pgtestkit.sync;

/**
 * A git operation on the dumps was refused or failed: the repository is missing, the work tree has other changes,
 * HEAD is detached, the branch has diverged from the remote, a push was rejected, a commit has no such dump. The
 * message explains the repository's state and the command that resolves it; nothing was committed or changed.
 */
public class GitException extends SyncException {

    private static final long serialVersionUID = 1L;

    public GitException(String message) {
        super(message);
    }

    public GitException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int errorCode() {
        return 21;
    }
}
