package org.registrehub.attribution.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.registrehub.api.Typologie;
import org.registrehub.api.attribution.Accessibilite;
import org.registrehub.api.attribution.Financement;
import org.registrehub.api.attribution.LogementOffert;
import org.registrehub.api.attribution.Reservataire;
import org.registrehub.api.attribution.StatutOffre;
import org.registrehub.api.attribution.TypeReservataire;

/** A row of {@code logement_offert} as the mapper reads it. */
public record LigneLogement(long id, String identifiantRpls, String bailleur, String adresse, String commune,
                            String territoire, String typologie, BigDecimal surface, int etage, boolean ascenseur,
                            String accessibilite, BigDecimal loyer, BigDecimal charges, String financement,
                            String typeReservataire, String reservataire, LocalDate dateDisponibilite, String statut,
                            long version, Instant creeLe) {

    LogementOffert logement() {
        return new LogementOffert(identifiantRpls, bailleur, adresse, commune, territoire, Typologie.valueOf(typologie),
                surface, etage, ascenseur, Accessibilite.valueOf(accessibilite), loyer, charges,
                Financement.valueOf(financement), new Reservataire(TypeReservataire.valueOf(typeReservataire),
                        reservataire), dateDisponibilite, StatutOffre.valueOf(statut), version, creeLe);
    }
}
