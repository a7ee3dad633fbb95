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
import org.registrehub.testing.Exemples;

public class JacksonJsonCodecTest {

    private final JacksonJsonCodec codec = new JacksonJsonCodec();

    @Test
    public void aDemandRoundTripsThroughJson() {
        NouvelleDemande demande = Exemples.nouvelleDemande("Martin");
        String json = codec.ecrire(demande);
        assertEquals(demande, codec.lire(json, NouvelleDemande.class));
        assertTrue(json, json.contains("\"dateNaissance\":\"1990-04-12\""));
        assertTrue(json, json.contains("\"typologies\":[\"T3\",\"T4\"]"));
        assertTrue(json, json.contains("\"montantMensuel\":1850.00"));
    }

    @Test
    public void writesTheRegisterDatesAsIsoStrings() {
        Demande d = new Demande("0441123000012G1104", Statut.ACTIVE, "G1104", "044", LocalDate.of(2023, 11, 2),
                LocalDate.of(2024, 11, 2), null, null, 0, Exemples.dossier("Martin"));
        String json = codec.ecrire(d);
        assertTrue(json, json.contains("\"dateValidite\":\"2024-11-02\""));
        assertEquals(d, codec.lire(json, Demande.class));
    }

    @Test
    public void nestedErrorsNameTheFullPath() {
        ErreurChamp e = erreur("{\"dossier\":{\"logementRecherche\":{\"typologies\":[\"T3\",\"T9\"]}}}");
        assertEquals("dossier.logementRecherche.typologies[1]", e.champ());
        assertEquals("valeur-autorisee", e.regle());
        ErreurChamp date = erreur("{\"dossier\":{\"demandeur\":{\"dateNaissance\":\"12/04/1990\"}}}");
        assertEquals("dossier.demandeur.dateNaissance", date.champ());
        assertEquals("format", date.regle());
        ErreurChamp montant = erreur("{\"dossier\":{\"ressources\":[{\"montantMensuel\":\"beaucoup\"}]}}");
        assertEquals("dossier.ressources[0].montantMensuel", montant.champ());
        assertEquals("type", montant.regle());
    }

    @Test
    public void unknownEnumValueNamesFieldAndAllowedValues() {
        ErreurChamp e = erreur("{\"dossier\":{\"situationFamiliale\":\"FIANCE\"}}");
        assertEquals("dossier.situationFamiliale", e.champ());
        assertEquals("valeur-autorisee", e.regle());
        assertEquals("FIANCE", e.valeurRejetee());
        assertTrue(e.message(), e.message().contains("PACSE"));
    }

    @Test
    public void malformedDateNamesField() {
        ErreurChamp e = erreur("{\"dossier\":{\"demandeur\":{\"dateNaissance\":\"1990-13-45\"}}}");
        assertEquals("dossier.demandeur.dateNaissance", e.champ());
        assertEquals("format", e.regle());
        assertEquals("1990-13-45", e.valeurRejetee());
    }

    @Test
    public void wrongTypeNamesField() {
        ErreurChamp e = erreur("{\"guichet\":{\"a\":1}}");
        assertEquals("guichet", e.champ());
        assertEquals("type", e.regle());
    }

    @Test
    public void unknownFieldIsRefused() {
        ErreurChamp e = erreur("{\"guichett\":\"x\"}");
        assertEquals("guichett", e.champ());
        assertEquals("champ-inconnu", e.regle());
        assertTrue(e.message(), e.message().contains("dossier"));
    }

    @Test
    public void malformedJsonGivesPosition() {
        ErreurChamp e = erreur("{\"guichet\": \"x\",, }");
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
        assertEquals("json-malforme", erreur("{\"guichet\":\"a\",\"guichet\":\"b\"}").regle());
    }

    @Test
    public void oversizeStringIsRefused() {
        String big = "x".repeat(JacksonJsonCodec.MAX_STRING_LENGTH + 1);
        assertEquals("taille", erreur("{\"guichet\":\"" + big + "\"}").regle());
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

    @Test
    public void aHugeStringOrADeepDocumentIsRefusedInTheRegistersWordsNeverTheLibrarys() {
        String enorme = "{\"guichet\":\"" + "G".repeat(JacksonJsonCodec.MAX_STRING_LENGTH + 10) + "\"}";
        String profond = "{\"guichet\":" + "[".repeat(200) + "]".repeat(200) + "}";
        for (String corps : new String[] {enorme, profond, "{\"guichet\": tru}"}) {
            try {
                codec.lire(corps, NouvelleDemande.class);
                org.junit.Assert.fail("accepted");
            } catch (org.registrehub.api.DemandeInvalideException e) {
                String message = e.getErreurs().toString();
                for (String interne : new String[] {"StreamReadConstraints", "exceeds", "maximum", "Jackson",
                        "com.fasterxml", "Unrecognized token"}) {
                    org.junit.Assert.assertFalse(message, message.contains(interne));
                }
            }
        }
        try {
            codec.lire(enorme, NouvelleDemande.class);
        } catch (org.registrehub.api.DemandeInvalideException e) {
            assertEquals("taille", e.getErreurs().get(0).regle());
            org.junit.Assert.assertTrue(e.getErreurs().get(0).message(),
                    e.getErreurs().get(0).message().contains("100\u202f000 caractères")
                            || e.getErreurs().get(0).message().contains("100 000 caractères")
                            || e.getErreurs().get(0).message().contains("100\u00a0000 caractères"));
        }
    }
}
