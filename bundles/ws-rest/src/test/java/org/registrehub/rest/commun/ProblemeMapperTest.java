package org.registrehub.rest.commun;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import javax.ws.rs.NotSupportedException;

import org.junit.Test;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.VersionObsoleteException;

public class ProblemeMapperTest {

    @Test
    public void invalidDemandIs400WithFieldErrors() {
        ErreurChamp erreur = new ErreurChamp("commune", "format", "4410", "code commune INSEE attendu");
        Probleme p = ProblemeMapper.probleme(new DemandeInvalideException(List.of(erreur)), "/demandes");
        assertEquals(400, p.status());
        assertEquals("urn:registrehub:probleme:demande-invalide", p.type());
        assertEquals("DEMANDE_INVALIDE", p.code());
        assertEquals(List.of(erreur), p.erreurs());
        assertEquals("/demandes", p.instance());
    }

    @Test
    public void statusesOfTheOtherFailures() {
        assertEquals(404, ProblemeMapper.probleme(new DemandeIntrouvableException("0440324000001G1104"), null).status());
        assertEquals(503, ProblemeMapper.probleme(new RegistreIndisponibleException("base", null), null).status());
        Probleme interne = ProblemeMapper.probleme(new RegistreException("ERREUR_INTERNE", "boum"), null);
        assertEquals(500, interne.status());
        assertTrue(interne.detail(), interne.detail().contains("incident"));
        Probleme media = ProblemeMapper.probleme(new NotSupportedException(), null);
        assertEquals(415, media.status());
        assertTrue(media.detail(), media.detail().contains("application/json"));
        assertEquals(500, ProblemeMapper.probleme(new NullPointerException(), null).status());
    }

    @Test
    public void lifeCycleFailures() {
        assertEquals(412, ProblemeMapper.probleme(new VersionObsoleteException("0440324000001G1104", 1, 2), null)
                .status());
        assertEquals(428, ProblemeMapper.probleme(new VersionRequiseException(), null).status());
        assertEquals(409, ProblemeMapper.probleme(new TransitionInterditeException("déjà radiée"), null).status());
        org.registrehub.api.Doublon doublon = new org.registrehub.api.Doublon("0440324000001G1104", "NIR", "G1104",
                java.time.LocalDate.of(2024, 3, 1));
        Probleme p = ProblemeMapper.probleme(new org.registrehub.api.DoublonPresumeException(List.of(doublon)), null);
        assertEquals(409, p.status());
        assertEquals("DOUBLON_PRESUME", p.code());
        assertEquals(List.of(doublon), p.doublons());
    }

    /** A capability not installed is not an incident: 503 with the feature to install, and no incident id. */
    @Test
    public void aMissingFeatureIsNamedInTheAnswer() {
        Probleme p = ProblemeMapper.probleme(new org.registrehub.api.FonctionnaliteAbsenteException("L'Infocentre",
                "registre-statistiques"), "/api/v1/statistiques/qualite");
        assertEquals(503, p.status());
        assertEquals("REGISTRE_INDISPONIBLE", p.code());
        assertTrue(p.detail(), p.detail().contains("feature:install registre-statistiques")
                && !p.detail().contains("incident"));
        try {
            org.registrehub.api.AttestationService.parmi(List.of());
            org.junit.Assert.fail("an attestation without its feature");
        } catch (org.registrehub.api.FonctionnaliteAbsenteException expected) {
            assertEquals("registre-attestation", expected.getFonctionnalite());
        }
    }
}
