package dev.pgtestkit.sync.internal.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * A place dump directories live: the local disk or another machine over SFTP. Paths are relative to the store's
 * root and use {@code /}. The transfer is written once against this, so fetching and pushing are the same code.
 */
public interface DumpStore {

    /** The file's bytes, or {@code null} when it does not exist. */
    byte[] readAll(String path) throws IOException;

    /** The file's size, or -1 when it does not exist. */
    long size(String path) throws IOException;

    boolean isDirectory(String path) throws IOException;

    /** Every file under {@code dir}, recursively, relative to it; empty when {@code dir} does not exist. */
    List<String> listFiles(String dir) throws IOException;

    /** Reads from {@code offset} to the end. */
    InputStream openRead(String path, long offset) throws IOException;

    /** Writes at the end of the file, creating it (and its parent directories) when missing. */
    OutputStream openAppend(String path) throws IOException;

    /** Renames a file or directory; an existing target file is replaced, a target directory must not exist. */
    void rename(String from, String to) throws IOException;

    /** Deletes a file or a whole directory; nothing when it does not exist. */
    void delete(String path) throws IOException;

    /** Makes {@code to} hold the same bytes as {@code from} without transferring them, if the store can. */
    boolean copyWithin(String from, String to) throws IOException;

    /** The path as messages show it ({@code me@host:dumps/prod/data/x.tsv}). */
    String describe(String path);
}
