package org.registrehub.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.registrehub.api.Beneficiaire;
import org.registrehub.api.CoDemandeur;
import org.registrehub.api.Contact;
import org.registrehub.api.Dossier;
import org.registrehub.api.Handicap;
import org.registrehub.api.LienCoDemandeur;
import org.registrehub.api.LienParente;
import org.registrehub.api.LogementActuel;
import org.registrehub.api.LogementRecherche;
import org.registrehub.api.Motif;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.Personne;
import org.registrehub.api.PersonneACharge;
import org.registrehub.api.Ressource;
import org.registrehub.api.RevenuFiscal;
import org.registrehub.api.Sexe;
import org.registrehub.api.SituationFamiliale;
import org.registrehub.api.SituationProfessionnelle;
import org.registrehub.api.StatutLogement;
import org.registrehub.api.TypeRessource;
import org.registrehub.api.Typologie;

/** Valid example dossiers: a couple with one child in Nantes (44109), a mutation (HLM tenant). */
public final class Exemples {

    /** A NIR whose key is right: woman born in April 1990 in Loire-Atlantique. */
    public static final String NIR_DEMANDEUSE = "2900444109123" + cle("2900444109123");

    private Exemples() {
    }

    public static Personne demandeuse(String nom) {
        return new Personne(nom, "Léa Marie", LocalDate.of(1990, 4, 12), "Nantes", Sexe.F, "française",
                NIR_DEMANDEUSE, SituationProfessionnelle.CDI, "CHU de Nantes");
    }

    public static Dossier dossier(String nom) {
        return new Dossier(demandeuse(nom),
                new CoDemandeur(new Personne("Martin", "Paul", LocalDate.of(1988, 11, 3), "Rennes", Sexe.M, "française",
                        null, SituationProfessionnelle.INTERIM, null), LienCoDemandeur.CONJOINT),
                List.of(new PersonneACharge(nom, "Jules", LocalDate.of(2019, 6, 1), Sexe.M, LienParente.ENFANT)),
                new Contact("12 rue des Olivettes", "44000", "Nantes", "0612345678", "lea.martin@example.org"),
                SituationFamiliale.MARIE,
                List.of(new Ressource(Beneficiaire.DEMANDEUR, null, TypeRessource.SAL, new BigDecimal("1850.00")),
                        new Ressource(Beneficiaire.CO_DEMANDEUR, null, TypeRessource.SAL, new BigDecimal("1320.50")),
                        new Ressource(Beneficiaire.PERSONNE_A_CHARGE, 1, TypeRessource.AF, new BigDecimal("0"))),
                new RevenuFiscal(31200, 33800),
                new LogementActuel(StatutLogement.LOCATAIRE_HLM, new BigDecimal("520.00"), 48, Typologie.T2, 3),
                List.of(Motif.LOGEMENT_TROP_PETIT, Motif.RAPPROCHEMENT_TRAVAIL),
                new LogementRecherche(List.of(Typologie.T3, Typologie.T4), List.of("44109", "44162"),
                        new BigDecimal("700"), false, false, true),
                new Handicap(false, false, false, null));
    }

    public static NouvelleDemande nouvelleDemande(String nom) {
        return new NouvelleDemande("G1104", dossier(nom));
    }

    /** The NIR key: 97 minus the first 13 digits modulo 97 (2A counts as 19, 2B as 18). */
    public static String cle(String treizeCaracteres) {
        String n = treizeCaracteres.replace("2A", "19").replace("2B", "18");
        return String.format("%02d", 97 - Long.parseLong(n) % 97);
    }
}
