package org.registrehub.json.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;

import org.junit.Test;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.Statut;
import org.registrehub.api.Typologie;

public class JacksonJsonCodecTest {

    private final JacksonJsonCodec codec = new JacksonJsonCodec();

    @Test
    public void readsAValidDemand() {
        NouvelleDemande d = codec.lire("{\"nom\":\"Martin\",\"prenom\":\"Léa\",\"dateNaissance\":\"1990-04-12\","
                + "\"commune\":\"44109\",\"typologie\":\"T3\",\"guichet\":\"G1104\"}", NouvelleDemande.class);
        assertEquals("Martin", d.nom());
        assertEquals(LocalDate.of(1990, 4, 12), d.dateNaissance());
        assertEquals(Typologie.T3, d.typologie());
    }

    @Test
    public void writesDatesAsIsoStrings() {
        Demande d = new Demande("044112300001 2G1104".replace(" ", ""), "Martin", "Léa", LocalDate.of(1990, 4, 12),
                "44109", Typologie.T3, "G1104", LocalDate.of(2023, 11, 2), Statut.ACTIVE, 0);
        String json = codec.ecrire(d);
        assertTrue(json, json.contains("\"dateNaissance\":\"1990-04-12\""));
        assertTrue(json, json.contains("\"typologie\":\"T3\""));
    }

    @Test
    public void unknownEnumValueNamesFieldAndAllowedValues() {
        ErreurChamp e = erreur("{\"typologie\":\"T9\"}");
        assertEquals("typologie", e.champ());
        assertEquals("valeur-autorisee", e.regle());
        assertEquals("T9", e.valeurRejetee());
        assertTrue(e.message(), e.message().contains("T6_PLUS"));
    }

    @Test
    public void malformedDateNamesField() {
        ErreurChamp e = erreur("{\"dateNaissance\":\"1990-13-45\"}");
        assertEquals("dateNaissance", e.champ());
        assertEquals("format", e.regle());
        assertEquals("1990-13-45", e.valeurRejetee());
    }

    @Test
    public void wrongTypeNamesField() {
        ErreurChamp e = erreur("{\"nom\":{\"a\":1}}");
        assertEquals("nom", e.champ());
        assertEquals("type", e.regle());
    }

    @Test
    public void unknownFieldIsRefused() {
        ErreurChamp e = erreur("{\"nomm\":\"x\"}");
        assertEquals("nomm", e.champ());
        assertEquals("champ-inconnu", e.regle());
        assertTrue(e.message(), e.message().contains("prenom"));
    }

    @Test
    public void malformedJsonGivesPosition() {
        ErreurChamp e = erreur("{\"nom\": \"x\",, }");
        assertEquals("$", e.champ());
        assertEquals("json-malforme", e.regle());
        assertTrue(e.message(), e.message().contains("ligne 1"));
    }

    @Test
    public void emptyAndNonObjectDocumentsAreRefused() {
        assertEquals("document-vide", erreur("").regle());
        assertEquals("document-vide", erreur("null").regle());
        assertEquals("type", erreur("[1,2]").regle());
    }

    @Test
    public void duplicateKeysAreRefused() {
        assertEquals("json-malforme", erreur("{\"nom\":\"a\",\"nom\":\"b\"}").regle());
    }

    @Test
    public void oversizeStringIsRefused() {
        String big = "x".repeat(JacksonJsonCodec.MAX_STRING_LENGTH + 1);
        assertEquals("taille", erreur("{\"nom\":\"" + big + "\"}").regle());
    }

    private ErreurChamp erreur(String json) {
        try {
            codec.lire(json, NouvelleDemande.class);
            fail("expected DemandeInvalideException for " + json);
            return null;
        } catch (DemandeInvalideException e) {
            assertEquals(1, e.getErreurs().size());
            return e.getErreurs().get(0);
        }
    }
}
