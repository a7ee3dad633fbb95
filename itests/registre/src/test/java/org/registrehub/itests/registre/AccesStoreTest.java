package org.registrehub.itests.registre;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.registrehub.api.Canal;
import org.registrehub.api.Demande;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.EvenementDemande;
import org.registrehub.api.Operation;
import org.registrehub.api.Statut;
import org.registrehub.api.acces.CriteresAudit;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.PageAudit;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.acces.spi.AuditStore;
import org.registrehub.api.acces.spi.IdentiteStore;
import org.registrehub.api.acces.spi.IdentiteStore.Compte;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.registre.RegistreJetable;

/** Organisations, users, territories and the append-only audit trail on a real, throw-away PostgreSQL. */
public class AccesStoreTest {

    /** A well-formed bcrypt hash (the schema refuses anything else); the store never checks passwords itself. */
    private static final String EMPREINTE = "$2y$10$" + "abcdefghijklmnopqrstuv".repeat(3).substring(0, 53);

    @Rule
    public final RegistreJetable registre = new RegistreJetable("registre_acces_test");
    private IdentiteStore acces;
    private AuditStore audit;

    @Before
    public void setUp() {
        acces = registre.base().acces();
        audit = registre.base().audit();
    }

    private static Organisation guichet(String code, String guichet, String... territoires) {
        return new Organisation(code, TypeOrganisation.GUICHET, "Mairie " + code, guichet, true, Set.of(territoires));
    }

    @Test
    public void organisationsKeepTheirTerritoriesAndTheirCodesAreUnique() {
        assertTrue(acces.creerOrganisation(guichet("MAIRIE-NANTES", "G1104", "044", "085"), null));
        assertFalse("same code", acces.creerOrganisation(guichet("MAIRIE-NANTES", "G1105", "044"), null));
        assertFalse("same guichet code", acces.creerOrganisation(guichet("AUTRE", "G1104", "044"), null));
        Organisation lue = acces.organisation("MAIRIE-NANTES").orElseThrow();
        assertEquals(Set.of("044", "085"), lue.territoires());
        assertEquals("G1104", lue.guichet());

        acces.accorderTerritoire("MAIRIE-NANTES", "049", null);
        acces.revoquerTerritoire("MAIRIE-NANTES", "085", null);
        assertEquals(Set.of("044", "049"), acces.organisation("MAIRIE-NANTES").orElseThrow().territoires());
        assertEquals(List.of("MAIRIE-NANTES"), acces.organisations().stream().map(Organisation::code).toList());
        assertTrue(acces.organisation("INCONNUE").isEmpty());
    }

    @Test
    public void aUserComesBackWithItsRolesOrganisationAndHashAndCanBeDisabledAtOnce() {
        acces.creerOrganisation(guichet("MAIRIE-NANTES", "G1104", "044"), null);
        assertTrue(acces.creerUtilisateur("agent.nantes", "Agent Nantes", "MAIRIE-NANTES",
                EnumSet.of(Role.GUICHET, Role.GESTIONNAIRE), EMPREINTE, null));
        assertFalse("same login", acces.creerUtilisateur("agent.nantes", "Autre", "MAIRIE-NANTES",
                EnumSet.of(Role.GUICHET), EMPREINTE, null));
        assertFalse("unknown organisation", acces.creerUtilisateur("perdu", "Perdu", "INCONNUE",
                EnumSet.of(Role.GUICHET), EMPREINTE, null));

        Compte c = acces.compte("agent.nantes").orElseThrow();
        assertEquals(EMPREINTE, c.empreinte());
        assertEquals(EnumSet.of(Role.GUICHET, Role.GESTIONNAIRE), c.utilisateur().roles());
        assertEquals(Set.of("044"), c.organisation().territoires());
        assertTrue(c.utilisateur().actif());
        assertNull(c.utilisateur().desactiveLe());
        assertEquals(1, acces.utilisateursActifs(Role.GESTIONNAIRE));

        assertTrue(acces.activerUtilisateur("agent.nantes", false, null));
        Compte desactive = acces.compte("agent.nantes").orElseThrow();
        assertFalse(desactive.utilisateur().actif());
        assertNotNull(desactive.utilisateur().desactiveLe());
        assertEquals(0, acces.utilisateursActifs(Role.GESTIONNAIRE));
        assertTrue(acces.activerUtilisateur("agent.nantes", true, null));
        assertTrue(acces.compte("agent.nantes").orElseThrow().utilisateur().actif());
        assertFalse(acces.activerUtilisateur("inconnu", false, null));
    }

    @Test
    public void theDirectoryListsTheActiveGuichetsOfADepartementWithTheirAddress() throws Exception {
        acces.creerOrganisation(guichet("MAIRIE-NANTES", "G1104", "044"), null);
        acces.creerOrganisation(guichet("MAIRIE-REZE", "G4402", "044", "085"), null);
        acces.creerOrganisation(guichet("MAIRIE-LILLE", "G5901", "059"), null);
        acces.creerOrganisation(new Organisation("DDETS44", TypeOrganisation.ETAT, "DDETS", null, true, Set.of("044")), null);
        assertTrue(acces.changerCoordonnees("MAIRIE-NANTES", "2 rue de l'Hôtel de Ville, 44000 Nantes",
                "lundi-vendredi 8h30-17h", null));
        assertFalse(acces.changerCoordonnees("INCONNUE", "x", "y", null));
        executer("UPDATE organisation SET active = false WHERE code = 'MAIRIE-REZE'");
        List<org.registrehub.api.acces.Guichet> guichets = acces.annuaire("044", "44109");
        assertEquals(List.of("G1104"), guichets.stream().map(g -> g.guichet()).toList());
        assertEquals("lundi-vendredi 8h30-17h", guichets.get(0).horaires());
        assertEquals(List.of("G5901"), acces.annuaire("059", "59350").stream().map(g -> g.guichet()).toList());
        assertTrue(acces.annuaire("02A", "2A004").isEmpty());
        // one guichet's entry, read by its organisation (a disabled one too: its gestionnaire still edits it)
        assertEquals("2 rue de l'Hôtel de Ville, 44000 Nantes", acces.guichet("MAIRIE-NANTES").orElseThrow()
                .adresse());
        assertEquals(Set.of("044", "085"), acces.guichet("MAIRIE-REZE").orElseThrow().territoires());
        assertTrue("no guichet code", acces.guichet("DDETS44").isEmpty());
        assertTrue(acces.guichet("INCONNUE").isEmpty());
    }

    @Test
    public void anEpciTerritoryMustBeKnownAndGivesItsCommunesToTheAccountsOfTheOrganisation() throws Exception {
        org.registrehub.api.acces.Epci nm = new org.registrehub.api.acces.Epci("244400404", "Nantes Métropole",
                Set.of("44109", "44143", "44162"));
        acces.definirEpci(nm, null);
        assertEquals(nm, acces.epci("244400404").orElseThrow());
        acces.definirEpci(new org.registrehub.api.acces.Epci("244400404", "Nantes Métropole",
                Set.of("44109", "44143")), null);
        assertEquals(Set.of("44109", "44143"), acces.epci("244400404").orElseThrow().communes());
        acces.definirEpci(new org.registrehub.api.acces.Epci("200023414", "CA de la Presqu'île de Guérande",
                Set.of("44069")), null);
        assertEquals(List.of("CA de la Presqu'île de Guérande", "Nantes Métropole"), acces.epcis().stream()
                .map(org.registrehub.api.acces.Epci::nom).toList());
        assertEquals(Set.of("44109", "44143"), acces.epcis().get(1).communes());
        assertTrue(acces.creerOrganisation(new Organisation("BAILLEUR-NM", TypeOrganisation.BAILLEUR, "Bailleur",
                "G4403", true, Set.of("244400404")), null));
        acces.creerUtilisateur("agent.nm", "Agent", "BAILLEUR-NM", EnumSet.of(Role.BAILLEUR), EMPREINTE, null);
        assertEquals(Set.of("44109", "44143"), acces.compte("agent.nm").orElseThrow().communes());
        assertEquals(List.of("G4403"), acces.annuaire("044", "44143").stream().map(g -> g.guichet()).toList());
        assertTrue("not a commune of the EPCI", acces.annuaire("085", "85191").isEmpty());
        refuse("INSERT INTO organisation_territoire SELECT id, '999999999' FROM organisation WHERE code = 'BAILLEUR-NM'");
    }

    @Test
    public void aChangeAndItsAuditLineAreWrittenTogetherOrNotAtAll() {
        EntreeAudit ligne = new EntreeAudit(Instant.parse("2026-11-23T10:00:00Z"), "gestionnaire.44", "DDETS44",
                Canal.REST, "CREATION_ORGANISATION", null, "044", "organisation NMH");
        assertTrue(acces.creerOrganisation(guichet("NMH", "G4405", "044"), ligne));
        assertFalse("the same code again: no change, no audit line", acces.creerOrganisation(guichet("NMH", "G4406",
                "044"), ligne));
        assertEquals(1, registre.db().count("select count(*) from audit where operation = 'CREATION_ORGANISATION'"));
        assertFalse(acces.activerUtilisateur("inconnu", false, ligne));
        assertEquals(1, registre.db().count("select count(*) from audit"));
        EntreeAudit tropLong = new EntreeAudit(Instant.now(), "x".repeat(300), "DDETS44", Canal.REST,
                "CREATION_ORGANISATION", null, "044", null);
        try {
            acces.creerOrganisation(guichet("MAIRIE-REZE", "G4402", "044"), tropLong);
            fail("an audit line the table refuses");
        } catch (org.registrehub.api.RegistreException e) {
            assertTrue("the change is rolled back with its audit line", acces.organisation("MAIRIE-REZE").isEmpty());
        }
    }

    @Test
    public void theSchemaRefusesWhatIsNotAHashOrNotARole() throws Exception {
        acces.creerOrganisation(guichet("MAIRIE-NANTES", "G1104", "044"), null);
        refuse("INSERT INTO utilisateur (identifiant, organisation_id, empreinte, roles) SELECT 'clair', id,"
                + " 'motdepasse', ARRAY['guichet'] FROM organisation");
        refuse("INSERT INTO utilisateur (identifiant, organisation_id, empreinte, roles) SELECT 'pirate', id, '"
                + EMPREINTE + "', ARRAY['root'] FROM organisation");
        refuse("INSERT INTO organisation_territoire SELECT id, '44' FROM organisation");
    }

    @Test
    public void usersOfADisabledOrganisationAreInactive() throws Exception {
        acces.creerOrganisation(guichet("MAIRIE-NANTES", "G1104", "044"), null);
        acces.creerUtilisateur("agent.nantes", "Agent", "MAIRIE-NANTES", EnumSet.of(Role.GUICHET), EMPREINTE, null);
        executer("UPDATE organisation SET active = false");
        assertFalse(acces.compte("agent.nantes").orElseThrow().utilisateur().actif());
    }

    @Test
    public void auditLinesAreFilteredByCriteriaAndTerritoriesAndNeverChange() throws Exception {
        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        audit.auditer(new EntreeAudit(t, "agent.nantes", "MAIRIE-NANTES", Canal.REST, "CONSULTATION",
                "0441126000001G1104", "044", null));
        audit.auditer(new EntreeAudit(t.plusSeconds(60), "agent.lille", "MAIRIE-LILLE", Canal.SOAP, "RECHERCHE",
                null, "059", "nom=martin"));
        audit.auditer(new EntreeAudit(t.plusSeconds(120), "agent.nantes", "MAIRIE-NANTES", Canal.REST,
                "ATTESTATION", "0441126000001G1104", "044", null));

        PageAudit tout = audit.rechercher(CriteresAudit.aucun(), null, 0, 10);
        assertEquals(3, tout.total());
        assertEquals("most recent first", "ATTESTATION", tout.entrees().get(0).operation());
        assertEquals(2, audit.rechercher(new CriteresAudit("agent.nantes", null, null, null, null, null, null),
                null, 0, 10).total());
        assertEquals(1, audit.rechercher(new CriteresAudit(null, null, "0441126000001G1104", "CONSULTATION", null,
                null, null), null, 0, 10).total());
        assertEquals(1, audit.rechercher(new CriteresAudit(null, null, null, null, null, t.plusSeconds(30),
                t.plusSeconds(90)), null, 0, 10).total());
        assertEquals(1, audit.rechercher(CriteresAudit.aucun(), Set.of("059"), 0, 10).total());
        assertEquals(0, audit.rechercher(CriteresAudit.aucun(), Set.of(), 0, 10).total());
        PageAudit page = audit.rechercher(CriteresAudit.aucun(), null, 1, 2);
        assertEquals(1, page.entrees().size());
        assertEquals(3, page.total());

        refuse("UPDATE audit SET acteur = 'personne'");
        refuse("DELETE FROM audit");
        refuse("TRUNCATE audit");
        assertEquals(3, registre.db().count("select count(*) from audit"));
    }

    @Test
    public void everyChangeOfADemandIsAuditedInTheSameTransaction() {
        acces.creerOrganisation(guichet("MAIRIE-NANTES", "G1104", "044"), null);
        acces.creerUtilisateur("agent.nantes", "Agent", "MAIRIE-NANTES", EnumSet.of(Role.GUICHET), EMPREINTE, null);
        Demande d = new Demande("0441126000001G1104", Statut.ACTIVE, "G1104", "044", LocalDate.of(2026, 11, 23),
                LocalDate.of(2027, 11, 23), null, null, 0, Exemples.dossier("Martin"));
        EntreeHistorique creation = new EntreeHistorique(0, Instant.now(), Operation.ENREGISTREMENT, "agent.nantes",
                Canal.REST, List.of(), null);
        registre.base().demandes().inserer(d, creation, new EvenementDemande(java.util.UUID.randomUUID(), "demandeEnregistree",
                d.numeroUnique(), Instant.now(), "{}"), Set.of(), null);
        EntreeAudit ligne = audit.rechercher(CriteresAudit.aucun(), null, 0, 10).entrees().get(0);
        assertEquals("agent.nantes", ligne.acteur());
        assertEquals("MAIRIE-NANTES", ligne.organisation());
        assertEquals("ENREGISTREMENT", ligne.operation());
        assertEquals("044", ligne.territoire());
        assertEquals(Canal.REST, ligne.canal());
    }

    private void refuse(String sql) {
        try {
            executer(sql);
            fail("accepted: " + sql);
        } catch (SQLException expected) {
            // the schema refuses it
        }
    }

    private void executer(String sql) throws SQLException {
        try (Connection c = registre.db().connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
