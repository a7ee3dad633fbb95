package org.registrehub.departemental.internal;

import java.io.Closeable;
import java.util.Iterator;
import java.util.Map;

import org.registrehub.api.LigneRejetee;

/**
 * Reads an extract line by line (a CSV record, an XML {@code <demande>} element), streaming: memory stays the same
 * whatever the size of the extract. A line that cannot be converted is a rejected line; an extract that cannot be
 * read any further (broken quoting, malformed XML) stops with {@link ExtraitIllisible}.
 */
abstract class LecteurExtrait implements Iterator<LigneLue>, Closeable {

    /** The extract cannot be read from this line on. */
    static final class ExtraitIllisible extends RuntimeException {
        ExtraitIllisible(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The line's columns to a demand, or its rejection naming the column and the rule. */
    static LigneLue convertir(long ligne, Map<String, String> valeurs) {
        try {
            return new LigneLue(ConversionLigne.convertir(ligne, valeurs), null);
        } catch (ConversionLigne.ValeurIllisible e) {
            String ancien = valeurs.get("ancien_numero");
            return new LigneLue(null, new LigneRejetee(ligne, ancien == null || ancien.isBlank() ? null
                    : ancien.strip(), e.colonne, e.getMessage()));
        }
    }
}
