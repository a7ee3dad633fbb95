package org.registrehub.acces.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.RegistreException;
import org.registrehub.api.acces.AccesService.CompteCree;
import org.registrehub.api.acces.CriteresAudit;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.PageAudit;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.acces.spi.AuditStore;

/** Access management by administrators and gestionnaires, its limits, and its audit. */
public class GestionAccesTest {

    private final IdentitesMemoire store = new IdentitesMemoire();
    /** Changes write their audit line through the identity store, in their transaction; reads through the audit store. */
    private final List<EntreeAudit> audits = store.audits;
    private final List<Set<String>> filtres = new ArrayList<>();
    private final AuditStore audit = new AuditStore() {
        @Override
        public void auditer(EntreeAudit entree) {
            audits.add(entree);
        }

        @Override
        public PageAudit rechercher(CriteresAudit criteres, Set<String> territoires, int page, int taille) {
            filtres.add(territoires);
            return new PageAudit(audits, page, taille, audits.size());
        }
    };
    private final MotsDePasse motsDePasse = new MotsDePasse(4);
    private final GestionAcces acces = new GestionAcces(store, audit, motsDePasse, Clock.systemUTC());
    private final Authentification authentification = new Authentification(store, motsDePasse, Duration.ofMinutes(5),
            Clock.systemUTC());

    private static final Contexte ADMIN = new Contexte(new Identite("admin", new Organisation("HUB",
            TypeOrganisation.HUB, "Hub", null, true, Set.of()), EnumSet.of(Role.ADMIN)), Canal.REST);
    private static final Contexte GESTIONNAIRE_44 = new Contexte(new Identite("gestionnaire.44",
            new Organisation("DDETS44", TypeOrganisation.ETAT, "DDETS 44", null, true, Set.of("044")),
            EnumSet.of(Role.GESTIONNAIRE)), Canal.CONSOLE);
    private static final Contexte GUICHET_44 = new Contexte(new Identite("agent.g1104",
            new Organisation("MAIRIE-NANTES", TypeOrganisation.GUICHET, "Mairie", "G1104", true, Set.of("044")),
            EnumSet.of(Role.GUICHET)), Canal.REST);

    private static Organisation organisation(String code, TypeOrganisation type, String guichet, String... t) {
        return new Organisation(code, type, "Organisation " + code, guichet, true, Set.of(t));
    }

    @Test
    public void aGestionnaireCreatesOrganisationsAndUsersOnlyWithinItsTerritories() {
        Organisation nantes = acces.creerOrganisation(organisation("MAIRIE-NANTES", TypeOrganisation.GUICHET, "G1104",
                "044"), GESTIONNAIRE_44);
        assertEquals(Set.of("044"), nantes.territoires());
        refuse(() -> acces.creerOrganisation(organisation("MAIRIE-LILLE", TypeOrganisation.GUICHET, "G5901", "059"),
                GESTIONNAIRE_44));
        refuse(() -> acces.creerOrganisation(organisation("HUB2", TypeOrganisation.HUB, null, "044"), GESTIONNAIRE_44)
                .code(), "type:reserve");
        acces.creerOrganisation(organisation("MAIRIE-LILLE", TypeOrganisation.GUICHET, "G5901", "059"), ADMIN);

        CompteCree agent = acces.creerUtilisateur("agent.nantes", "Agent", "MAIRIE-NANTES", EnumSet.of(Role.GUICHET),
                null, GESTIONNAIRE_44);
        assertEquals(20, agent.motDePasse().length());
        Identite connecte = authentification.authentifier("agent.nantes", agent.motDePasse().toCharArray())
                .orElseThrow();
        assertEquals(Set.of(Role.GUICHET), connecte.roles());
        refuse(() -> acces.creerUtilisateur("agent.lille", null, "MAIRIE-LILLE", EnumSet.of(Role.GUICHET), null,
                GESTIONNAIRE_44));
        refuse(() -> acces.creerUtilisateur("chef", null, "MAIRIE-NANTES", EnumSet.of(Role.ADMIN), null,
                GESTIONNAIRE_44).utilisateur(), "roles:reserve");
        refuse(() -> acces.creerOrganisation(organisation("AUTRE", TypeOrganisation.GUICHET, null, "044"), GUICHET_44));
        assertEquals(List.of("MAIRIE-NANTES"), acces.organisations(GESTIONNAIRE_44).stream().map(Organisation::code)
                .toList());
        assertEquals(2, acces.organisations(ADMIN).size());
    }

    @Test
    public void anEpciIsDefinedWithinTheGestionnairesDepartementsAndThenGrantedAsATerritory() {
        refuse(() -> acces.creerOrganisation(organisation("BAILLEUR-NM", TypeOrganisation.BAILLEUR, "G4403",
                "244400404"), GESTIONNAIRE_44), "territoires[0]:inconnu");
        refuse(() -> acces.definirEpci(new org.registrehub.api.acces.Epci("200093201", "Métropole de Lille",
                Set.of("59350")), GESTIONNAIRE_44));
        acces.definirEpci(new org.registrehub.api.acces.Epci("244400404", "Nantes Métropole",
                Set.of("44109", "44143")), GESTIONNAIRE_44);
        acces.creerOrganisation(organisation("BAILLEUR-NM", TypeOrganisation.BAILLEUR, "G4403", "244400404"),
                GESTIONNAIRE_44);
        CompteCree agent = acces.creerUtilisateur("agent.nm", null, "BAILLEUR-NM", EnumSet.of(Role.BAILLEUR), null,
                GESTIONNAIRE_44);
        Identite i = authentification.authentifier("agent.nm", agent.motDePasse().toCharArray()).orElseThrow();
        assertEquals(Set.of("44109", "44143"), i.communes());
        assertTrue(i.couvreCommune("44143"));
        assertEquals(Set.of(), i.departements());
        assertEquals(List.of("BAILLEUR-NM"), acces.organisations(GESTIONNAIRE_44).stream().map(Organisation::code)
                .toList());
    }

    @Test
    public void aGestionnaireCannotRedefineAnEpciThatReachesBeyondItsDepartements() {
        // An EPCI of the Nord, held by a landlord of the Nord: redefining it with communes of 044 would move the Nord
        // landlord's perimeter into Loire-Atlantique.
        acces.definirEpci(new org.registrehub.api.acces.Epci("200093201", "Métropole de Lille",
                Set.of("59350", "59009")), ADMIN);
        acces.creerOrganisation(organisation("BAILLEUR-MEL", TypeOrganisation.BAILLEUR, null, "200093201"), ADMIN);
        int avant = audits.size();
        refuse(() -> acces.definirEpci(new org.registrehub.api.acces.Epci("200093201", "Prise de contrôle",
                Set.of("44109")), GESTIONNAIRE_44));
        assertEquals(Set.of("59350", "59009"), store.epcis.get("200093201").communes());
        assertEquals("nothing audited for a refused change", avant, audits.size());

        // A mixed EPCI (one commune of 044 today) is not the gestionnaire's either.
        acces.definirEpci(new org.registrehub.api.acces.Epci("200000001", "Interdépartemental",
                Set.of("44109", "49007")), ADMIN);
        refuse(() -> acces.definirEpci(new org.registrehub.api.acces.Epci("200000001", "Interdépartemental",
                Set.of("44109")), GESTIONNAIRE_44));

        // An administrator may; the audit names every département the change touches, the old and the new.
        audits.clear();
        acces.definirEpci(new org.registrehub.api.acces.Epci("200093201", "Métropole de Lille", Set.of("44109",
                "59350")), ADMIN);
        assertEquals(List.of("044", "059"), audits.stream().map(EntreeAudit::territoire).sorted().toList());
        assertTrue(audits.get(0).details(), audits.get(0).details().contains("avant : [59009, 59350]"));

        // The EPCI a gestionnaire may grant: those with a commune in its départements; an administrator, all.
        assertEquals(List.of("Interdépartemental", "Métropole de Lille"), acces.epcis(GESTIONNAIRE_44).stream()
                .map(org.registrehub.api.acces.Epci::nom).toList());
        assertEquals(2, acces.epcis(ADMIN).size());
        refuse(() -> acces.epcis(GUICHET_44));

        // Within its own départements, a gestionnaire redefines as before; one line under 044.
        acces.definirEpci(new org.registrehub.api.acces.Epci("244400404", "Nantes Métropole", Set.of("44109")),
                GESTIONNAIRE_44);
        audits.clear();
        acces.definirEpci(new org.registrehub.api.acces.Epci("244400404", "Nantes Métropole", Set.of("44109",
                "44143")), GESTIONNAIRE_44);
        assertEquals(List.of("044"), audits.stream().map(EntreeAudit::territoire).toList());
    }

    @Test
    public void onlyAnAdministratorActsOnAdministratorsAndGestionnaires() {
        acces.creerOrganisation(organisation("DDETS44", TypeOrganisation.ETAT, null, "044"), ADMIN);
        acces.creerOrganisation(organisation("MAIRIE-NANTES", TypeOrganisation.GUICHET, "G1104", "044"), ADMIN);
        CompteCree adminLocal = acces.creerUtilisateur("admin.local", null, "MAIRIE-NANTES", EnumSet.of(Role.ADMIN),
                null, ADMIN);
        acces.creerUtilisateur("gestionnaire.bis", null, "DDETS44", EnumSet.of(Role.GESTIONNAIRE), null, ADMIN);
        acces.creerUtilisateur("agent.nantes", null, "MAIRIE-NANTES", EnumSet.of(Role.GUICHET), null, ADMIN);
        String empreinte = store.empreintes.get("admin.local");

        refuse(() -> acces.changerMotDePasse("admin.local", null, GESTIONNAIRE_44));
        refuse(() -> acces.desactiverUtilisateur("admin.local", GESTIONNAIRE_44));
        refuse(() -> acces.reactiverUtilisateur("admin.local", GESTIONNAIRE_44));
        refuse(() -> acces.changerMotDePasse("gestionnaire.bis", "Un-Autre-Secret-2026", GESTIONNAIRE_44));
        refuse(() -> acces.desactiverUtilisateur("gestionnaire.bis", GESTIONNAIRE_44));
        refuse(() -> acces.creerUtilisateur("gestionnaire.ter", null, "DDETS44", EnumSet.of(Role.GESTIONNAIRE), null,
                GESTIONNAIRE_44), "roles:reserve");
        assertEquals("the admin's password is unchanged", empreinte, store.empreintes.get("admin.local"));
        assertTrue(authentification.authentifier("admin.local", adminLocal.motDePasse().toCharArray()).isPresent());

        // Agents below it are still the gestionnaire's to manage, and the administrator manages everyone.
        assertTrue(acces.changerMotDePasse("agent.nantes", null, GESTIONNAIRE_44).motDePasse() != null);
        assertFalse(acces.desactiverUtilisateur("agent.nantes", GESTIONNAIRE_44).actif());
        assertFalse(acces.desactiverUtilisateur("gestionnaire.bis", ADMIN).actif());
        assertTrue(acces.changerMotDePasse("admin.local", null, ADMIN).motDePasse() != null);
    }

    @Test
    public void theFirstAdministratorsSecretFileGoesOnceItsPasswordIsChanged() throws Exception {
        java.nio.file.Path fichier = java.nio.file.Files.createTempFile("admin", ".secret");
        acces.administrateurInitial("admin", fichier);
        acces.creerOrganisation(organisation("HUB2", TypeOrganisation.ETAT, null, "044"), ADMIN);
        acces.creerUtilisateur("admin", null, "HUB2", EnumSet.of(Role.ADMIN), null, ADMIN);
        acces.creerUtilisateur("autre.admin", null, "HUB2", EnumSet.of(Role.ADMIN), null, ADMIN);
        acces.changerMotDePasse("autre.admin", null, ADMIN);
        assertTrue("another account's change leaves it", java.nio.file.Files.exists(fichier));
        acces.changerMotDePasse("admin", "Un-Secret-Bien-Long-2026", ADMIN);
        assertFalse(java.nio.file.Files.exists(fichier));
    }

    @Test
    public void everyMistakeIsNamedAtOnceAndTakenNamesAreRefused() {
        try {
            acces.creerOrganisation(new Organisation("mairie", null, "", "X12", true, Set.of("44")), ADMIN);
            fail("accepted");
        } catch (DemandeInvalideException e) {
            assertEquals(List.of("code:format", "type:obligatoire", "nom:obligatoire", "guichet:format",
                    "territoires[0]:format"), e.getErreurs().stream().map(x -> x.champ() + ":" + x.regle()).toList());
        }
        acces.creerOrganisation(organisation("NMH", TypeOrganisation.BAILLEUR, null, "044"), ADMIN);
        try {
            acces.creerOrganisation(organisation("NMH", TypeOrganisation.BAILLEUR, null, "044"), ADMIN);
            fail("same code");
        } catch (RegistreException e) {
            assertEquals(GestionAcces.EXISTE_DEJA, e.getCode());
        }
        try {
            acces.creerUtilisateur("Agent NMH", null, "NMH", Set.of(), "court", ADMIN);
            fail("accepted");
        } catch (DemandeInvalideException e) {
            assertEquals(List.of("identifiant:format", "roles:obligatoire", "motDePasse:robustesse"),
                    e.getErreurs().stream().map(x -> x.champ() + ":" + x.regle()).toList());
        }
        refuse(() -> acces.creerUtilisateur("hub.interne", null, "NMH", EnumSet.of(Role.BAILLEUR), null, ADMIN),
                "identifiant:reserve");
        try {
            acces.creerUtilisateur("agent.nmh", null, "INCONNUE", EnumSet.of(Role.BAILLEUR), null, ADMIN);
            fail("unknown organisation");
        } catch (RegistreException e) {
            assertEquals(GestionAcces.INTROUVABLE, e.getCode());
        }
    }

    @Test
    public void aDisabledUserCannotLogInAndAPasswordChangeTakesEffectAtOnce() {
        acces.creerOrganisation(organisation("NMH", TypeOrganisation.BAILLEUR, null, "044"), ADMIN);
        acces.creerUtilisateur("agent.nmh", null, "NMH", EnumSet.of(Role.BAILLEUR), "un mot de passe choisi", ADMIN);
        assertTrue(authentification.authentifier("agent.nmh", "un mot de passe choisi".toCharArray()).isPresent());

        assertFalse(acces.desactiverUtilisateur("agent.nmh", GESTIONNAIRE_44).actif());
        assertTrue(authentification.authentifier("agent.nmh", "un mot de passe choisi".toCharArray()).isEmpty());
        assertTrue(acces.reactiverUtilisateur("agent.nmh", GESTIONNAIRE_44).actif());

        CompteCree nouveau = acces.changerMotDePasse("agent.nmh", null, GESTIONNAIRE_44);
        assertTrue(authentification.authentifier("agent.nmh", "un mot de passe choisi".toCharArray()).isEmpty());
        assertTrue(authentification.authentifier("agent.nmh", nouveau.motDePasse().toCharArray()).isPresent());
        refuse(() -> acces.desactiverUtilisateur("agent.nmh", GUICHET_44));
        try {
            acces.desactiverUtilisateur("gestionnaire.44", GESTIONNAIRE_44);
            fail("a gestionnaire disabled itself");
        } catch (RegistreException e) {
            // unknown here (or itself): refused either way
        }
    }

    @Test
    public void everyChangeIsAuditedWithoutPasswordsAndAGestionnaireReadsTheAuditOfItsTerritories() {
        acces.creerOrganisation(organisation("NMH", TypeOrganisation.BAILLEUR, null, "044"), GESTIONNAIRE_44);
        acces.creerUtilisateur("agent.nmh", null, "NMH", EnumSet.of(Role.BAILLEUR), "un mot de passe choisi",
                GESTIONNAIRE_44);
        acces.desactiverUtilisateur("agent.nmh", GESTIONNAIRE_44);
        assertEquals(List.of("CREATION_ORGANISATION", "CREATION_UTILISATEUR", "DESACTIVATION_UTILISATEUR"),
                audits.stream().map(EntreeAudit::operation).toList());
        EntreeAudit creation = audits.get(1);
        assertEquals("gestionnaire.44", creation.acteur());
        assertEquals("DDETS44", creation.organisation());
        assertEquals("044", creation.territoire());
        assertTrue(audits.stream().noneMatch(a -> a.details().contains("un mot de passe choisi")));

        acces.rechercher(CriteresAudit.aucun(), 0, 20, GESTIONNAIRE_44);
        assertEquals(Set.of("044"), filtres.get(0));
        acces.rechercher(CriteresAudit.aucun(), 0, 20, ADMIN);
        assertNull("an administrator reads everything", filtres.get(1));
        refuse(() -> acces.rechercher(new CriteresAudit(null, null, null, null, "059", null, null), 0, 20,
                GESTIONNAIRE_44));
        refuse(() -> acces.rechercher(CriteresAudit.aucun(), 0, 20, GUICHET_44));
        assertEquals("reading the audit is audited", "LECTURE_AUDIT", audits.get(audits.size() - 1).operation());
    }

    private interface Action {
        Object faire();
    }

    private static void refuse(Action action) {
        try {
            action.faire();
            fail("accepted");
        } catch (AccesRefuseException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("Accès refusé : "));
        }
    }

    private static void refuse(Action action, String erreur) {
        try {
            action.faire();
            fail("accepted");
        } catch (DemandeInvalideException e) {
            assertTrue(e.getErreurs().toString(), e.getErreurs().stream().map(x -> x.champ() + ":" + x.regle())
                    .anyMatch(erreur::equals));
        }
    }

    static List<String> champs(List<ErreurChamp> erreurs) {
        return erreurs.stream().map(ErreurChamp::champ).toList();
    }

    @Test
    public void theDirectoryShowsTheGuichetsOfTheCommunesDepartementWithTheirAddress() {
        acces.creerOrganisation(organisation("MAIRIE-NANTES", TypeOrganisation.GUICHET, "G1104", "044"),
                GESTIONNAIRE_44);
        acces.creerOrganisation(organisation("NMH", TypeOrganisation.BAILLEUR, null, "044"), GESTIONNAIRE_44);
        acces.changerCoordonnees("MAIRIE-NANTES", "2 rue de l'Hôtel de Ville, 44000 Nantes", "lundi-vendredi 8h30-17h",
                GESTIONNAIRE_44);
        refuse(() -> acces.changerCoordonnees("NMH", "1 rue X", "9h-12h", GESTIONNAIRE_44), "organisation:guichet");
        refuse(() -> acces.changerCoordonnees("MAIRIE-NANTES", "", null, GESTIONNAIRE_44), "adresse:obligatoire");
        Annuaire annuaire = new Annuaire(store);
        List<org.registrehub.api.acces.Guichet> guichets = annuaire.guichets("44109");
        assertEquals(List.of("G1104"), guichets.stream().map(g -> g.guichet()).toList());
        assertEquals("lundi-vendredi 8h30-17h", guichets.get(0).horaires());
        assertTrue(annuaire.guichets("59350").isEmpty());
        // the entry as its gestionnaire edits it; none for an organisation without a guichet code
        assertEquals("2 rue de l'Hôtel de Ville, 44000 Nantes", acces.guichet("MAIRIE-NANTES", GESTIONNAIRE_44)
                .orElseThrow().adresse());
        assertTrue(acces.guichet("NMH", GESTIONNAIRE_44).isEmpty());
        try {
            annuaire.guichets("4410");
            fail("not a commune");
        } catch (DemandeInvalideException e) {
            assertEquals("commune", e.getErreurs().get(0).champ());
        }
    }
}
