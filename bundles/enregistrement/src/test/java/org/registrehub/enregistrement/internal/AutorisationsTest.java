package org.registrehub.enregistrement.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.Test;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.Attribution;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.CriteresRecherche;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.Dossier;
import org.registrehub.api.MotifIrrecevabilite;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.Identite;
import org.registrehub.json.internal.JacksonJsonCodec;
import org.registrehub.testing.DossierBuilder;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.Identites;
import org.registrehub.testing.PersonneBuilder;

/**
 * The access rules in the service layer, for every role and operation, on a demand of the caller's territory and on
 * one of another territory: what is allowed is done and audited, what is refused raises {@link AccesRefuseException}
 * and writes nothing.
 */
public class AutorisationsTest {

    private static final Identite GUICHET_44 = Identites.guichet44();
    private static final Identite GUICHET_59 = Identites.guichet("agent.g5901", "MAIRIE-LILLE", "G5901", "059");
    private static final Identite BAILLEUR_44 = Identites.bailleur44();
    private static final Identite GESTIONNAIRE_44 = Identites.gestionnaire44();
    private static final Identite OBSERVATEUR = Identites.observateur();
    private static final Identite ADMIN = Identites.admin();

    private final StoreMemoire store = new StoreMemoire();
    private final AtomicInteger sequence = new AtomicInteger();
    private final RegistreServiceImpl service = new RegistreServiceImpl((commune, guichet, date) ->
            String.format("%s1126%06d%s", org.registrehub.api.NumerotationService.territoire(commune),
                    sequence.incrementAndGet(), guichet), store, store, new JacksonJsonCodec(),
            Clock.fixed(LocalDate.of(2026, 11, 23).atTime(10, 0).atZone(ZoneId.of("Europe/Paris")).toInstant(),
                    ZoneId.of("Europe/Paris")), 12, 18);

    private final AtomicInteger personnes = new AtomicInteger();

    /** Another family name each time (letters only), so that no demand is a presumed duplicate of another. */
    private String nom(String base) {
        StringBuilder s = new StringBuilder(base);
        for (int n = personnes.incrementAndGet(), i = 0; i < 4; i++, n /= 26) {
            s.append((char) ('a' + n % 26));
        }
        return s.toString();
    }

    /** A demand of the 44 (registered by the gestionnaire of the 44) for a new person. */
    private Demande demande44(String nom) {
        return service.enregistrer(sansNir(nom(nom), "G1104", "44109"), new Contexte(GESTIONNAIRE_44, Canal.REST));
    }

    private static NouvelleDemande sansNir(String nom, String guichet, String commune) {
        Dossier d = Exemples.dossier(nom);
        Dossier sans = DossierBuilder.builder(d).demandeur(PersonneBuilder.builder(d.demandeur()).nir(null).build())
                .logementRecherche(new org.registrehub.api.LogementRecherche(d.logementRecherche().typologies(),
                        List.of(commune), d.logementRecherche().loyerMax(), false, false, false)).build();
        return new NouvelleDemande(guichet, sans);
    }

    private enum Issue { PERMIS, REFUSE }

    /** An operation on a demand prepared beforehand (by the gestionnaire of the 44), or on none. */
    private record Essai(Supplier<Demande> preparer, BiFunction<Contexte, Demande, Object> agir) {
    }

    /** Runs the operation; returns whether it was allowed, checking that a refusal wrote and read nothing. */
    private Issue essayer(Essai essai, Identite qui) {
        Demande d = essai.preparer().get();
        int demandes = store.demandes.size();
        int historiques = store.historiques.values().stream().mapToInt(List::size).sum();
        int audits = store.audits.size();
        try {
            essai.agir().apply(new Contexte(qui, Canal.REST), d);
            return Issue.PERMIS;
        } catch (AccesRefuseException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("Accès refusé : "));
            assertEquals("nothing written by a refusal", demandes, store.demandes.size());
            assertEquals(historiques, store.historiques.values().stream().mapToInt(List::size).sum());
            assertEquals("a refusal reads nothing", audits, store.audits.size());
            return Issue.REFUSE;
        }
    }

    private Issue essayer(Function<Contexte, Object> operation, Identite qui) {
        return essayer(new Essai(() -> null, (c, d) -> operation.apply(c)), qui);
    }

    @Test
    public void everyRoleGetsExactlyItsRightsOnItsTerritoryAndNoneElsewhere() {
        Map<String, Essai> operations = new LinkedHashMap<>();
        operations.put("enregistrer G1104", new Essai(() -> null, (c, d) -> service.enregistrer(
                sansNir(nom("Nouveau"), "G1104", "44109"), c)));
        operations.put("consulter", new Essai(() -> demande44("Lu"), (c, d) -> service.consulter(d.numeroUnique(),
                c)));
        operations.put("rechercher", new Essai(() -> null, (c, d) -> service.rechercher(null, null, 0, 20, c)));
        operations.put("historique", new Essai(() -> demande44("Histoire"),
                (c, d) -> service.historique(d.numeroUnique(), c)));
        operations.put("modifier", new Essai(() -> demande44("Modifie"),
                (c, d) -> service.modifier(d.numeroUnique(), 0, d.dossier(), c)));
        operations.put("renouveler", new Essai(() -> demande44("Renouvele"),
                (c, d) -> service.renouveler(d.numeroUnique(), 0, null, c)));
        operations.put("radier ATTRIBUTION", new Essai(() -> demande44("Attribue"),
                (c, d) -> service.radier(d.numeroUnique(), 0, new DemandeRadiation(MotifRadiation.ATTRIBUTION,
                        new Attribution("NMH", "4410900012345", "ETAT", false), null, null), c)));
        operations.put("radier IRRECEVABILITE", new Essai(() -> demande44("Irrecevable"),
                (c, d) -> service.radier(d.numeroUnique(), 0, new DemandeRadiation(MotifRadiation.IRRECEVABILITE,
                        null, MotifIrrecevabilite.RESSOURCES_SUPERIEURES_PLAFOND, null), c)));
        operations.put("radier ABANDON", new Essai(() -> demande44("Abandonne"),
                (c, d) -> service.radier(d.numeroUnique(), 0, new DemandeRadiation(MotifRadiation.ABANDON, null, null,
                        null), c)));
        operations.put("reactiver", new Essai(() -> {
            Demande d = demande44("Reactive");
            return service.radier(d.numeroUnique(), 0, new DemandeRadiation(MotifRadiation.NON_RENOUVELLEMENT, null,
                    null, null), new Contexte(GESTIONNAIRE_44, Canal.REST));
        }, (c, d) -> service.reactiver(d.numeroUnique(), 1, c)));

        Map<Identite, String> attendu = new LinkedHashMap<>();
        // one letter per operation, in the order above: P permitted, R refused
        attendu.put(GUICHET_44, "PPPPPPPPPP");
        attendu.put(BAILLEUR_44, "RPPPRRPPRR");
        attendu.put(GESTIONNAIRE_44, "PPPPPPPPPP");
        attendu.put(GUICHET_59, "RRPRRRRRRR"); // searches its own 059: allowed, finds nothing of the 44
        attendu.put(OBSERVATEUR, "RRRRRRRRRR");
        attendu.put(ADMIN, "RRRRRRRRRR");

        List<String> ecarts = new ArrayList<>();
        for (Map.Entry<Identite, String> e : attendu.entrySet()) {
            StringBuilder obtenu = new StringBuilder();
            for (Essai operation : operations.values()) {
                obtenu.append(essayer(operation, e.getKey()) == Issue.PERMIS ? 'P' : 'R');
            }
            if (!obtenu.toString().equals(e.getValue())) {
                ecarts.add(e.getKey().identifiant() + " attendu " + e.getValue() + " obtenu " + obtenu);
            }
        }
        assertEquals("operations " + operations.keySet(), List.of(), ecarts);
    }

    /** A screen offers exactly what the operations allow: the actions given for a demand, tried one by one. */
    @Test
    public void theActionsOfferedForADemandAreExactlyThoseTheOperationsAllow() {
        Map<String, BiFunction<Contexte, Demande, Object>> radiations = new LinkedHashMap<>();
        radiations.put("ATTRIBUTION", (c, d) -> service.radier(d.numeroUnique(), 0, new DemandeRadiation(
                MotifRadiation.ATTRIBUTION, new Attribution("NMH", "4410900012345", "ETAT", false), null, null), c));
        radiations.put("IRRECEVABILITE", (c, d) -> service.radier(d.numeroUnique(), 0, new DemandeRadiation(
                MotifRadiation.IRRECEVABILITE, null, MotifIrrecevabilite.RESSOURCES_SUPERIEURES_PLAFOND, null), c));
        radiations.put("ABANDON", (c, d) -> service.radier(d.numeroUnique(), 0, new DemandeRadiation(
                MotifRadiation.ABANDON, null, null, null), c));
        List<String> ecarts = new ArrayList<>();
        for (Identite qui : List.of(GUICHET_44, BAILLEUR_44, GESTIONNAIRE_44, GUICHET_59, OBSERVATEUR, ADMIN)) {
            Contexte c = new Contexte(qui, Canal.REST);
            Demande active = demande44("Offert");
            org.registrehub.api.ActionsDemande offertes = service.actions(active, c);
            verifier(ecarts, qui, "modifier", offertes.modifier(), essayer(new Essai(() -> demande44("Modifie"),
                    (x, d) -> service.modifier(d.numeroUnique(), 0, d.dossier(), x)), qui));
            verifier(ecarts, qui, "renouveler", offertes.renouveler(), essayer(new Essai(() -> demande44("Renouvele"),
                    (x, d) -> service.renouveler(d.numeroUnique(), 0, null, x)), qui));
            radiations.forEach((motif, radier) -> verifier(ecarts, qui, "radier " + motif,
                    offertes.motifsRadiation().contains(MotifRadiation.valueOf(motif)),
                    essayer(new Essai(() -> demande44("Radie"), radier), qui)));
            assertFalse("an active demand is not reactivated", offertes.reactiver());
            Demande radiee = service.radier(demande44("Expire").numeroUnique(), 0, new DemandeRadiation(
                    MotifRadiation.NON_RENOUVELLEMENT, null, null, null), new Contexte(GESTIONNAIRE_44, Canal.REST));
            org.registrehub.api.ActionsDemande surRadiee = service.actions(radiee, c);
            assertFalse(surRadiee.modifier() || surRadiee.renouveler() || surRadiee.radier());
            assertEquals("18 months after filing", LocalDate.of(2028, 5, 23), surRadiee.limiteReactivation());
            verifier(ecarts, qui, "reactiver", surRadiee.reactiver(), essayer(new Essai(() -> service.radier(
                    demande44("Reactive").numeroUnique(), 0, new DemandeRadiation(MotifRadiation.NON_RENOUVELLEMENT,
                            null, null, null), new Contexte(GESTIONNAIRE_44, Canal.REST)),
                    (x, d) -> service.reactiver(d.numeroUnique(), 1, x)), qui));
            verifier(ecarts, qui, "rechercher", service.droits(c).lire(), essayer(x -> service.rechercher(null, null,
                    0, 20, x), qui));
        }
        assertEquals(List.of(), ecarts);
    }

    private static void verifier(List<String> ecarts, Identite qui, String action, boolean offerte, Issue issue) {
        if (offerte != (issue == Issue.PERMIS)) {
            ecarts.add(qui.identifiant() + " " + action + " : offerte " + offerte + ", " + issue);
        }
    }

    @Test
    public void anEpciOrganisationSeesTheDemandsWishingOneOfItsCommunes() {
        Identite bailleurNm = new Identite("agent.nm", new org.registrehub.api.acces.Organisation("BAILLEUR-NM",
                org.registrehub.api.acces.TypeOrganisation.BAILLEUR, "Bailleur", null, true, Set.of("244400404")),
                java.util.EnumSet.of(org.registrehub.api.acces.Role.BAILLEUR), Set.of("44109", "44143"));
        Demande nantes = demande44("Nantes");
        Demande ailleurs = service.enregistrer(sansNir(nom("Ailleurs"), "G1104", "44190"),
                new Contexte(GESTIONNAIRE_44, Canal.REST));
        assertEquals(Issue.PERMIS, essayer(c -> service.consulter(nantes.numeroUnique(), c), bailleurNm));
        assertEquals(Issue.REFUSE, essayer(c -> service.consulter(ailleurs.numeroUnique(), c), bailleurNm));
        service.rechercher(null, null, 0, 20, new Contexte(bailleurNm, Canal.REST));
        assertEquals("no département, its communes", Set.of(), store.derniereRecherche[5]);
        assertEquals(Set.of("44109", "44143"), store.derniereRecherche[6]);
    }

    @Test
    public void aGuichetRegistersUnderItsOwnCodeInItsOwnTerritory() {
        Contexte g44 = new Contexte(GUICHET_44, Canal.REST);
        assertEquals(Issue.REFUSE, essayer(c -> service.enregistrer(sansNir(nom("Autre"), "G4401", "44109"), c),
                GUICHET_44));
        assertEquals(Issue.REFUSE, essayer(c -> service.enregistrer(sansNir(nom("Loin"), "G1104", "59350"), c),
                GUICHET_44));
        assertEquals("0441126000001G1104", service.enregistrer(sansNir(nom("Ici"), "G1104", "44109"), g44).numeroUnique());
        assertEquals(Issue.PERMIS, essayer(c -> service.enregistrer(sansNir(nom("Pour"), "G4401", "44109"), c),
                GESTIONNAIRE_44));
    }

    @Test
    public void aRefusalNamesTheTerritoryAndAnObserverIsToldItSeesNoNominativeData() {
        Demande d = demande44("Martin");
        try {
            service.consulter(d.numeroUnique(), new Contexte(GUICHET_59, Canal.SOAP));
            fail("read outside its territory");
        } catch (AccesRefuseException e) {
            assertEquals("Accès refusé : la demande " + d.numeroUnique() + " relève du territoire 044, hors des"
                    + " territoires de MAIRIE-LILLE (059).", e.getMessage());
        }
        try {
            service.consulter(d.numeroUnique(), new Contexte(OBSERVATEUR, Canal.REST));
            fail("observer read a demand");
        } catch (AccesRefuseException e) {
            assertTrue(e.getMessage(), e.getMessage().endsWith("(aucune donnée nominative)."));
        }
    }

    @Test
    public void everyNominativeReadIsAuditedWithWhoWhatAndWhere() {
        Demande d = demande44("Martin");
        Contexte bailleur = new Contexte(BAILLEUR_44, Canal.SOAP);
        service.consulter(d.numeroUnique(), bailleur);
        service.historique(d.numeroUnique(), bailleur);
        service.rechercher(new CriteresRecherche(null, "martin", null, null, null, null, null, null, null, null, null,
                null), null, 0, 20, bailleur);
        assertEquals(List.of("CONSULTATION", "HISTORIQUE", "RECHERCHE"),
                store.audits.stream().map(EntreeAudit::operation).toList());
        EntreeAudit lecture = store.audits.get(0);
        assertEquals("bailleur.nmh", lecture.acteur());
        assertEquals("NMH", lecture.organisation());
        assertEquals(Canal.SOAP, lecture.canal());
        assertEquals(d.numeroUnique(), lecture.numeroUnique());
        assertEquals("044", lecture.territoire());
        assertTrue(store.audits.get(2).details(), store.audits.get(2).details().startsWith("nom=martin, page 0 ; "));
        assertEquals(Set.of("044"), store.derniereRecherche[5]);
    }
}
