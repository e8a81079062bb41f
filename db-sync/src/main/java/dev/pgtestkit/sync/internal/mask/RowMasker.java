package dev.pgtestkit.sync.internal.mask;

import dev.pgtestkit.mock.Masker;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Masks the fields of one table's COPY text rows; fields without a mask are copied byte for byte. */
public final class RowMasker {

    private final ValueMask[] masks;
    private final Masker masker;

    RowMasker(ValueMask[] masks, Masker masker) {
        this.masks = masks.clone();
        this.masker = masker;
    }

    /** Whether this masker changes the column at {@code index} of the data files (the key order may then break). */
    public boolean masks(int index) {
        return index < masks.length && masks[index] != null;
    }

    /** The masked row; {@code row} is one COPY text line, with or without its final newline. */
    public byte[] apply(byte[] row) {
        int end = row.length > 0 && row[row.length - 1] == '\n' ? row.length - 1 : row.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(row.length + 32);
        int start = 0;
        for (int field = 0; start <= end; field++) {
            int tab = start;
            while (tab < end && row[tab] != '\t') {
                tab++;
            }
            if (field > 0) {
                out.write('\t');
            }
            ValueMask mask = field < masks.length ? masks[field] : null;
            if (mask == null) {
                out.write(row, start, tab - start);
            } else {
                String value = CopyText.unescape(new String(row, start, tab - start, StandardCharsets.UTF_8));
                out.writeBytes(CopyText.escape(mask.apply(masker, value)).getBytes(StandardCharsets.UTF_8));
            }
            start = tab + 1;
        }
        if (end < row.length) {
            out.write('\n');
        }
        return out.toByteArray();
    }
}
