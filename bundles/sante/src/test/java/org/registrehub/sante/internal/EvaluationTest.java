package org.registrehub.sante.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.Test;
import org.registrehub.api.EtatSante;
import org.registrehub.api.EtatSante.Statut;
import org.registrehub.api.SanteHub.Sante;
import org.registrehub.sante.internal.Evaluation.Attendu;
import org.registrehub.sante.internal.Evaluation.EtatBundle;

public class EvaluationTest {

    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

    private static EtatSante up(String composant) {
        return new EtatSante(composant, Statut.UP, "ok", T0);
    }

    private static Attendu attendu(String composant, EtatBundle etat, boolean dejaPublie) {
        return new Attendu(composant, "org.registrehub.registre-acces", etat, dejaPublie, T0);
    }

    @Test
    public void upOnlyWhenEveryExpectedComponentIsReportedUp() {
        Sante sante = Evaluation.evaluer(List.of(), List.of(up("base-de-donnees"), up("authentification")));
        assertEquals(Statut.UP, sante.statut());
        assertEquals(List.of("authentification", "base-de-donnees"),
                sante.composants().stream().map(EtatSante::composant).toList());
    }

    /** The database UP while the security bundle has not published its realm yet: the hub is not ready. */
    @Test
    public void aDeclaredComponentNotYetRegisteredKeepsTheHubStarting() {
        Sante sante = Evaluation.evaluer(List.of(attendu("authentification", EtatBundle.ACTIF, false)),
                List.of(up("base-de-donnees")));
        assertEquals(Statut.STARTING, sante.statut());
        EtatSante auth = sante.nonPrets().get(0);
        assertEquals("authentification", auth.composant());
        assertTrue(auth.message(), auth.message().contains("en démarrage")
                && auth.message().contains("org.registrehub.registre-acces"));
    }

    @Test
    public void aComponentGoneAfterItWasRegisteredIsRestarting() {
        Sante sante = Evaluation.evaluer(List.of(attendu("authentification", EtatBundle.ACTIF, true)),
                List.of(up("base-de-donnees")));
        assertEquals(Statut.STARTING, sante.statut());
        assertTrue(sante.nonPrets().get(0).message(), sante.nonPrets().get(0).message().startsWith("redémarre"));
    }

    @Test
    public void aBundleStoppedByAnAdministratorIsDownAndSaysHowToStartIt() {
        Sante sante = Evaluation.evaluer(List.of(attendu("authentification", EtatBundle.ARRETE, true),
                attendu("console", EtatBundle.EN_DEMARRAGE, false)), List.of(up("base-de-donnees")));
        assertEquals(Statut.DOWN, sante.statut());
        assertEquals(Statut.DOWN, sante.composants().get(0).statut());
        assertTrue(sante.composants().get(0).message().contains("bundle:start org.registrehub.registre-acces pour"));
        assertEquals(Statut.STARTING, sante.composants().get(2).statut());
    }

    @Test
    public void aReportedComponentWinsOverItsDeclarationAndTheWorstOfTwoRegistrationsSpeaks() {
        EtatSante bas = new EtatSante("base-de-donnees", Statut.DOWN, "PostgreSQL injoignable", T0);
        Sante sante = Evaluation.evaluer(List.of(attendu("base-de-donnees", EtatBundle.ACTIF, true)),
                List.of(up("base-de-donnees"), bas));
        assertEquals(Statut.DOWN, sante.statut());
        assertEquals(List.of(bas), sante.composants());
    }

    @Test
    public void nothingKnownYetIsStarting() {
        assertEquals(Statut.STARTING, Evaluation.evaluer(List.of(), List.of()).statut());
    }

    @Test
    public void downWinsOverStartingWhichWinsOverUp() {
        EtatSante down = new EtatSante("b", Statut.DOWN, "PostgreSQL injoignable", T0);
        EtatSante starting = new EtatSante("c", Statut.STARTING, "démarrage", T0);
        assertEquals(Statut.DOWN, Evaluation.evaluer(List.of(), List.of(starting, down, up("a"))).statut());
        assertEquals(Statut.STARTING, Evaluation.evaluer(List.of(), List.of(up("a"), starting)).statut());
    }
}
