package org.registrehub.api.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A batch of letters to print, written whole or not at all: its name is reserved by creating the file (two nodes in
 * the same second get two names, {@code nom-2.pdf}), the content written under a temporary name and moved onto it.
 *
 * @since 3.1.0
 */
public final class LotsDeCourriers {

    private LotsDeCourriers() {
    }

    /**
     * Writes {@code nom.pdf} (or {@code nom-2.pdf}, …) in the folder.
     *
     * @param cle the configuration key of the folder, named in the error when it cannot be written
     */
    public static Path ecrire(Path dossier, String nom, byte[] pdf, String cle) {
        try {
            Files.createDirectories(dossier);
            Path fichier = dossier.resolve(nom + ".pdf");
            for (int i = 2; !reserver(fichier); i++) {
                fichier = dossier.resolve(nom + "-" + i + ".pdf");
            }
            Path temporaire = Files.createTempFile(dossier, nom, ".tmp");
            Files.write(temporaire, pdf);
            return Files.move(temporaire, fichier, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("lot de courriers impossible à écrire dans " + dossier + " (" + cle
                    + ") : " + e.getMessage(), e);
        }
    }

    private static boolean reserver(Path fichier) throws IOException {
        try {
            Files.createFile(fichier);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    /**
     * Removes a batch that was written but not recorded (its notices stay to send).
     *
     * @return why it could not be removed, or null
     */
    public static String supprimer(Path fichier) {
        if (fichier != null) {
            try {
                Files.deleteIfExists(fichier);
            } catch (IOException e) {
                return e.getMessage();
            }
        }
        return null;
    }
}
