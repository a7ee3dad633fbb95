package org.registrehub.acces.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.registrehub.api.Canal;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.acces.ConnexionVerrouilleeException;
import org.registrehub.api.acces.CriteresAudit;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.PageAudit;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.acces.spi.AuditStore;
import org.registrehub.testing.HorlogeReglable;

/** Brakes on password guessing: per login, per address, without bcrypt while locked, audited, bounded. */
public class FreinageTest {

    private final IdentitesMemoire store = new IdentitesMemoire();
    private final AtomicInteger bcrypts = new AtomicInteger();
    private final MotsDePasse motsDePasse = new MotsDePasse(4) {
        @Override
        boolean verifier(String empreinte, char[] motDePasse) {
            bcrypts.incrementAndGet();
            return super.verifier(empreinte, motDePasse);
        }
    };
    private final HorlogeReglable horloge = new HorlogeReglable(ZoneOffset.UTC, Instant.parse("2026-12-06T10:00:00Z"));
    private final List<EntreeAudit> audits = new ArrayList<>();
    private final AuditStore audit = new AuditStore() {
        @Override
        public void auditer(EntreeAudit entree) {
            audits.add(entree);
        }

        @Override
        public PageAudit rechercher(CriteresAudit criteres, Set<String> territoires, int page, int taille) {
            throw new UnsupportedOperationException();
        }
    };
    private final Freinage freinage = new Freinage(5, 8, Duration.ofMinutes(15), 2);
    private final Authentification authentification = new Authentification(store, motsDePasse, Duration.ofMinutes(5),
            horloge, freinage, audit);

    private void agent(String identifiant) {
        store.creerOrganisation(new Organisation("MAIRIE-NANTES", TypeOrganisation.GUICHET, "Mairie de Nantes",
                "G1104", true, Set.of("044")), null);
        store.creerUtilisateur(identifiant, "Agent", "MAIRIE-NANTES", EnumSet.of(Role.GUICHET),
                motsDePasse.empreinte("le bon mot de passe".toCharArray()), null);
    }

    private boolean essayer(String login, String motDePasse, String adresse) {
        return authentification.authentifier(login, motDePasse.toCharArray(), Canal.REST, adresse).isPresent();
    }

    @Test
    public void cinqEchecsVerrouillentLIdentifiantSansPlusAucunBcryptJusquALaFinDuVerrou() {
        agent("agent.nantes");
        for (int i = 0; i < 5; i++) {
            assertFalse(essayer("agent.nantes", "devine-" + i, "10.0.0.1"));
        }
        assertEquals("one lock, audited once", 1, audits.size());
        assertEquals("VERROU_CONNEXION", audits.get(0).operation());
        assertEquals(Canal.REST, audits.get(0).canal());
        int avant = bcrypts.get();
        try {
            essayer("agent.nantes", "le bon mot de passe", "10.0.0.2");
            fail("a locked login was checked");
        } catch (ConnexionVerrouilleeException e) {
            assertEquals(Instant.parse("2026-12-06T10:15:00Z"), e.getJusqua());
        }
        assertEquals("no bcrypt while locked", avant, bcrypts.get());

        horloge.avancer(Duration.ofMinutes(16));
        assertTrue(essayer("agent.nantes", "le bon mot de passe", "10.0.0.2"));
    }

    @Test
    public void unSuccesRemetLeCompteAZeroEtUnIdentifiantInconnuSeVerrouilleAussi() {
        agent("agent.nantes");
        for (int i = 0; i < 4; i++) {
            essayer("agent.nantes", "faux", null);
        }
        assertTrue(essayer("agent.nantes", "le bon mot de passe", null));
        for (int i = 0; i < 4; i++) {
            essayer("agent.nantes", "faux", null);
        }
        assertTrue("the count started again after the success", essayer("agent.nantes", "le bon mot de passe", null));

        for (int i = 0; i < 5; i++) {
            essayer("personne", "faux", null);
        }
        try {
            essayer("personne", "faux", null);
            fail("an unknown login is locked as a known one is: a lock tells nothing of who exists");
        } catch (ConnexionVerrouilleeException attendu) {
            assertEquals(Canal.REST, audits.get(0).canal());
        }
    }

    @Test
    public void uneAdresseQuiEssaieBeaucoupDIdentifiantsEstVerrouilleeEtLeDeverrouillageLeve() {
        agent("agent.nantes");
        for (int i = 0; i < 8; i++) {
            essayer("login" + i, "faux", "203.0.113.9");
        }
        try {
            essayer("agent.nantes", "le bon mot de passe", "203.0.113.9");
            fail("a locked address was checked");
        } catch (ConnexionVerrouilleeException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("adresse 203.0.113.9"));
        }
        assertTrue("another address is not concerned", essayer("agent.nantes", "le bon mot de passe", "10.0.0.1"));
        assertTrue(freinage.verrous(horloge.instant()).containsKey("203.0.113.9"));
        assertTrue(freinage.deverrouiller("203.0.113.9"));
        assertTrue(essayer("agent.nantes", "le bon mot de passe", "203.0.113.9"));
    }

    @Test
    public void lesVerificationsSimultaneesSontBornees() throws Exception {
        CountDownLatch pris = new CountDownLatch(2);
        CountDownLatch fin = new CountDownLatch(1);
        List<Thread> occupants = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> freinage.verifier(() -> {
                pris.countDown();
                try {
                    fin.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return true;
            }));
            t.start();
            occupants.add(t);
        }
        pris.await();
        try {
            freinage.verifier(() -> true);
            fail("a third check ran beside two");
        } catch (RegistreIndisponibleException attendu) {
            assertTrue(attendu.getMessage(), attendu.getMessage().contains("Trop de vérifications"));
        } finally {
            fin.countDown();
            for (Thread t : occupants) {
                t.join();
            }
        }
        assertTrue("free again", freinage.verifier(() -> true));
    }
}
