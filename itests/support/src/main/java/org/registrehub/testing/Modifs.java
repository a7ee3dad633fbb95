package org.registrehub.testing;

import java.time.LocalDate;
import java.util.List;

import org.registrehub.api.CoDemandeur;
import org.registrehub.api.Contact;
import org.registrehub.api.Dossier;
import org.registrehub.api.Handicap;
import org.registrehub.api.LogementActuel;
import org.registrehub.api.LogementRecherche;
import org.registrehub.api.Motif;
import org.registrehub.api.Personne;
import org.registrehub.api.PersonneACharge;
import org.registrehub.api.Ressource;
import org.registrehub.api.RevenuFiscal;
import org.registrehub.api.Sexe;
import org.registrehub.api.SituationFamiliale;
import org.registrehub.api.SituationProfessionnelle;

/** Copies of the immutable records with one part changed, for tests that break one rule at a time. */
public final class Modifs {

    private Modifs() {
    }

    public static DossierModifie dossier(Dossier d) {
        return new DossierModifie(d);
    }

    public static PersonneModifiee personne(Personne p) {
        return new PersonneModifiee(p);
    }

    /** A dossier being changed. */
    public static final class DossierModifie {
        private Personne demandeur;
        private CoDemandeur coDemandeur;
        private List<PersonneACharge> personnesACharge;
        private Contact contact;
        private SituationFamiliale situationFamiliale;
        private List<Ressource> ressources;
        private RevenuFiscal revenuFiscal;
        private LogementActuel logementActuel;
        private List<Motif> motifs;
        private LogementRecherche logementRecherche;
        private Handicap handicap;

        DossierModifie(Dossier d) {
            demandeur = d.demandeur();
            coDemandeur = d.coDemandeur();
            personnesACharge = d.personnesACharge();
            contact = d.contact();
            situationFamiliale = d.situationFamiliale();
            ressources = d.ressources();
            revenuFiscal = d.revenuFiscal();
            logementActuel = d.logementActuel();
            motifs = d.motifs();
            logementRecherche = d.logementRecherche();
            handicap = d.handicap();
        }

        public DossierModifie demandeur(Personne v) {
            demandeur = v;
            return this;
        }

        public DossierModifie coDemandeur(CoDemandeur v) {
            coDemandeur = v;
            return this;
        }

        public DossierModifie personnesACharge(List<PersonneACharge> v) {
            personnesACharge = v;
            return this;
        }

        public DossierModifie contact(Contact v) {
            contact = v;
            return this;
        }

        public DossierModifie situationFamiliale(SituationFamiliale v) {
            situationFamiliale = v;
            return this;
        }

        public DossierModifie ressources(List<Ressource> v) {
            ressources = v;
            return this;
        }

        public DossierModifie revenuFiscal(RevenuFiscal v) {
            revenuFiscal = v;
            return this;
        }

        public DossierModifie logementActuel(LogementActuel v) {
            logementActuel = v;
            return this;
        }

        public DossierModifie motifs(List<Motif> v) {
            motifs = v;
            return this;
        }

        public DossierModifie logementRecherche(LogementRecherche v) {
            logementRecherche = v;
            return this;
        }

        public DossierModifie handicap(Handicap v) {
            handicap = v;
            return this;
        }

        public Dossier build() {
            return new Dossier(demandeur, coDemandeur, personnesACharge, contact, situationFamiliale, ressources,
                    revenuFiscal, logementActuel, motifs, logementRecherche, handicap);
        }
    }

    /** A person being changed. */
    public static final class PersonneModifiee {
        private String nom;
        private String prenoms;
        private LocalDate dateNaissance;
        private String lieuNaissance;
        private Sexe sexe;
        private String nationalite;
        private String nir;
        private SituationProfessionnelle situationProfessionnelle;
        private String employeur;

        PersonneModifiee(Personne p) {
            nom = p.nom();
            prenoms = p.prenoms();
            dateNaissance = p.dateNaissance();
            lieuNaissance = p.lieuNaissance();
            sexe = p.sexe();
            nationalite = p.nationalite();
            nir = p.nir();
            situationProfessionnelle = p.situationProfessionnelle();
            employeur = p.employeur();
        }

        public PersonneModifiee nom(String v) {
            nom = v;
            return this;
        }

        public PersonneModifiee prenoms(String v) {
            prenoms = v;
            return this;
        }

        public PersonneModifiee dateNaissance(LocalDate v) {
            dateNaissance = v;
            return this;
        }

        public PersonneModifiee sexe(Sexe v) {
            sexe = v;
            return this;
        }

        public PersonneModifiee nationalite(String v) {
            nationalite = v;
            return this;
        }

        public PersonneModifiee nir(String v) {
            nir = v;
            return this;
        }

        public PersonneModifiee situationProfessionnelle(SituationProfessionnelle v) {
            situationProfessionnelle = v;
            return this;
        }

        public Personne build() {
            return new Personne(nom, prenoms, dateNaissance, lieuNaissance, sexe, nationalite, nir,
                    situationProfessionnelle, employeur);
        }
    }
}
