package org.registrehub.erp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.Test;
import org.registrehub.api.ErreurChamp;
import org.registrehub.json.internal.JacksonJsonCodec;

/**
 * The contracts of docs/messages: every documented example conforms to its schema and reads into the message the
 * route applies; typical breaches are reported with the field, the JSON Schema rule and a French message.
 */
public class ContratsErpTest {

    private static final Path EXEMPLES = Path.of("../../docs/exemples/erp");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ContratsErp contrats = new ContratsErp();

    private static JsonNode exemple(String nom) throws Exception {
        return JSON.readTree(EXEMPLES.resolve(nom).toFile());
    }

    private List<String> erreurs(JsonNode message) {
        return contrats.valider(message.path("type").asText(), message).stream()
                .map(e -> e.champ() + ":" + e.regle()).toList();
    }

    @Test
    public void everyDocumentedExampleConformsAndReads() throws Exception {
        List<Path> fichiers;
        try (Stream<Path> s = Files.list(EXEMPLES)) {
            fichiers = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(7, fichiers.size());
        for (Path f : fichiers) {
            JsonNode m = JSON.readTree(f.toFile());
            assertEquals(f.getFileName().toString(), List.of(), erreurs(m));
            MessageErp lu = new JacksonJsonCodec().lire(Files.readString(f), MessageErp.class);
            assertEquals(m.path("messageId").asText(), lu.messageId());
        }
    }

    @Test
    public void breachesNameTheFieldAndTheRule() throws Exception {
        ObjectNode bail = (ObjectNode) exemple("bail-signe.json");
        ObjectNode b = (ObjectNode) bail.get("bailSigne");
        b.remove("dalo");
        b.put("numeroUnique", "044");
        b.put("dateSignature", "30/11/2026");
        b.put("inconnu", 1);
        bail.put("versionSchema", 2);
        assertEquals(List.of("bailSigne.dalo:required", "bailSigne.dateSignature:format",
                "bailSigne.inconnu:additionalProperties", "bailSigne.numeroUnique:pattern", "versionSchema:const"),
                erreurs(bail));
        List<ErreurChamp> messages = contrats.valider("bailSigne", bail);
        assertEquals("date attendue au format AAAA-MM-JJ (ISO 8601), par exemple 2026-11-30", messages.get(1).message());
        assertTrue(messages.get(3).message(), messages.get(3).message().startsWith("numéro unique attendu : 18"));

        ObjectNode proposition = (ObjectNode) exemple("proposition.json");
        var candidats = (com.fasterxml.jackson.databind.node.ArrayNode) proposition.get("proposition")
                .get("candidats");
        candidats.add(candidats.get(0).deepCopy());
        candidats.add(candidats.get(0).deepCopy());
        ((ObjectNode) candidats.get(1)).put("rang", "deux");
        assertEquals(List.of("proposition.candidats:maxItems", "proposition.candidats[1].rang:type"),
                erreurs(proposition));

        ObjectNode decision = (ObjectNode) exemple("decision-cal.json");
        ((ObjectNode) decision.get("decisionCal")).put("decision", "PEUT_ETRE");
        List<ErreurChamp> e = contrats.valider("decisionCal", decision);
        assertEquals("decisionCal.decision", e.get(0).champ());
        assertEquals("enum", e.get(0).regle());
        assertTrue(e.get(0).message(), e.get(0).message().contains("énumération"));
        assertEquals(null, e.get(0).valeurRejetee());
    }

    @Test
    public void aRegistrationIsCheckedAgainstTheDemandContract() throws Exception {
        ObjectNode m = (ObjectNode) exemple("enregistrer-demande.json");
        ((ObjectNode) m.get("demande").get("dossier").get("demandeur")).remove("nom");
        assertEquals(List.of("demande.dossier.demandeur.nom:required"), erreurs(m));
    }
}
