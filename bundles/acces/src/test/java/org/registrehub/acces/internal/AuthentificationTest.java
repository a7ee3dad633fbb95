package org.registrehub.acces.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.Test;
import org.registrehub.testing.HorlogeReglable;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;

/** Passwords, authentication, the JAAS login module and the first administrator. */
public class AuthentificationTest {

    /** bcrypt at its minimum cost for speed, counting the real verifications. */
    private static final class Comptees extends MotsDePasse {
        final AtomicInteger verifications = new AtomicInteger();

        Comptees() {
            super(4);
        }

        @Override
        boolean verifier(String empreinte, char[] motDePasse) {
            verifications.incrementAndGet();
            return super.verifier(empreinte, motDePasse);
        }
    }

    private final IdentitesMemoire store = new IdentitesMemoire();
    private final Comptees motsDePasse = new Comptees();
    private final HorlogeReglable horloge = new HorlogeReglable(ZoneOffset.UTC,
            Instant.parse("2026-11-23T10:00:00Z"));
    private final Authentification authentification = new Authentification(store, motsDePasse, Duration.ofMinutes(5),
            horloge);

    private void agent(String identifiant, String motDePasse, Role... roles) {
        store.creerOrganisation(new Organisation("MAIRIE-NANTES", TypeOrganisation.GUICHET, "Mairie de Nantes",
                "G1104", true, Set.of("044")), null);
        store.creerUtilisateur(identifiant, "Agent", "MAIRIE-NANTES", EnumSet.of(roles[0], roles),
                motsDePasse.empreinte(motDePasse.toCharArray()), null);
    }

    @Test
    public void bcryptHashesAreSaltedAndCheckedAndRandomPasswordsAreStrong() {
        MotsDePasse m = new MotsDePasse(12);
        String e1 = m.empreinte("correct horse battery".toCharArray());
        assertTrue(e1, e1.matches("^\\$2y\\$12\\$.{53}$"));
        assertFalse("salted", e1.equals(m.empreinte("correct horse battery".toCharArray())));
        assertTrue(m.verifier(e1, "correct horse battery".toCharArray()));
        assertFalse(m.verifier(e1, "correct horse batterY".toCharArray()));
        assertFalse("not a hash", m.verifier("motdepasse", "motdepasse".toCharArray()));
        String a = MotsDePasse.aleatoire();
        assertEquals(20, a.length());
        assertTrue(a, a.matches("[a-zA-Z2-9]{20}"));
        assertEquals("au moins 12 caractères", MotsDePasse.refus("court", "agent"));
        assertEquals("ne doit pas contenir l'identifiant", MotsDePasse.refus("agent.nantes2026!", "agent.nantes"));
        assertNull(MotsDePasse.refus("une phrase assez longue", "agent.nantes"));
    }

    @Test
    public void theRightPasswordGivesTheIdentityWithRolesAndTerritories() {
        agent("agent.nantes", "mot de passe du guichet", Role.GUICHET);
        Identite i = authentification.authentifier("agent.nantes", "mot de passe du guichet".toCharArray())
                .orElseThrow();
        assertEquals("agent.nantes", i.identifiant());
        assertEquals(Set.of(Role.GUICHET), i.roles());
        assertTrue(i.couvre("044"));
        assertFalse(i.couvre("059"));
        assertTrue(authentification.authentifier("agent.nantes", "mauvais mot de passe".toCharArray()).isEmpty());
        assertTrue(authentification.authentifier("inconnu", "mot de passe du guichet".toCharArray()).isEmpty());
        assertTrue(authentification.authentifier("agent.nantes", new char[0]).isEmpty());
        assertTrue(authentification.authentifier(null, "x".toCharArray()).isEmpty());
    }

    @Test
    public void aVerifiedPasswordIsRememberedButADisabledUserIsRefusedAtItsNextRequest() {
        agent("agent.nantes", "mot de passe du guichet", Role.GUICHET);
        for (int i = 0; i < 5; i++) {
            assertTrue(authentification.authentifier("agent.nantes", "mot de passe du guichet".toCharArray())
                    .isPresent());
        }
        assertEquals("one bcrypt for five logins", 1, motsDePasse.verifications.get());

        store.activerUtilisateur("agent.nantes", false, null);
        assertTrue(authentification.authentifier("agent.nantes", "mot de passe du guichet".toCharArray()).isEmpty());
        store.activerUtilisateur("agent.nantes", true, null);
        assertTrue(authentification.authentifier("agent.nantes", "mot de passe du guichet".toCharArray()).isPresent());

        horloge.avancer(Duration.ofMinutes(6));
        authentification.authentifier("agent.nantes", "mot de passe du guichet".toCharArray());
        assertEquals("checked again after the memory expired", 2, motsDePasse.verifications.get());
    }

    @Test
    public void aChangedPasswordInvalidatesTheRememberedOne() {
        agent("agent.nantes", "ancien mot de passe", Role.GUICHET);
        assertTrue(authentification.authentifier("agent.nantes", "ancien mot de passe".toCharArray()).isPresent());
        store.changerEmpreinte("agent.nantes", motsDePasse.empreinte("nouveau mot de passe".toCharArray()), null);
        assertTrue(authentification.authentifier("agent.nantes", "ancien mot de passe".toCharArray()).isEmpty());
        assertTrue(authentification.authentifier("agent.nantes", "nouveau mot de passe".toCharArray()).isPresent());
    }

    @Test
    public void theLoginModuleGivesTheRolesOfTheRegisterAndOfTheConsole() throws Exception {
        agent("gestionnaire.44", "mot de passe gestionnaire", Role.GESTIONNAIRE);
        Subject sujet = new Subject();
        RegistreLoginModule module = module(sujet, "gestionnaire.44", "mot de passe gestionnaire");
        assertTrue(module.login());
        assertTrue(module.commit());
        assertTrue(sujet.getPrincipals().contains(new UserPrincipal("gestionnaire.44")));
        assertEquals("no viewer: JMX and Karaf's own commands are the administrators'", Set.of("gestionnaire", "ssh"),
                noms(sujet));
        assertEquals(1, sujet.getPrincipals(Identite.class).size());
        module.logout();
        assertTrue(sujet.getPrincipals().isEmpty());

        Subject refuse = new Subject();
        RegistreLoginModule mauvais = module(refuse, "gestionnaire.44", "pas le bon");
        try {
            mauvais.login();
            throw new AssertionError("wrong password accepted");
        } catch (FailedLoginException expected) {
            assertTrue(refuse.getPrincipals().isEmpty());
        }
    }

    @Test
    public void theFirstStartCreatesOneAdministratorWithASecretOnlyItsOwnerReads() throws Exception {
        Path dossier = Files.createTempDirectory("registre-secret");
        Path fichier = dossier.resolve("registre").resolve("admin.secret");
        AdministrateurInitial initial = new AdministrateurInitial(store, motsDePasse, "admin", fichier);
        assertTrue(initial.creerSiAbsent());
        assertFalse("only once", initial.creerSiAbsent());
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(fichier));
        Properties secret = new Properties();
        try (var in = Files.newBufferedReader(fichier)) {
            secret.load(in);
        }
        assertEquals("admin", secret.getProperty("identifiant"));
        Identite admin = authentification.authentifier("admin", secret.getProperty("motDePasse").toCharArray())
                .orElseThrow();
        assertEquals(Set.of(Role.ADMIN), admin.roles());
        assertEquals(TypeOrganisation.HUB, admin.organisation().type());
        assertEquals(List.of("admin"), store.utilisateurs(null).stream().map(u -> u.identifiant()).toList());
    }

    private final org.registrehub.api.acces.CompteInterne interne = new org.registrehub.api.acces.CompteInterne() {
        private final String secret = MotsDePasse.aleatoire() + MotsDePasse.aleatoire();

        @Override
        public String identifiant() {
            return IDENTIFIANT;
        }

        @Override
        public String motDePasse() {
            return secret;
        }
    };

    @Test
    public void theHubsInternalBrokerAccountIsCheckedInMemoryAndHasNoRegisterIdentity() throws Exception {
        assertEquals(40, interne.motDePasse().length());
        Subject sujet = new Subject();
        RegistreLoginModule module = module(sujet, interne.identifiant(), interne.motDePasse());
        assertTrue(module.login());
        assertTrue(module.commit());
        assertEquals(Set.of("interne"), noms(sujet));
        assertTrue("no identity: REST, SOAP and the console refuse it", sujet.getPrincipals(Identite.class).isEmpty());
        try {
            module(new Subject(), interne.identifiant(), "pas le bon").login();
            throw new AssertionError("wrong secret accepted");
        } catch (FailedLoginException expected) {
            // refused, and the database is never asked
        }
    }

    private RegistreLoginModule module(Subject sujet, String identifiant, String motDePasse) {
        RegistreLoginModule module = new RegistreLoginModule();
        module.initialize(sujet, callbacks -> {
            ((NameCallback) callbacks[0]).setName(identifiant);
            ((PasswordCallback) callbacks[1]).setPassword(motDePasse.toCharArray());
        }, java.util.Map.of(), java.util.Map.of(RegistreRealm.OPTION_SERVICE, authentification,
                RegistreRealm.OPTION_INTERNE, (java.util.function.Supplier<org.registrehub.api.acces.CompteInterne>)
                        () -> interne));
        return module;
    }

    private static Set<String> noms(Subject sujet) {
        return sujet.getPrincipals(RolePrincipal.class).stream().map(RolePrincipal::getName)
                .collect(java.util.stream.Collectors.toSet());
    }
}
