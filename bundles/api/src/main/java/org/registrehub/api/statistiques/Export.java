package org.registrehub.api.statistiques;

import java.io.IOException;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A statistical export ready to be written: its table computed, its rights and parameters checked, its statistical
 * secret applied (every error was raised by {@link RapportStatistiques#preparer}, before a byte is written). The file
 * itself is written straight to the stream it is given, as it is encoded: it is never held whole in memory, so a
 * national table by commune costs the hub its figures, not its file.
 */
@ProviderType
public interface Export {

    /** The table's name ({@code flux}, {@code repartition}, {@code rapport}…). */
    String tableau();

    FormatExport format();

    /**
     * Writes the file to {@code sortie} (left open: the caller closes it), and logs its size; again, the same file.
     *
     * @throws IOException when the stream fails (a client that went away)
     */
    void ecrire(OutputStream sortie) throws IOException;
}
