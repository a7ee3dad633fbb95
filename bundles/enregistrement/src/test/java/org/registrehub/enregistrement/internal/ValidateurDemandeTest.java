package org.registrehub.enregistrement.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;
import org.registrehub.api.Beneficiaire;
import org.registrehub.api.CoDemandeur;
import org.registrehub.api.Contact;
import org.registrehub.api.Dossier;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.LienParente;
import org.registrehub.api.LogementActuel;
import org.registrehub.api.LogementRecherche;
import org.registrehub.api.Motif;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.Personne;
import org.registrehub.api.PersonneACharge;
import org.registrehub.api.Ressource;
import org.registrehub.api.Sexe;
import org.registrehub.api.StatutLogement;
import org.registrehub.api.TypeRessource;
import org.registrehub.api.Typologie;
import org.registrehub.testing.DossierBuilder;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.PersonneBuilder;

/** One test per family of CERFA rules; each breaks the rule on an otherwise valid dossier. */
public class ValidateurDemandeTest {

    private static final LocalDate AUJOURDHUI = LocalDate.of(2024, 3, 31);
    private final Dossier valide = Exemples.dossier("Martin");

    private static String regles(Dossier d) {
        return Regles.de(ValidateurDemande.valider(new NouvelleDemande("G1104", d), AUJOURDHUI));
    }

    private PersonneBuilder demandeur() {
        return PersonneBuilder.builder(valide.demandeur());
    }

    @Test
    public void theExampleDossierIsValid() {
        assertEquals("", regles(valide));
    }

    @Test
    public void applicantIdentityIsRequired() {
        Personne vide = new Personne(null, " ", null, null, null, null, null, null, null);
        assertEquals("dossier.demandeur.nom:obligatoire dossier.demandeur.prenoms:obligatoire "
                + "dossier.demandeur.dateNaissance:obligatoire dossier.demandeur.sexe:obligatoire "
                + "dossier.demandeur.nationalite:obligatoire dossier.demandeur.situationProfessionnelle:obligatoire",
                regles(DossierBuilder.builder(valide).demandeur(vide).build()));
    }

    @Test
    public void birthDateRules() {
        assertEquals("dossier.demandeur.dateNaissance:age-minimum",
                regles(DossierBuilder.builder(valide).demandeur(demandeur().dateNaissance(LocalDate.of(2008, 4, 1)).nir(null)
                        .build()).build()));
        assertEquals("", regles(DossierBuilder.builder(valide).demandeur(demandeur().dateNaissance(LocalDate.of(2008, 3, 31))
                .nir(null).build()).build()));
        assertEquals("dossier.demandeur.dateNaissance:date-future", regles(DossierBuilder.builder(valide)
                .demandeur(demandeur().dateNaissance(LocalDate.of(2030, 1, 1)).nir(null).build()).build()));
        assertEquals("dossier.personnesACharge[0].dateNaissance:date-plausible", regles(DossierBuilder.builder(valide)
                .personnesACharge(List.of(new PersonneACharge("Martin", "Jules", LocalDate.of(1899, 1, 1), Sexe.M,
                        LienParente.ENFANT))).build()));
    }

    @Test
    public void namesAcceptFrenchSpellingsOnly() {
        for (String ok : new String[] {"Étienne", "D'Alembert", "Jean-Émile", "Ñúñez", "Œuvray"}) {
            assertEquals(ok, "", regles(DossierBuilder.builder(valide).demandeur(demandeur().nom(ok).build()).build()));
        }
        assertEquals("dossier.demandeur.nom:caracteres",
                regles(DossierBuilder.builder(valide).demandeur(demandeur().nom("<script>").build()).build()));
        assertEquals("dossier.demandeur.prenoms:longueur",
                regles(DossierBuilder.builder(valide).demandeur(demandeur().prenoms("A".repeat(101)).build()).build()));
    }

    @Test
    public void nirFormatKeyAndConsistency() {
        String nir = Exemples.NIR_DEMANDEUSE;
        String mauvaiseCle = nir.substring(0, 13) + (nir.endsWith("00") ? "01" : "00");
        assertEquals("dossier.demandeur.nir:cle",
                regles(DossierBuilder.builder(valide).demandeur(demandeur().nir(mauvaiseCle).build()).build()));
        assertEquals("dossier.demandeur.nir:format",
                regles(DossierBuilder.builder(valide).demandeur(demandeur().nir("12345").build()).build()));
        assertEquals("dossier.demandeur.nir:coherence",
                regles(DossierBuilder.builder(valide).demandeur(demandeur().sexe(Sexe.M).build()).build()));
        assertEquals("dossier.demandeur.nir:coherence", regles(DossierBuilder.builder(valide)
                .demandeur(demandeur().dateNaissance(LocalDate.of(1991, 4, 12)).build()).build()));
        String corse = "1850420004012";
        assertEquals("", regles(DossierBuilder.builder(valide).demandeur(demandeur().sexe(Sexe.M)
                .dateNaissance(LocalDate.of(1985, 4, 2)).nir(corse.substring(0, 5) + "2A" + corse.substring(7)
                        + Exemples.cle(corse.substring(0, 5) + "2A" + corse.substring(7))).build()).build()));
        Personne co = PersonneBuilder.builder(valide.coDemandeur().personne()).nir(nir).sexe(Sexe.F)
                .dateNaissance(LocalDate.of(1990, 4, 12)).build();
        assertEquals("dossier.coDemandeur.personne.nir:unicite", regles(DossierBuilder.builder(valide)
                .coDemandeur(new CoDemandeur(co, valide.coDemandeur().lien())).build()));
    }

    @Test
    public void householdRules() {
        assertEquals("dossier.coDemandeur.lien:obligatoire", regles(DossierBuilder.builder(valide)
                .coDemandeur(new CoDemandeur(valide.coDemandeur().personne(), null)).build()));
        assertEquals("dossier.personnesACharge[0].nom:obligatoire dossier.personnesACharge[0].lien:obligatoire",
                regles(DossierBuilder.builder(valide).personnesACharge(List.of(
                        new PersonneACharge(null, "Jules", LocalDate.of(2019, 6, 1), Sexe.M, null))).build()));
        assertEquals("dossier.situationFamiliale:obligatoire",
                regles(DossierBuilder.builder(valide).situationFamiliale(null).build()));
    }

    @Test
    public void contactRules() {
        assertEquals("dossier.contact.codePostal:format dossier.contact.email:format dossier.contact.telephone:format",
                regles(DossierBuilder.builder(valide).contact(new Contact("1 rue X", "4400", "Nantes", "12345",
                        "pas-une-adresse")).build()));
        assertEquals("dossier.contact:obligatoire", regles(DossierBuilder.builder(valide).contact(null).build()));
        assertEquals("", regles(DossierBuilder.builder(valide).contact(new Contact("1 rue X", "44000", "Nantes",
                "+33 6 12 34 56 78", null)).build()));
    }

    @Test
    public void resourcesBelongToSomeoneOfTheHousehold() {
        Dossier seul = DossierBuilder.builder(valide).coDemandeur(null).personnesACharge(List.of()).ressources(List.of(
                new Ressource(Beneficiaire.CO_DEMANDEUR, null, TypeRessource.SAL, new BigDecimal("100")),
                new Ressource(Beneficiaire.PERSONNE_A_CHARGE, 1, TypeRessource.AF, new BigDecimal("100")),
                new Ressource(Beneficiaire.DEMANDEUR, 2, TypeRessource.RSA, new BigDecimal("-1")),
                new Ressource(Beneficiaire.DEMANDEUR, null, null, new BigDecimal("10.001")))).build();
        assertEquals("dossier.ressources[0].beneficiaire:coherence dossier.ressources[1].rang:coherence "
                + "dossier.ressources[2].rang:coherence dossier.ressources[2].montantMensuel:bornes "
                + "dossier.ressources[3].type:obligatoire dossier.ressources[3].montantMensuel:format", regles(seul));
    }

    @Test
    public void housingAndReasonsRules() {
        assertEquals("dossier.logementActuel.statut:obligatoire dossier.logementActuel.surface:bornes",
                regles(DossierBuilder.builder(valide).logementActuel(new LogementActuel(null, null, 0, null, 2)).build()));
        assertEquals("dossier.motifs:obligatoire", regles(DossierBuilder.builder(valide).motifs(List.of()).build()));
        assertEquals("dossier.motifs:taille", regles(DossierBuilder.builder(valide).motifs(List.of(Motif.HANDICAP,
                Motif.DEMOLITION, Motif.RETRAITE, Motif.AUTRE)).build()));
        assertEquals("dossier.motifs[1]:doublon", regles(DossierBuilder.builder(valide)
                .motifs(List.of(Motif.HANDICAP, Motif.HANDICAP)).build()));
        assertEquals("dossier.logementRecherche.typologies:obligatoire dossier.logementRecherche.communes[1]:format "
                + "dossier.logementRecherche.communes[2]:doublon", regles(DossierBuilder.builder(valide).logementRecherche(
                        new LogementRecherche(List.of(), Arrays.asList("44109", "4410", "44109"), null, false, false,
                                false)).build()));
        assertEquals("dossier.logementRecherche.communes:obligatoire", regles(DossierBuilder.builder(valide)
                .logementRecherche(new LogementRecherche(List.of(Typologie.T2), List.of(), null, false, false, false))
                .build()));
        assertEquals(StatutLogement.LOCATAIRE_HLM, valide.logementActuel().statut());
        assertTrue("an HLM tenant's demand is a mutation", valide.mutation());
        assertEquals("applicant, co-applicant and one child", 3, valide.tailleMenage());
    }

    @Test
    public void everyErrorCarriesAFrenchMessage() {
        List<ErreurChamp> erreurs = ValidateurDemande.valider(new NouvelleDemande("G1104",
                DossierBuilder.builder(valide).motifs(List.of()).contact(null).build()), AUJOURDHUI);
        assertEquals(2, erreurs.size());
        erreurs.forEach(e -> assertTrue(e.toString(), e.message() != null && !e.message().isBlank()));
    }
}
