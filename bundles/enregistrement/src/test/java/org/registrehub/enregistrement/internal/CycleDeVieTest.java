package org.registrehub.enregistrement.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.Test;
import org.registrehub.api.Attribution;
import org.registrehub.api.Canal;
import org.registrehub.api.Changement;
import org.registrehub.api.Contact;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.Dossier;
import org.registrehub.api.Doublon;
import org.registrehub.api.DoublonPresumeException;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.MotifIrrecevabilite;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.Operation;
import org.registrehub.api.RegistreException;
import org.registrehub.api.Statut;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.VersionObsoleteException;
import org.registrehub.json.internal.JacksonJsonCodec;
import org.registrehub.testing.DossierBuilder;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.HorlogeReglable;
import org.registrehub.testing.Identites;

/** The life-cycle rules: what each operation keeps, changes, historizes and refuses. */
public class CycleDeVieTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Contexte AGENT = Identites.contexte(Identites.gestionnaire44(), Canal.CONSOLE);

    private final HorlogeReglable horloge = new HorlogeReglable(PARIS, Instant.parse("2024-01-15T09:00:00Z"));
    private final StoreMemoire store = new StoreMemoire();
    private final java.util.concurrent.atomic.AtomicInteger sequence = new java.util.concurrent.atomic.AtomicInteger();
    private final RegistreServiceImpl service = new RegistreServiceImpl((commune, guichet, date) ->
            String.format("0440124%06d%s", sequence.incrementAndGet(), guichet), store, store,
            new JacksonJsonCodec(),
            horloge, 12, 18);

    private void aujourdhui(String date) {
        horloge.jour(date);
    }

    private Demande enregistree() {
        return service.enregistrer(Exemples.nouvelleDemande("Martin"), AGENT);
    }

    @Test
    public void modificationKeepsNumberAndFilingDateAndHistorizesTheFieldsChanged() {
        Demande d = enregistree();
        aujourdhui("2024-03-01");
        Dossier x = d.dossier();
        Dossier nouveau = DossierBuilder.builder(x).contact(new Contact("3 place Royale", "44000", "Nantes", null,
                "lea@example.org")).build();
        Demande m = service.modifier(d.numeroUnique(), 0, nouveau, AGENT);

        assertEquals(d.numeroUnique(), m.numeroUnique());
        assertEquals(LocalDate.of(2024, 1, 15), m.dateDepot());
        assertEquals(d.dateValidite(), m.dateValidite());
        assertEquals(1, m.version());
        EntreeHistorique h = store.historique(d.numeroUnique()).get(1);
        assertEquals(Operation.MODIFICATION, h.operation());
        assertEquals("gestionnaire.44", h.acteur());
        assertEquals(Canal.CONSOLE, h.canal());
        assertEquals(List.of(
                new Changement("dossier.contact.adresse", "12 rue des Olivettes", "3 place Royale"),
                new Changement("dossier.contact.email", "lea.martin@example.org", "lea@example.org"),
                new Changement("dossier.contact.telephone", "0612345678", null)), h.changements());
        assertEquals("demandeModifiee", store.evenements.get(1).type());
        assertTrue(store.evenements.get(1).contenu().contains("\"champ\":\"dossier.contact.email\""));
    }

    @Test
    public void amountsWrittenWithAnotherScaleAreNotAChange() {
        Demande d = enregistree();
        Dossier x = d.dossier();
        List<org.registrehub.api.Ressource> ressources = x.ressources().stream()
                .map(r -> new org.registrehub.api.Ressource(r.beneficiaire(), r.rang(), r.type(),
                        r.montantMensuel().stripTrailingZeros()))
                .toList();
        var l = x.logementActuel();
        Dossier memesMontants = DossierBuilder.builder(x).ressources(ressources)
                .logementActuel(new org.registrehub.api.LogementActuel(l.statut(), l.loyer().setScale(4), l.surface(),
                        l.typologie(), l.nombreOccupants()))
                .build();
        service.modifier(d.numeroUnique(), 0, memesMontants, AGENT);
        assertEquals(List.of(), store.historique(d.numeroUnique()).get(1).changements());

        Dossier autreLoyer = DossierBuilder.builder(memesMontants).logementActuel(new org.registrehub.api.LogementActuel(
                l.statut(), new java.math.BigDecimal("520.5"), l.surface(), l.typologie(), l.nombreOccupants())).build();
        service.modifier(d.numeroUnique(), 1, autreLoyer, AGENT);
        assertEquals(List.of(new Changement("dossier.logementActuel.loyer", "520", "520.5")),
                store.historique(d.numeroUnique()).get(2).changements());
    }

    @Test
    public void aStaleVersionIsRefusedBeforeAnything() {
        Demande d = enregistree();
        service.modifier(d.numeroUnique(), 0, d.dossier(), AGENT);
        try {
            service.modifier(d.numeroUnique(), 0, d.dossier(), AGENT);
            fail("lost update");
        } catch (VersionObsoleteException e) {
            assertEquals(1, e.getVersionActuelle());
            assertTrue(e.getMessage(), e.getMessage().contains("modifiée entre-temps"));
        }
        assertEquals(2, store.historique(d.numeroUnique()).size());
    }

    @Test
    public void anInvalidModificationWritesNothing() {
        Demande d = enregistree();
        try {
            service.modifier(d.numeroUnique(), 0, DossierBuilder.builder(d.dossier()).motifs(List.of()).build(), AGENT);
            fail();
        } catch (DemandeInvalideException e) {
            assertEquals("dossier.motifs:obligatoire", Regles.de(e.getErreurs()));
        }
        assertEquals(0, store.trouver(d.numeroUnique()).orElseThrow().version());
    }

    @Test
    public void renewalKeepsTheFilingDateAndGivesOneMoreYearFromToday() {
        Demande d = enregistree();
        aujourdhui("2024-12-20");
        Demande r = service.renouveler(d.numeroUnique(), 0, null, AGENT);
        assertEquals(LocalDate.of(2024, 1, 15), r.dateDepot());
        assertEquals(LocalDate.of(2024, 12, 20), r.dateDernierRenouvellement());
        assertEquals(LocalDate.of(2025, 12, 20), r.dateValidite());
        assertEquals(d.dossier(), r.dossier());
        assertEquals(List.of(new Changement("dateDernierRenouvellement", null, "2024-12-20"),
                new Changement("dateValidite", "2025-01-15", "2025-12-20")),
                store.historique(d.numeroUnique()).get(1).changements());
        assertEquals("demandeRenouvelee", store.evenements.get(1).type());
    }

    @Test
    public void radiationForAttributionCarriesTheLease() {
        Demande d = enregistree();
        aujourdhui("2024-06-30");
        Demande r = service.radier(d.numeroUnique(), 0, new DemandeRadiation(MotifRadiation.ATTRIBUTION,
                new Attribution("Habitat 44", "RPLS0449", "ETAT", true), null, "bail signé"), AGENT);
        assertEquals(Statut.RADIEE, r.statut());
        assertEquals(LocalDate.of(2024, 6, 30), r.radiation().date());
        assertEquals("RPLS0449", r.radiation().attribution().identifiantRpls());
        assertEquals("bail signé", store.historique(d.numeroUnique()).get(1).commentaire());
        assertEquals("demandeRadiee", store.evenements.get(1).type());
    }

    @Test
    public void eachReasonCarriesWhatItNeedsAndNothingElse() {
        Demande d = enregistree();
        String n = d.numeroUnique();
        assertEquals("radiation.attribution:obligatoire", regles(() -> service.radier(n, 0,
                new DemandeRadiation(MotifRadiation.ATTRIBUTION, null, null, null), AGENT)));
        assertEquals("radiation.attribution.bailleur:obligatoire radiation.attribution.identifiantRpls:format "
                + "radiation.attribution.reservataire:obligatoire radiation.attribution.dalo:obligatoire",
                regles(() -> service.radier(n, 0,
                        new DemandeRadiation(MotifRadiation.ATTRIBUTION, new Attribution(" ", "RPLS-1", null, null),
                                null, null), AGENT)));
        assertEquals("radiation.motifIrrecevabilite:obligatoire", regles(() -> service.radier(n, 0,
                new DemandeRadiation(MotifRadiation.IRRECEVABILITE, null, null, null), AGENT)));
        assertEquals("radiation.attribution:coherence radiation.motifIrrecevabilite:coherence", regles(() ->
                service.radier(n, 0, new DemandeRadiation(MotifRadiation.ABANDON, new Attribution("B", "R1", "E",
                        false), MotifIrrecevabilite.AUTRE, null), AGENT)));
        assertEquals("radiation.motif:obligatoire", regles(() -> service.radier(n, 0,
                new DemandeRadiation(null, null, null, null), AGENT)));
        assertEquals(0, store.trouver(n).orElseThrow().version());
        Demande irr = service.radier(n, 0, new DemandeRadiation(MotifRadiation.IRRECEVABILITE, null,
                MotifIrrecevabilite.RESSOURCES_SUPERIEURES_PLAFOND, null), AGENT);
        assertEquals(MotifIrrecevabilite.RESSOURCES_SUPERIEURES_PLAFOND, irr.radiation().motifIrrecevabilite());
    }

    @Test
    public void invalidTransitionsAreRefusedWithAClearMessage() {
        Demande d = enregistree();
        String n = d.numeroUnique();
        service.radier(n, 0, new DemandeRadiation(MotifRadiation.ABANDON, null, null, null), AGENT);
        assertTrue(transition(() -> service.radier(n, 1, new DemandeRadiation(MotifRadiation.ABANDON, null, null,
                null), AGENT)).contains("déjà radiée"));
        assertTrue(transition(() -> service.renouveler(n, 1, null, AGENT)).contains("Déposez une nouvelle demande"));
        assertTrue(transition(() -> service.modifier(n, 1, d.dossier(), AGENT)).contains("ne peut plus être modifiée"));
        assertTrue(transition(() -> service.reactiver(n, 1, AGENT)).contains("radiée pour ABANDON"));
        Demande active = service.enregistrer(Exemples.nouvelleDemande("Durand"), AGENT);
        assertTrue(transition(() -> service.reactiver(active.numeroUnique(), 0, AGENT)).contains("est active"));
    }

    @Test
    public void reactivationWithinTheGracePeriodKeepsNumberAndFilingDate() {
        Demande d = enregistree();
        aujourdhui("2025-01-20");
        Demande radiee = service.radier(d.numeroUnique(), 0,
                new DemandeRadiation(MotifRadiation.NON_RENOUVELLEMENT, null, null, null), AGENT);
        assertTrue(transition(() -> service.renouveler(d.numeroUnique(), 1, null, AGENT)).contains("réactivez-la"));
        aujourdhui("2025-07-15"); // limit: 18 months after filing on 2024-01-15
        Demande r = service.reactiver(d.numeroUnique(), radiee.version(), AGENT);
        assertEquals(Statut.ACTIVE, r.statut());
        assertNull(r.radiation());
        assertEquals(LocalDate.of(2024, 1, 15), r.dateDepot());
        assertEquals(LocalDate.of(2026, 7, 15), r.dateValidite());
        assertEquals(d.numeroUnique(), r.numeroUnique());
        assertEquals("demandeReactivee", store.evenements.get(2).type());
    }

    @Test
    public void reactivationAfterTheGracePeriodIsRefused() {
        Demande d = enregistree();
        aujourdhui("2025-01-20");
        service.radier(d.numeroUnique(), 0, new DemandeRadiation(MotifRadiation.NON_RENOUVELLEMENT, null, null, null),
                AGENT);
        aujourdhui("2025-07-16");
        String message = transition(() -> service.reactiver(d.numeroUnique(), 1, AGENT));
        assertTrue(message, message.contains("a expiré le 2025-07-15"));
    }

    @Test
    public void aDuplicateIsReportedAndRegisteredOnlyWithAJustification() {
        Demande premiere = enregistree();
        try {
            service.enregistrer(Exemples.nouvelleDemande("Martin"), AGENT);
            fail("duplicate registered");
        } catch (DoublonPresumeException e) {
            assertEquals(premiere.numeroUnique(), e.getDoublons().get(0).numeroUnique());
            assertEquals(Doublon.NIR, e.getDoublons().get(0).critere());
            assertTrue(e.getMessage(), e.getMessage().contains("justificationDoublon"));
        }
        assertEquals(1, store.demandes.size());
        NouvelleDemande justifiee = new NouvelleDemande("G1104", Exemples.dossier("Martin"),
                "nouvelle demande après séparation, dossier distinct");
        service.enregistrer(justifiee, AGENT);
        assertEquals(2, store.demandes.size());
        EntreeHistorique creation = store.historiques.values().stream().skip(1).findFirst().orElseThrow().get(0);
        assertEquals("doublon confirmé de " + premiere.numeroUnique() + " (NIR) : nouvelle demande après séparation,"
                + " dossier distinct", creation.commentaire());
    }

    @Test
    public void aDuplicateOutsideTheCallersPerimeterIsToldOnlyByTerritoryAndNumberAndEveryProbeIsAudited() {
        // Numbers carry the département of the first wished commune, as the real numbering does.
        RegistreServiceImpl parTerritoire = new RegistreServiceImpl((commune, guichet, date) -> String.format(
                "%s0124%06d%s", org.registrehub.api.NumerotationService.territoire(commune), sequence.incrementAndGet(),
                guichet), store, store, new JacksonJsonCodec(), horloge, 12, 18);
        Contexte gestionnaire59 = Identites.contexte(new org.registrehub.api.acces.Identite("gestionnaire.59",
                new org.registrehub.api.acces.Organisation("DDETS59", org.registrehub.api.acces.TypeOrganisation.ETAT,
                        "DDETS 59", null, true, java.util.Set.of("059")),
                java.util.EnumSet.of(org.registrehub.api.acces.Role.GESTIONNAIRE)), Canal.REST);
        Dossier aLille = DossierBuilder.builder(Exemples.dossier("Martin")).logementRecherche(
                new org.registrehub.api.LogementRecherche(List.of(org.registrehub.api.Typologie.T3), List.of("59350"),
                        null, false, false, false)).build();
        Demande lilloise = parTerritoire.enregistrer(new NouvelleDemande("G5901", aLille), gestionnaire59);
        assertEquals("059", lilloise.territoire());
        store.audits.clear();

        try {
            parTerritoire.enregistrer(Exemples.nouvelleDemande("Martin"), AGENT);
            fail("duplicate registered");
        } catch (DoublonPresumeException e) {
            assertEquals("no numéro, guichet or date of the 059 demand", List.of(), e.getDoublons());
            assertEquals(List.of(new org.registrehub.api.DoublonAilleurs("059", 1)), e.getAilleurs());
            assertTrue(e.getMessage(), e.getMessage().contains("1 demande hors de votre périmètre (territoire 059)"));
            assertTrue(e.getMessage(), !e.getMessage().contains(lilloise.numeroUnique())
                    && !e.getMessage().contains("G5901"));
        }
        assertEquals(1, store.audits.size());
        assertEquals("DOUBLON_PRESUME", store.audits.get(0).operation());
        assertEquals("gestionnaire.44", store.audits.get(0).acteur());
        assertEquals("044", store.audits.get(0).territoire());
        assertTrue(store.audits.get(0).details(), store.audits.get(0).details().contains("1 hors périmètre (territoire 059)"));

        // Registered with a justification: the history names no numéro of the other territory, the audit has the probe.
        Demande nantaise = parTerritoire.enregistrer(new NouvelleDemande("G1104", Exemples.dossier("Martin"),
                "déménagement de Lille à Nantes"), AGENT);
        assertEquals("doublon confirmé de 1 hors périmètre (territoire 059) : déménagement de Lille à Nantes",
                store.historique(nantaise.numeroUnique()).get(0).commentaire());
        assertEquals(2, store.audits.size());

        // The gestionnaire of the 059 sees the 044 demand in full: it lies outside its perimeter too, so it does not.
        try {
            parTerritoire.enregistrer(new NouvelleDemande("G5901", aLille), gestionnaire59);
            fail("duplicate registered");
        } catch (DoublonPresumeException e) {
            assertEquals(List.of(lilloise.numeroUnique()), e.getDoublons().stream().map(Doublon::numeroUnique).toList());
            assertEquals(List.of(new org.registrehub.api.DoublonAilleurs("044", 1)), e.getAilleurs());
        }
    }

    @Test
    public void historyOfAnUnknownDemandIsAnError() {
        try {
            service.historique("0440124999999G1104", AGENT);
            fail();
        } catch (RegistreException e) {
            assertEquals("DEMANDE_INTROUVABLE", e.getCode());
        }
    }

    private static String regles(Runnable action) {
        try {
            action.run();
            fail("accepted");
            return null;
        } catch (DemandeInvalideException e) {
            return Regles.de(e.getErreurs());
        }
    }

    private static String transition(Runnable action) {
        try {
            action.run();
            fail("transition accepted");
            return null;
        } catch (TransitionInterditeException e) {
            return e.getMessage();
        }
    }
}
