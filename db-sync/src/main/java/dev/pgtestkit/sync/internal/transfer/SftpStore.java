package dev.pgtestkit.sync.internal.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.Attributes;
import org.apache.sshd.sftp.client.SftpClient.DirEntry;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/** Dump directories on another machine, through an SFTP session (SFTP v3 operations only, as OpenSSH serves). */
public final class SftpStore implements DumpStore {

    private final SftpClient sftp;
    private final String root;
    private final String display;

    /**
     * @param root    the remote directory paths are relative to (relative to the remote home unless absolute)
     * @param display how messages name the remote side ({@code me@host})
     */
    public SftpStore(SftpClient sftp, String root, String display) {
        this.sftp = sftp;
        this.root = root.endsWith("/") && root.length() > 1 ? root.substring(0, root.length() - 1) : root;
        this.display = display;
    }

    private String at(String path) {
        return path.isEmpty() ? root : root.isEmpty() ? path : root + "/" + path;
    }

    private Attributes stat(String path) throws IOException {
        return statFull(at(path));
    }

    private Attributes statFull(String full) throws IOException {
        try {
            return sftp.stat(full);
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public byte[] readAll(String path) throws IOException {
        if (stat(path) == null) {
            return null;
        }
        try (InputStream in = sftp.read(at(path))) {
            return in.readAllBytes();
        }
    }

    @Override
    public long size(String path) throws IOException {
        Attributes attrs = stat(path);
        return attrs == null || !attrs.isRegularFile() ? -1 : attrs.getSize();
    }

    @Override
    public boolean isDirectory(String path) throws IOException {
        Attributes attrs = stat(path);
        return attrs != null && attrs.isDirectory();
    }

    @Override
    public List<String> listFiles(String dir) throws IOException {
        List<String> files = new ArrayList<>();
        if (isDirectory(dir)) {
            collect(dir, "", files);
        }
        files.sort(null);
        return files;
    }

    private void collect(String dir, String prefix, List<String> files) throws IOException {
        for (DirEntry entry : sftp.readDir(at(dir))) {
            String name = entry.getFilename();
            if (name.equals(".") || name.equals("..")) {
                continue;
            }
            if (entry.getAttributes().isDirectory()) {
                collect(dir + "/" + name, prefix + name + "/", files);
            } else if (entry.getAttributes().isRegularFile()) {
                files.add(prefix + name);
            }
        }
    }

    @Override
    public InputStream openRead(String path, long offset) throws IOException {
        FileChannel channel = sftp.openRemoteFileChannel(at(path), OpenMode.Read);
        channel.position(offset);
        return Channels.newInputStream(channel);
    }

    @Override
    public OutputStream openAppend(String path) throws IOException {
        mkdirs(parent(path));
        FileChannel channel = sftp.openRemoteFileChannel(at(path), OpenMode.Write, OpenMode.Create);
        channel.position(Math.max(0, size(path)));
        return Channels.newOutputStream(channel);
    }

    private void mkdirs(String dir) throws IOException {
        ensureDirectory(at(dir));
    }

    /** Creates {@code full} and its missing parents (the root too: a first push creates the dump root). */
    private void ensureDirectory(String full) throws IOException {
        if (full.isEmpty() || full.equals("/") || full.equals(".")) {
            return;
        }
        Attributes attrs = statFull(full);
        if (attrs != null) {
            if (!attrs.isDirectory()) {
                throw new IOException(display + ":" + full + " exists and is not a directory");
            }
            return;
        }
        int slash = full.lastIndexOf('/');
        if (slash > 0) {
            ensureDirectory(full.substring(0, slash));
        }
        sftp.mkdir(full);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    @Override
    public void rename(String from, String to) throws IOException {
        mkdirs(parent(to));
        if (size(to) >= 0) {
            sftp.remove(at(to));
        }
        sftp.rename(at(from), at(to));
    }

    @Override
    public void delete(String path) throws IOException {
        Attributes attrs = stat(path);
        if (attrs == null) {
            return;
        }
        if (attrs.isDirectory()) {
            for (DirEntry entry : sftp.readDir(at(path))) {
                if (!entry.getFilename().equals(".") && !entry.getFilename().equals("..")) {
                    delete(path + "/" + entry.getFilename());
                }
            }
            sftp.rmdir(at(path));
        } else {
            sftp.remove(at(path));
        }
    }

    @Override
    public boolean copyWithin(String from, String to) throws IOException {
        try {
            mkdirs(parent(to));
            if (size(to) >= 0) {
                sftp.remove(at(to));
            }
            sftp.link(at(to), at(from), false);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            // No hard links on this server (SFTP v3 has them only as an OpenSSH extension): transfer instead.
            return false;
        }
    }

    @Override
    public String describe(String path) {
        return display + ":" + at(path);
    }
}
