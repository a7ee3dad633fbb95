package org.registrehub.itests.registre;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.registrehub.api.Canal;
import org.registrehub.api.CriteresRecherche;
import org.registrehub.api.Demande;
import org.registrehub.api.Dossier;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.EvenementDemande;
import org.registrehub.api.LogementRecherche;
import org.registrehub.api.Operation;
import org.registrehub.api.PageDemandes;
import org.registrehub.api.ResumeDemande;
import org.registrehub.api.Statut;
import org.registrehub.api.Tri;
import org.registrehub.api.Typologie;
import org.registrehub.api.registre.spi.DemandeStore;
import org.registrehub.testing.DossierBuilder;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.PersonneBuilder;
import org.registrehub.testing.TestDatabase;
import org.registrehub.testing.registre.RegistreDeTest;

/** Search in the register's store on a real PostgreSQL: each criterion, their combination, order and pages. */
public class RechercheTest {

    private static final List<String> INSERES = new java.util.ArrayList<>();
    private static TestDatabase db;
    private static RegistreDeTest base;
    private static DemandeStore store;

    @BeforeClass
    public static void peupler() {
        db = TestDatabase.create("registre_recherche_test");
        base = RegistreDeTest.ouvrir(db);
        store = base.demandes();
        inserer("0440124000001G1104", "Le Goff", "Éloïse", "1985-02-01", List.of("44109", "44162"),
                List.of(Typologie.T2, Typologie.T3), "2024-01-10", Statut.ACTIVE);
        inserer("0440224000002G1104", "LEGOFF", "Eloise Anne", "1985-02-01", List.of("44162"),
                List.of(Typologie.T3), "2024-02-11", Statut.ACTIVE);
        inserer("0440224000003G1104", "Martin", "Paul", "1970-07-07", List.of("44109"), List.of(Typologie.T4),
                "2024-02-12", Statut.RADIEE);
        inserer("0590324000001G5901", "Dupont", "Anne", "1992-12-24", List.of("59350"), List.of(Typologie.T1),
                "2024-03-13", Statut.ACTIVE);
        inserer("02A0424000001G2001", "Léger", "Marc", "1960-01-30", List.of("2A004"), List.of(Typologie.T6_PLUS),
                "2024-04-14", Statut.ACTIVE);
    }

    @AfterClass
    public static void fermer() {
        base.close();
        db.close();
    }

    private static void inserer(String numero, String nom, String prenoms, String naissance, List<String> communes,
                                List<Typologie> typologies, String depot, Statut statut) {
        Dossier x = Exemples.dossier(nom);
        Dossier dossier = DossierBuilder.builder(x)
                .demandeur(PersonneBuilder.builder(x.demandeur()).prenoms(prenoms).dateNaissance(LocalDate.parse(naissance))
                        .nir(null).build())
                .logementRecherche(new LogementRecherche(typologies, communes, null, false, false, false)).build();
        LocalDate dateDepot = LocalDate.parse(depot);
        Demande d = new Demande(numero, Statut.ACTIVE, numero.substring(13), numero.substring(0, 3), dateDepot,
                dateDepot.plusYears(1), null, null, 0, dossier);
        store.inserer(d, new EntreeHistorique(0, Instant.now(), Operation.ENREGISTREMENT, "test", Canal.REST,
                List.of(), null), evenement(d), Set.copyOf(INSERES), null); // Le Goff and LEGOFF are the same person
        INSERES.add(numero);
        if (statut == Statut.RADIEE) {
            Demande r = new Demande(numero, Statut.RADIEE, d.guichet(), d.territoire(), d.dateDepot(),
                    d.dateValidite(), null, new org.registrehub.api.Radiation(org.registrehub.api.MotifRadiation.ABANDON,
                            dateDepot.plusDays(1), null, null, null), 1, d.dossier());
            store.mettreAJour(r, 0, new EntreeHistorique(1, Instant.now(), Operation.RADIATION, "test", Canal.REST,
                    List.of(), null), evenement(r), null);
        }
    }

    private static EvenementDemande evenement(Demande d) {
        return new EvenementDemande(UUID.randomUUID(), "demandeEnregistree", d.numeroUnique(), Instant.now(), "{}");
    }

    private static CriteresRecherche criteres() {
        return new CriteresRecherche(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static List<String> numeros(CriteresRecherche c) {
        return store.rechercher(c, null, null, new Tri(Tri.Champ.NUMERO_UNIQUE, true), 0, 100, 10_000).demandes().stream()
                .map(ResumeDemande::numeroUnique).toList();
    }

    @Test
    public void namesIgnoreAccentsCaseSpacesAndHyphens() {
        assertEquals(List.of("0440124000001G1104", "0440224000002G1104"),
                numeros(new CriteresRecherche(null, "le goff", null, null, null, null, null, null, null, null, null,
                        null)));
        assertEquals("a prefix of the normalised name", List.of("02A0424000001G2001", "0440124000001G1104",
                "0440224000002G1104"), numeros(new CriteresRecherche(null, "LE", null, null, null, null, null, null,
                        null, null, null, null)));
        assertEquals(List.of("02A0424000001G2001"), numeros(new CriteresRecherche(null, "Léger", null, null, null, null,
                null, null, null, null, null, null)));
        assertEquals(List.of("0440124000001G1104", "0440224000002G1104"),
                numeros(new CriteresRecherche(null, null, "éloïse", null, null, null, null, null, null, null, null,
                        null)));
    }

    @Test
    public void eachCriterion() {
        assertEquals(List.of("0440224000002G1104", "0440224000003G1104"),
                numeros(new CriteresRecherche("04402", null, null, null, null, null, null, null, null, null, null,
                        null)));
        assertEquals(List.of("0440124000001G1104", "0440224000002G1104"),
                numeros(new CriteresRecherche(null, null, null, LocalDate.of(1985, 2, 1), null, null, null, null,
                        null, null, null, null)));
        assertEquals("any wished commune", List.of("0440124000001G1104", "0440224000002G1104"),
                numeros(new CriteresRecherche(null, null, null, null, "44162", null, null, null, null, null, null,
                        null)));
        assertEquals(List.of("0590324000001G5901"), numeros(new CriteresRecherche(null, null, null, null, null, "059",
                null, null, null, null, null, null)));
        assertEquals(List.of("0440224000003G1104"), numeros(new CriteresRecherche(null, null, null, null, null, null,
                Statut.RADIEE, null, null, null, null, null)));
        assertEquals("any wished typology", List.of("0440124000001G1104", "0440224000002G1104"),
                numeros(new CriteresRecherche(null, null, null, null, null, null, null, Typologie.T3, null, null, null,
                        null)));
        assertEquals(List.of("0440224000002G1104", "0440224000003G1104", "0590324000001G5901"),
                numeros(new CriteresRecherche(null, null, null, null, null, null, null, null,
                        LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 31), null, null)));
        assertEquals(List.of("02A0424000001G2001"), numeros(new CriteresRecherche(null, null, null, null, null, null,
                null, null, null, null, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30))));
        assertEquals("the registering guichet", List.of("0590324000001G5901"), numeros(new CriteresRecherche(null,
                null, null, null, null, null, null, null, null, null, null, null, "G5901")));
        assertEquals("criteria combine", List.of("0440224000002G1104"), numeros(new CriteresRecherche(null, "legoff",
                null, null, "44162", "044", Statut.ACTIVE, Typologie.T3, LocalDate.of(2024, 2, 1), null, null,
                null)));
    }

    @Test
    public void onlyTheCallersTerritoriesAreSearched() {
        assertEquals(List.of("02A0424000001G2001", "0590324000001G5901"), territoires(Set.of("059", "02A")));
        assertEquals(List.of(), territoires(Set.of()));
        assertEquals("an EPCI perimeter: the demands wishing one of its communes",
                List.of("0440124000001G1104", "0440224000002G1104"), store.rechercher(criteres(), null,
                        Set.of("44162", "44190"), new Tri(Tri.Champ.NUMERO_UNIQUE, true), 0, 100, 10_000).demandes()
                        .stream().map(r -> r.numeroUnique()).toList());
        assertEquals("départements and EPCI communes add up", 3, store.rechercher(criteres(), Set.of("059"),
                Set.of("44162"), Tri.PAR_DEFAUT, 0, 100, 10_000).demandes().size());
        assertEquals(5, territoires(null).size());
        assertEquals("a territory criterion outside the allowed ones finds nothing", 0, store.rechercher(
                new CriteresRecherche(null, null, null, null, null, "044", null, null, null, null, null, null),
                Set.of("059"), null, Tri.PAR_DEFAUT, 0, 10, 100).total());
    }

    private static List<String> territoires(Set<String> territoires) {
        return store.rechercher(criteres(), territoires, null, new Tri(Tri.Champ.NUMERO_UNIQUE, true), 0, 100, 10_000)
                .demandes().stream().map(r -> r.numeroUnique()).toList();
    }

    @Test
    public void guichetsOfATerritory() {
        assertEquals(List.of("G1104"), store.guichets("044"));
        assertEquals(List.of(), store.guichets("075"));
    }

    @Test
    public void orderAndPages() {
        PageDemandes p0 = store.rechercher(criteres(), null, null, new Tri(Tri.Champ.DATE_DEPOT, false), 0, 2, 10_000);
        assertEquals(5, p0.total());
        assertTrue(p0.totalExact());
        assertEquals(List.of("02A0424000001G2001", "0590324000001G5901"),
                p0.demandes().stream().map(ResumeDemande::numeroUnique).toList());
        PageDemandes p2 = store.rechercher(criteres(), null, null, new Tri(Tri.Champ.DATE_DEPOT, false), 2, 2, 10_000);
        assertEquals(List.of("0440124000001G1104"), p2.demandes().stream().map(ResumeDemande::numeroUnique).toList());
        PageDemandes parNom = store.rechercher(criteres(), null, null, new Tri(Tri.Champ.NOM, true), 0, 1, 10_000);
        assertEquals("Dupont", parNom.demandes().get(0).nom());
        PageDemandes borne = store.rechercher(criteres(), null, null, Tri.PAR_DEFAUT, 0, 1, 3);
        assertEquals(3, borne.total());
        assertFalse("more matches than counted", borne.totalExact());
        ResumeDemande r = p2.demandes().get(0);
        assertEquals(Typologie.T2, r.typologie());
        assertEquals("44109", r.commune());
    }
}
