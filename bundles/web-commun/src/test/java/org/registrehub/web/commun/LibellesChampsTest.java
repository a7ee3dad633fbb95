package org.registrehub.web.commun;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;

import org.junit.Test;

/** The history's and the forms' paths in plain words, values as a French reader reads them. */
public class LibellesChampsTest {

    @Test
    public void lesCheminsDuRegistreDeviennentDesLibelles() {
        assertEquals("Demandeur — nom de naissance", LibellesChamps.libelle("dossier.demandeur.nom"));
        assertEquals("Demandeur — nom de naissance", LibellesChamps.libelle("demandeur.nom"));
        assertEquals("Personne à charge n° 2 — date de naissance",
                LibellesChamps.libelle("dossier.personnesACharge[1].dateNaissance"));
        assertEquals("Commune souhaitée n° 1", LibellesChamps.libelle("dossier.logementRecherche.communes[0]"));
        assertEquals("Communes souhaitées", LibellesChamps.libelle("logementRecherche.communes"));
        assertEquals("Valable jusqu'au", LibellesChamps.libelle("dateValidite"));
        assertEquals("un chemin inconnu reste tel quel", "dossier.inconnu", LibellesChamps.libelle("dossier.inconnu"));
    }

    @Test
    public void lesValeursSontEnFrancais() {
        assertEquals("T6 ou plus", LibellesChamps.valeur("dossier.logementRecherche.typologies[0]", "T6_PLUS"));
        assertEquals("Radiée", LibellesChamps.valeur("statut", "RADIEE"));
        assertEquals("1 février 1985", LibellesChamps.valeur("dossier.demandeur.dateNaissance", "1985-02-01"));
        assertEquals("1\u202f250,50 €", LibellesChamps.valeur("dossier.ressources[0].montantMensuel", "1250.5"));
        assertEquals("520 €", LibellesChamps.valeur("logementActuel.loyer", "520"));
        assertEquals("oui", LibellesChamps.valeur("dossier.handicap.fauteuilRoulant", "true"));
        assertEquals("(vide)", LibellesChamps.valeur("dossier.contact.email", null));
        assertEquals("un code inconnu reste tel quel", "XX", LibellesChamps.valeur("statut", "XX"));
        assertEquals("12\u202f345", Nombres.entier(12345));
        assertEquals("3 €", Nombres.euros(new BigDecimal("3.00")));
    }

    @Test
    public void lesChampsSeSuiventDansLOrdreDuFormulaire() {
        java.util.List<String> l = new java.util.ArrayList<>(java.util.List.of("personnesACharge[1].nom",
                "demandeur.prenoms", "personnesACharge[0].prenoms", "contact.email", "demandeur.nom",
                "personnesACharge[0].nom", "inconnu"));
        l.sort(LibellesChamps.ORDRE);
        assertEquals(java.util.List.of("demandeur.nom", "demandeur.prenoms", "contact.email",
                "personnesACharge[0].nom", "personnesACharge[0].prenoms", "personnesACharge[1].nom", "inconnu"), l);
    }
}
