package org.registrehub.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/**
 * The message schemas of the manual ({@code docs/messages/<nom>.schema.json}, their references resolved in the same
 * folder), to check that what the hub writes is what the manual documents.
 */
public final class SchemasDocumentes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemasDocumentes() {
    }

    /** The schema {@code urn:registrehub:schema:<nom>:1}, from the folder {@code docs/messages}. */
    public static JsonSchema schema(Path messages, String nom) {
        JsonSchemaFactory fabrique = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaLoaders(l -> l.add(iri -> {
                    String n = iri.toString().replace("urn:registrehub:schema:", "").replaceFirst(":[0-9]+$", "");
                    Path fichier = messages.resolve(n + ".schema.json");
                    return Files.exists(fichier) ? () -> Files.newInputStream(fichier) : null;
                })));
        return fabrique.getSchema(SchemaLocation.of("urn:registrehub:schema:" + nom + ":1"),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }

    /** The event schema, from the folder named by the system property {@code registre.exemples} ({@code docs}). */
    public static JsonSchema evenement() {
        return schema(Path.of(System.getProperty("registre.exemples"), "messages"), "evenement-demande");
    }

    /** What the schema finds wrong in a document (empty: valid). */
    public static List<String> erreurs(JsonSchema schema, String document) {
        try {
            List<String> l = new ArrayList<>();
            schema.validate(JSON.readTree(document)).forEach(m -> l.add(m.getMessage()));
            return l;
        } catch (java.io.IOException e) {
            return List.of("JSON illisible : " + e.getMessage());
        }
    }
}
