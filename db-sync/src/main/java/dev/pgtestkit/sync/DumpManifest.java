package dev.pgtestkit.sync;

import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.sync.internal.ManifestJson;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a dump directory holds: {@code manifest.json} (see {@link DumpLayout}), read with {@link #read(Path)}.
 * Immutable. Every file of the dump is listed with its byte count and SHA-256, so a dump can be verified (and
 * transferred file by file) without trusting the directory.
 *
 * @param formatVersion        the dump format's version; this pgtestkit reads up to {@link #FORMAT_VERSION}
 * @param pgtestkitVersion     the pgtestkit version that wrote the dump
 * @param serverVersion        the source server's {@code server_version}
 * @param sourceDatabase       the source database's name (never its host, user or password)
 * @param systemIdentifierHash SHA-256 (hex) of the source cluster's system identifier: tells two clusters apart
 *                             without naming either
 * @param snapshotTime         when the dump's snapshot was taken (server clock, UTC)
 * @param schemaWriter         what wrote the schema scripts: {@code built-in} or {@code pg_dump}
 * @param schemaHash           SHA-256 (hex) of {@code pre-data.sql} followed by {@code post-data.sql}
 * @param maskingPolicyHash    SHA-256 (hex) of the masking policy applied, or {@code null} when none was
 * @param contentHash          SHA-256 (hex) of everything the dump holds (schema, tables, data checksums, masking
 *                             policy) but not when it was taken: two dumps of the same data share it, so it keys a
 *                             test template built from the dump
 * @param schemaFiles          the schema scripts, paths relative to the dump directory
 * @param tables               the tables, in the order a restore loads them (parents before children)
 * @param sourceLocale         the source database's encoding and locale (a restore creates its database alike), or
 *                             {@code null} in manifests written before it was recorded
 */
public record DumpManifest(int formatVersion, String pgtestkitVersion, String serverVersion, String sourceDatabase,
                           String systemIdentifierHash, Instant snapshotTime, String schemaWriter, String schemaHash,
                           String maskingPolicyHash, String contentHash, List<FileEntry> schemaFiles,
                           List<TableEntry> tables, DatabaseLocale sourceLocale) {

    /** The newest format this version of pgtestkit reads and writes. */
    public static final int FORMAT_VERSION = 1;

    public DumpManifest {
        Objects.requireNonNull(snapshotTime, "snapshotTime");
        schemaFiles = List.copyOf(schemaFiles);
        tables = List.copyOf(tables);
    }

    /** A manifest without the source's locale (a restore then creates its database with the server's defaults). */
    public DumpManifest(int formatVersion, String pgtestkitVersion, String serverVersion, String sourceDatabase,
                        String systemIdentifierHash, Instant snapshotTime, String schemaWriter, String schemaHash,
                        String maskingPolicyHash, String contentHash, List<FileEntry> schemaFiles,
                        List<TableEntry> tables) {
        this(formatVersion, pgtestkitVersion, serverVersion, sourceDatabase, systemIdentifierHash, snapshotTime,
                schemaWriter, schemaHash, maskingPolicyHash, contentHash, schemaFiles, tables, null);
    }

    /**
     * Reads {@code manifest.json} of a dump directory.
     *
     * @throws ManifestException when it is missing, not valid JSON, lacks a field, or has a newer format version
     */
    public static DumpManifest read(Path dumpDirectory) {
        return ManifestJson.read(dumpDirectory.resolve(DumpLayout.MANIFEST));
    }

    /** Parses manifest JSON (e.g. fetched from another machine); {@code origin} names it in error messages. */
    public static DumpManifest parse(byte[] json, String origin) {
        return ManifestJson.parse(json, origin);
    }

    /** This manifest as the JSON {@code manifest.json} holds (UTF-8, deterministic key order, ends in a newline). */
    public byte[] toJson() {
        return ManifestJson.write(this);
    }

    /** The entry of {@code table}, if the dump has it. */
    public Optional<TableEntry> table(QualifiedName table) {
        return tables.stream().filter(t -> t.table().equals(table)).findFirst();
    }

    /** Every file of the dump except {@code manifest.json}: the schema scripts, then the data files. */
    public List<FileEntry> files() {
        List<FileEntry> all = new ArrayList<>(schemaFiles);
        tables.forEach(t -> all.addAll(t.files()));
        return all;
    }

    /** Rows in all tables. */
    public long totalRows() {
        return tables.stream().mapToLong(TableEntry::rows).sum();
    }

    /** Bytes of all data files. */
    public long totalBytes() {
        return tables.stream().mapToLong(TableEntry::bytes).sum();
    }

    /**
     * One table of a dump.
     *
     * @param table       its qualified name
     * @param columns     the columns in the data files, in order (generated columns are left out: the restore
     *                    computes them)
     * @param orderBy     the columns the rows are sorted by (the primary key, or a unique key of NOT NULL columns);
     *                    empty when the table has neither and rows are sorted by their whole text
     * @param where       the row filter the dump applied, or {@code null}
     * @param rows        rows dumped
     * @param bytes       bytes of all its data files
     * @param sha256      SHA-256 (hex) of its data files' bytes, concatenated in order
     * @param rowsLeftOut rows a subset dump left out because the rows they reference were left out (so the dump
     *                    restores without a foreign key violation); 0 for a full dump
     * @param files       its data files (one, or numbered chunks past the chunk size)
     */
    public record TableEntry(QualifiedName table, List<String> columns, List<String> orderBy, String where,
                             long rows, long bytes, String sha256, long rowsLeftOut, List<FileEntry> files) {

        public TableEntry {
            Objects.requireNonNull(table, "table");
            columns = List.copyOf(columns);
            orderBy = List.copyOf(orderBy);
            files = List.copyOf(files);
        }
    }

    /**
     * One file of a dump.
     *
     * @param path   relative to the dump directory, with {@code /} separators ({@code data/public.users.tsv})
     * @param rows   rows (lines) in it; 0 for schema scripts
     * @param bytes  its size
     * @param sha256 SHA-256 (hex, lower case) of its bytes
     */
    public record FileEntry(String path, long rows, long bytes, String sha256) {

        public FileEntry {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
        }
    }
}
