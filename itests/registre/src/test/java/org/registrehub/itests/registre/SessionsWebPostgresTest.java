package org.registrehub.itests.registre;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.registrehub.acces.internal.Authentification;
import org.registrehub.acces.internal.Freinage;
import org.registrehub.acces.internal.SecuriteConfig;
import org.registrehub.acces.internal.SessionsWebPostgres;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.SessionWeb;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.acces.spi.IdentiteStore;
import org.registrehub.testing.HorlogeReglable;
import org.registrehub.testing.registre.RegistreJetable;

/**
 * The staff's web sessions on PostgreSQL: the token kept hashed only, the identity re-read at each request, the
 * inactivity delay and the maximum duration, a disabled user out at once, the logout, each opening and closing audited.
 */
public class SessionsWebPostgresTest {

    private static final String EMPREINTE = "$2y$10$" + "abcdefghijklmnopqrstuv".repeat(3).substring(0, 53);

    @Rule
    public final RegistreJetable registre = new RegistreJetable("registre_sessions_web");
    private final HorlogeReglable horloge = new HorlogeReglable(ZoneId.of("Europe/Paris"),
            Instant.parse("2026-12-07T08:00:00Z"));
    private SessionsWebPostgres sessions;
    private IdentiteStore acces;
    private Identite agent;

    @Before
    public void setUp() {
        acces = registre.base().acces();
        acces.creerOrganisation(new Organisation("MAIRIE-NANTES", TypeOrganisation.GUICHET, "Mairie de Nantes", "G1104",
                true, Set.of("044")), null);
        acces.creerUtilisateur("agent.nantes", "Agent Nantes", "MAIRIE-NANTES", EnumSet.of(Role.GUICHET), EMPREINTE,
                null);
        SecuriteConfig config = defauts();
        Authentification authentification = new Authentification(acces, new Freinage(config), registre.base().audit(),
                config);
        sessions = new SessionsWebPostgres(registre.base().base(), authentification, registre.base().audit(), horloge,
                Duration.ofMinutes(30), Duration.ofHours(10));
        agent = authentification.identite("agent.nantes").orElseThrow();
    }

    /** The configuration's defaults, as Declarative Services would give them without a file. */
    private static SecuriteConfig defauts() {
        return (SecuriteConfig) Proxy.newProxyInstance(SecuriteConfig.class.getClassLoader(),
                new Class<?>[] {SecuriteConfig.class}, (p, m, a) -> m.getDefaultValue());
    }

    @Test
    public void uneSessionOuverteEstRelueParSonJetonQuiNEstGardeQueHache() {
        SessionWeb s = sessions.ouvrir(agent, "203.0.113.9");
        assertEquals(43, s.jeton().length());
        assertNotEquals(s.jeton(), s.csrf());
        SessionWeb relue = sessions.session(s.jeton()).orElseThrow();
        assertEquals("agent.nantes", relue.identite().identifiant());
        assertEquals(Set.of("044"), relue.identite().territoires());
        assertEquals(s.csrf(), relue.csrf());
        assertEquals(0, registre.db().count("SELECT count(*) FROM session_web WHERE empreinte = '" + s.jeton() + "'"));
        assertEquals(1, registre.db().count("SELECT count(*) FROM session_web WHERE identifiant = 'agent.nantes'"
                + " AND adresse = '203.0.113.9'"));
        assertEquals(1, registre.db().count("SELECT count(*) FROM audit WHERE operation = 'CONNEXION_WEB'"
                + " AND canal = 'WEB' AND acteur = 'agent.nantes' AND organisation = 'MAIRIE-NANTES'"));
        assertTrue(sessions.session("x".repeat(43)).isEmpty());
        assertTrue(sessions.session(null).isEmpty());
        assertTrue(sessions.session("court").isEmpty());
    }

    @Test
    public void lInactiviteFermeLaSessionEtChaqueRequeteLaProlonge() {
        SessionWeb s = sessions.ouvrir(agent, null);
        horloge.avancer(Duration.ofMinutes(25));
        assertTrue(sessions.session(s.jeton()).isPresent());
        horloge.avancer(Duration.ofMinutes(25));
        assertTrue("prolongée par la lecture précédente", sessions.session(s.jeton()).isPresent());
        horloge.avancer(Duration.ofMinutes(31));
        assertTrue(sessions.session(s.jeton()).isEmpty());
    }

    @Test
    public void uneSessionActiveSeFermeAuBoutDeSaDureeMaximale() {
        SessionWeb s = sessions.ouvrir(agent, null);
        for (int i = 0; i < 29; i++) {
            horloge.avancer(Duration.ofMinutes(20));
            assertTrue("à " + (i + 1) * 20 + " min", sessions.session(s.jeton()).isPresent());
        }
        horloge.avancer(Duration.ofMinutes(20));
        assertTrue("10 h passées", sessions.session(s.jeton()).isEmpty());
    }

    @Test
    public void unUtilisateurDesactivePerdSaSessionALaRequeteSuivante() {
        SessionWeb s = sessions.ouvrir(agent, null);
        acces.activerUtilisateur("agent.nantes", false, null);
        assertTrue(sessions.session(s.jeton()).isEmpty());
        assertEquals(0, registre.db().count("SELECT count(*) FROM session_web"));
        acces.activerUtilisateur("agent.nantes", true, null);
        assertTrue("la session fermée ne revient pas", sessions.session(s.jeton()).isEmpty());
    }

    @Test
    public void laDeconnexionFermeLaSessionEtEstAuditee() {
        SessionWeb s = sessions.ouvrir(agent, null);
        SessionWeb autre = sessions.ouvrir(agent, null);
        sessions.fermer(s.jeton());
        assertTrue(sessions.session(s.jeton()).isEmpty());
        assertFalse("l'autre session reste ouverte", sessions.session(autre.jeton()).isEmpty());
        assertEquals(1, registre.db().count("SELECT count(*) FROM audit WHERE operation = 'DECONNEXION_WEB'"
                + " AND canal = 'WEB' AND acteur = 'agent.nantes'"));
        sessions.fermer(s.jeton());
        sessions.fermer("inconnu");
        assertEquals("une seconde fermeture n'écrit rien", 1, registre.db().count(
                "SELECT count(*) FROM audit WHERE operation = 'DECONNEXION_WEB'"));
    }
}
