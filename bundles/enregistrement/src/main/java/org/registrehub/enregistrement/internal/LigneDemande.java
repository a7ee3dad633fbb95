package org.registrehub.enregistrement.internal;

import java.time.LocalDate;

import org.registrehub.api.Demande;

/** The columns of one {@code demande} row, as the mapper writes them. */
public record LigneDemande(String numeroUnique, String statut, String guichet, String territoire, LocalDate dateDepot,
                           LocalDate dateValidite, LocalDate dateDernierRenouvellement, long version,
                           long versionAttendue, String nom, String prenoms, LocalDate dateNaissance, String commune,
                           String typologie, String nir, String dossier, String motifRadiation,
                           LocalDate dateRadiation, String radiation, String canal, String[] communes,
                           String[] typologies) {

    static LigneDemande de(Demande d, long versionAttendue, String dossierJson, String radiationJson, String canal) {
        var demandeur = d.dossier().demandeur();
        var recherche = d.dossier().logementRecherche();
        return new LigneDemande(d.numeroUnique(), d.statut().name(), d.guichet(), d.territoire(), d.dateDepot(),
                d.dateValidite(), d.dateDernierRenouvellement(), d.version(), versionAttendue, demandeur.nom(),
                demandeur.prenoms(), demandeur.dateNaissance(), recherche.communes().get(0),
                recherche.typologies().get(0).name(), demandeur.nir(), dossierJson,
                d.radiation() == null ? null : d.radiation().motif().name(),
                d.radiation() == null ? null : d.radiation().date(), radiationJson, canal,
                recherche.communes().toArray(String[]::new),
                recherche.typologies().stream().map(Enum::name).toArray(String[]::new));
    }
}
