package org.registrehub.enregistrement.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.registrehub.api.Doublon;
import org.registrehub.api.registre.spi.DemandeStore.DoublonSitue;

/** A row of the duplicate search: the duplicate, its territory and its wished communes (comma-separated). */
public record LigneDoublon(String numeroUnique, String critere, String guichet, LocalDate dateDepot, String territoire,
                           String communes) {

    DoublonSitue situe() {
        List<String> liste = communes == null || communes.isEmpty() ? List.of() : Arrays.asList(communes.split(","));
        return new DoublonSitue(new Doublon(numeroUnique, critere, guichet, dateDepot), territoire, liste);
    }
}
