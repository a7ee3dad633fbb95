package org.registrehub.api.departemental.spi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Optional;

/** The outbound extracts of the changes for the departmental systems. */
public interface ExtraitStore {

    /** One change: the demand, its departmental number if imported, the operation and the demand's state now. */
    record ChangementExtrait(String numeroUnique, String ancienNumero, String operation, Instant horodatage, String canal,
                      String statut, String guichet, LocalDate dateDepot, LocalDate dateValidite,
                      String motifRadiation, LocalDate dateRadiation) {
    }

    /** Writes an extract of the changes it is given, and returns the file written. */
    @FunctionalInterface
    interface Ecriture {
        String ecrire(Instant depuis, Instant jusqua, Iterator<ChangementExtrait> changements);
    }

    /** What an extraction did. */
    record Extrait(Instant depuis, Instant jusqua, String fichier, long lignes) {
    }

    /**
     * One node at a time: hands the changes after the end of the previous extract up to {@code jusqua} (oldest
     * first, streamed) to {@code ecriture}, then records the extract; empty if another node is extracting or the
     * previous extract already reaches {@code jusqua}.
     */
    Optional<Extrait> extraire(Instant jusqua, Ecriture ecriture);

    /** The last extract produced. */
    Optional<Extrait> dernier();
}
