package org.registrehub.national.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.registrehub.api.Canal;
import org.registrehub.api.Demande;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.EvenementDemande;
import org.registrehub.api.Operation;
import org.registrehub.api.Statut;
import org.registrehub.api.national.DoublonNational;
import org.registrehub.api.national.EtatTache;
import org.registrehub.api.national.RecoursDalo;
import org.registrehub.api.national.TacheNationale;
import org.registrehub.api.national.spi.SynchroNationaleStore.Issue;
import org.registrehub.api.national.spi.SynchroNationaleStore.Transmission;
import org.registrehub.api.registre.spi.OutboxStore;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.registre.RegistreJetable;

/** The national synchronization's persistence on a real PostgreSQL: sending order and marks, reports. */
public class SynchroNationalePostgresTest {

    @Rule
    public final RegistreJetable registre = new RegistreJetable("registre_national_store");
    private NationalPostgres store;

    @Before
    public void setUp() {
        store = new NationalPostgres(registre.base().base());
    }

    private Demande demande(String numero) {
        // a household of its own per demand (no presumed duplicate)
        org.registrehub.api.Dossier modele = Exemples.dossier("Martin" + (char) ('a' + numero.charAt(12) - '0'));
        org.registrehub.api.Dossier dossier = org.registrehub.testing.DossierBuilder.builder(modele)
                .demandeur(org.registrehub.testing.PersonneBuilder.builder(modele.demandeur()).nir(null).build()).build();
        Demande d = new Demande(numero, Statut.ACTIVE, "G1104", "044", LocalDate.of(2026, 11, 2),
                LocalDate.of(2027, 11, 2), null, null, 0, dossier);
        registre.base().demandes().inserer(d, new EntreeHistorique(0, Instant.now(), Operation.ENREGISTREMENT, "test", Canal.REST,
                List.of(), null), new EvenementDemande(UUID.randomUUID(), EvenementDemande.DEMANDE_ENREGISTREE,
                numero, Instant.now(), "{\"numeroUnique\":\"" + numero + "\"}"), Set.of(), null);
        return d;
    }

    @Test
    public void evenementsTransmisDansLOrdreMarquesUnParUnEtArretAuPremierEchec() {
        demande("0441126000001G1104");
        demande("0441126000002G1104");
        demande("0441126000003G1104");
        assertEquals(3, store.enAttenteNational());
        assertEquals(Set.of("0441126000001G1104", "0441126000002G1104", "0441126000003G1104"),
                store.numerosEnAttenteNational("044"));
        assertEquals(Set.of(), store.numerosEnAttenteNational("085"));
        List<String> vus = new ArrayList<>();
        // the second one fails technically: the first stays sent, the others wait, in order
        int marques = store.transmettre(10, e -> {
            vus.add(e.numeroUnique());
            return vus.size() == 2 ? new Transmission(Issue.ARRET, "HTTP 503") : Transmission.TRANSMIS;
        });
        assertEquals(1, marques);
        assertEquals(List.of("0441126000001G1104", "0441126000002G1104"), vus);
        assertEquals(2, store.enAttenteNational());
        assertTrue(store.plusAncienEnAttenteNational().isPresent());
        // the relay to the broker is another matter: all three still wait for it
        assertEquals(3, registre.base().store(OutboxStore.class).enAttente());
        vus.clear();
        marques = store.transmettre(10, e -> {
            vus.add(e.numeroUnique());
            return e.numeroUnique().endsWith("2G1104") ? new Transmission(Issue.REFUSE, "ORDRE : version connue")
                    : Transmission.TRANSMIS;
        });
        assertEquals(2, marques);
        assertEquals(List.of("0441126000002G1104", "0441126000003G1104"), vus);
        assertEquals(0, store.enAttenteNational());
        assertFalse(store.plusAncienEnAttenteNational().isPresent());
        assertEquals(1, store.refusesNational());
        assertEquals(List.of("0441126000002G1104 demandeEnregistree ORDRE : version connue"), store.derniersRefus(5));
        assertEquals(0, store.transmettre(10, e -> Transmission.TRANSMIS));
    }

    @Test
    public void bilansEtCurseursParTache() {
        Instant curseur = Instant.parse("2026-12-01T10:15:30.123456Z");
        store.reussite(TacheNationale.RADIATIONS, "3 radiation(s) appliquée(s)");
        store.avancer(TacheNationale.RADIATIONS, "044", curseur);
        store.avancer(TacheNationale.RADIATIONS, "085", curseur.plusSeconds(60));
        store.avancer(TacheNationale.RADIATIONS, "044", curseur.minusSeconds(60));
        store.echec(TacheNationale.RADIATIONS, "registre national injoignable");
        store.reussite(TacheNationale.RADIATIONS, "rien de nouveau");
        EtatTache etat = store.etats().stream().filter(e -> e.tache() == TacheNationale.RADIATIONS).findFirst()
                .orElseThrow();
        assertEquals("rien de nouveau", etat.bilan());
        assertEquals("le plus ancien des curseurs, à la microseconde", curseur, etat.curseur());
        assertEquals("registre national injoignable", etat.derniereErreur());
        assertEquals("un curseur n'avance que", curseur, store.curseur(TacheNationale.RADIATIONS, "044")
                .orElseThrow());
        assertTrue(store.curseur(TacheNationale.DALO, "044").isEmpty());
        assertEquals(List.of(TacheNationale.values()), store.etats().stream().map(EtatTache::tache).toList());
    }

    @Test
    public void doublonsEtRecoursDaloUneFoisEtPourLesDemandesDuRegistreSeulement() {
        demande("0441126000001G1104");
        Instant t = Instant.now();
        assertTrue(store.enregistrerDoublon(new DoublonNational("0441126000001G1104", "0851126000004G8501",
                "IDENTITE", t)));
        assertFalse(store.enregistrerDoublon(new DoublonNational("0441126000001G1104", "0851126000004G8501",
                "IDENTITE", t)));
        assertFalse(store.enregistrerDoublon(new DoublonNational("0441126000099G1104", "0851126000004G8501",
                "IDENTITE", t)));
        assertTrue(store.enregistrerRecoursDalo(new RecoursDalo("0441126000001G1104", LocalDate.of(2026, 11, 20),
                null, "COMED44", t)));
        assertFalse(store.enregistrerRecoursDalo(new RecoursDalo("0441126000001G1104", LocalDate.of(2026, 11, 20),
                null, "COMED44", t)));
        assertEquals(2, registre.db().count("select count(*) from audit where canal = 'NATIONAL' and numero_unique ="
                + " '0441126000001G1104' and operation in ('DOUBLON_NATIONAL', 'RECOURS_DALO')"));
        assertEquals(1, store.etatsLocaux("044", null, 10).size());
        assertEquals(0, store.etatsLocaux("044", "0441126000001G1104", 10).size());
        store.enregistrerRapport(t, t, 2, 1, "rapport");
        assertEquals("rapport", store.dernierRapport().orElseThrow());
    }
}
