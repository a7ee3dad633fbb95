package org.registrehub.api.statistiques;

import java.time.LocalDate;
import java.util.List;

/** The pressure of the demand by commune over a period, the communes in the caller's reach, most pressed first. */
public record TableauPression(LocalDate debut, LocalDate fin, List<LignePression> lignes, Secret secret) {

    public TableauPression {
        lignes = List.copyOf(lignes);
        secret = secret == null ? Secret.AUCUN : secret;
    }

    public LignePression total() {
        return new LignePression("TOTAL", lignes.stream().mapToLong(LignePression::enAttente).sum(),
                lignes.stream().mapToLong(LignePression::attributions).sum());
    }
}
