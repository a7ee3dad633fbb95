package org.registrehub.erp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.registrehub.api.ErreurChamp;

/**
 * The ERP message contracts of {@code docs/messages} (copied into this bundle at build time), checked with a JSON
 * Schema validator (draft 2020-12): one schema per inbound type, their shared definitions resolved from the bundle by
 * their {@code urn:registrehub:schema:NAME:1} ids. The errors name the field ({@code bailSigne.dalo}), the rule (the
 * JSON Schema keyword) and say what is wrong in French; they never carry the rejected value.
 */
public final class ContratsErp {

    private static final String PREFIXE = "urn:registrehub:schema:";
    private static final Map<String, String> SCHEMAS = Map.of(
            MessageErp.ENREGISTRER_DEMANDE, "erp-enregistrer-demande",
            MessageErp.PROPOSITION, "erp-proposition",
            MessageErp.DECISION_CAL, "erp-decision-cal",
            MessageErp.BAIL_SIGNE, "erp-bail-signe",
            MessageErp.RENONCIATION, "erp-renonciation",
            MessageErp.RENOUVELLEMENT, "erp-renouvellement",
            MessageErp.OFFRE_LOGEMENT, "erp-offre-logement");

    private final Map<String, JsonSchema> schemas;

    public ContratsErp() {
        ClassLoader chargeur = ContratsErp.class.getClassLoader();
        JsonSchemaFactory fabrique = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b
                .schemaLoaders(l -> l.add(iri -> {
                    String texte = iri.toString();
                    if (!texte.startsWith(PREFIXE)) {
                        return null; // never fetched from anywhere else
                    }
                    String nom = texte.substring(PREFIXE.length()).replaceFirst(":[0-9]+$", "");
                    return () -> ouvrir(chargeur, nom);
                })));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().locale(Locale.FRENCH)
                .formatAssertionsEnabled(true).build();
        java.util.HashMap<String, JsonSchema> charges = new java.util.HashMap<>();
        SCHEMAS.forEach((type, nom) -> charges.put(type, fabrique.getSchema(
                com.networknt.schema.SchemaLocation.of(PREFIXE + nom + ":1"), config)));
        charges.values().forEach(JsonSchema::initializeValidators);
        this.schemas = Map.copyOf(charges);
    }

    private static InputStream ouvrir(ClassLoader chargeur, String nom) throws IOException {
        InputStream in = chargeur.getResourceAsStream("messages/" + nom + ".schema.json");
        if (in == null) {
            throw new IOException("schéma de message absent du bundle : " + nom);
        }
        return in;
    }

    /** The types of message an ERP may send. */
    public static Set<String> types() {
        return SCHEMAS.keySet();
    }

    /** @return the message's breaches of its type's contract, one per field and rule; empty when it conforms */
    public List<ErreurChamp> valider(String type, JsonNode message) {
        JsonSchema schema = schemas.get(type);
        if (schema == null) {
            throw new IllegalArgumentException("type de message inconnu : " + type);
        }
        List<ErreurChamp> erreurs = new ArrayList<>();
        for (ValidationMessage m : schema.validate(message)) {
            String champ = champ(m);
            erreurs.add(new ErreurChamp(champ, m.getType(), null, texte(m, champ)));
        }
        erreurs.sort(java.util.Comparator.comparing(ErreurChamp::champ).thenComparing(ErreurChamp::regle));
        return erreurs;
    }

    /** {@code $.bailSigne.dalo} → {@code bailSigne.dalo}, {@code $.proposition.candidats[0].rang} → same. */
    static String champ(ValidationMessage m) {
        StringBuilder champ = new StringBuilder();
        JsonNodePath chemin = m.getInstanceLocation();
        for (int i = 0; i < chemin.getNameCount(); i++) {
            Object element = chemin.getElement(i);
            if (element instanceof Integer index) {
                champ.append('[').append(index).append(']');
            } else {
                champ.append(champ.length() == 0 ? "" : ".").append(element);
            }
        }
        if (m.getProperty() != null && ("required".equals(m.getType()) || "additionalProperties".equals(m.getType()))) {
            champ.append(champ.length() == 0 ? "" : ".").append(m.getProperty());
        }
        return champ.length() == 0 ? "message" : champ.toString();
    }

    /**
     * What the register says for the rules whose literal translation reads badly (formats and patterns), in the words
     * its other channels use; the validator's French message otherwise.
     */
    static String texte(ValidationMessage m, String champ) {
        if ("format".equals(m.getType())) {
            String format = m.getArguments() != null && m.getArguments().length > 0 ? String.valueOf(m.getArguments()[0])
                    : "";
            switch (format) {
                case "date":
                    return "date attendue au format AAAA-MM-JJ (ISO 8601), par exemple 2026-11-30";
                case "date-time":
                    return "date et heure attendues au format ISO 8601 avec le fuseau, par exemple"
                            + " 2026-11-30T10:00:00+01:00";
                default:
                    break;
            }
        }
        if ("pattern".equals(m.getType())) {
            if (champ.endsWith("numeroUnique")) {
                return "numéro unique attendu : 18 caractères DDDMMAANNNNNNGGGGG, par exemple 0440324000001G1104";
            }
            if (champ.endsWith("identifiantRpls")) {
                return "identifiant RPLS du logement attendu : 1 à 20 lettres ou chiffres";
            }
        }
        return texte(m);
    }

    /** The validator's French message without the instance path it starts with (the field is given apart). */
    private static String texte(ValidationMessage m) {
        String message = m.getMessage();
        String location = m.getInstanceLocation().toString();
        if (message.startsWith(location + ": ")) {
            message = message.substring(location.length() + 2);
        }
        return message;
    }
}
