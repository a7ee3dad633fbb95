package org.registrehub.json.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.spi.JsonCodec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads and writes the hub's JSON documents. Strict on input (unknown fields, wrong types and unknown enum values are
 * refused) and every failure is reported as a {@link DemandeInvalideException} naming the field, the rule and the
 * rejected value.
 */
@Component(service = JsonCodec.class)
public class JacksonJsonCodec implements JsonCodec {

    static final int MAX_STRING_LENGTH = 100_000;
    static final int MAX_NESTING_DEPTH = 50;

    private final ObjectMapper mapper;

    public JacksonJsonCodec() {
        JsonMapper.Builder builder = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        mapper = builder.build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_STRING_LENGTH).maxNestingDepth(MAX_NESTING_DEPTH).build());
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    @Override
    public <T> T lire(InputStream json, Class<T> type) {
        return lire(() -> mapper.readValue(json, type), type);
    }

    @Override
    public <T> T lire(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw vide();
        }
        return lire(() -> mapper.readValue(json, type), type);
    }

    /** A Jackson read whose failures become field-level errors. */
    @FunctionalInterface
    private interface Lecture<T> {
        T lire() throws IOException;
    }

    private static <T> T lire(Lecture<T> lecture, Class<T> type) {
        try {
            T value = lecture.lire();
            if (value == null) {
                throw vide();
            }
            return value;
        } catch (JsonProcessingException e) {
            throw traduire(e, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String ecrire(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Sérialisation JSON impossible de " + value.getClass().getName(), e);
        }
    }

    private static DemandeInvalideException vide() {
        return new DemandeInvalideException(List.of(
                new ErreurChamp("$", "document-vide", null, "le document JSON est vide")));
    }

    static DemandeInvalideException traduire(JsonProcessingException e, Class<?> racine) {
        return new DemandeInvalideException(List.of(erreur(e, racine)));
    }

    private static ErreurChamp erreur(JsonProcessingException e, Class<?> racine) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException limit) {
                return horsLimites(limit);
            }
        }
        if (!(e instanceof JsonMappingException mapping)) {
            String position = e.getLocation() == null ? ""
                    : " (ligne " + e.getLocation().getLineNr() + ", colonne " + e.getLocation().getColumnNr() + ")";
            return new ErreurChamp("$", "json-malforme", null, "document JSON malformé" + position);
        }
        String champ = chemin(mapping);
        if (e instanceof UnrecognizedPropertyException unknown) {
            Collection<Object> permis = unknown.getKnownPropertyIds();
            return new ErreurChamp(champ, "champ-inconnu", null, "champ inconnu"
                    + (permis == null ? "" : " ; champs permis : " + permis.stream().map(String::valueOf)
                            .sorted().collect(Collectors.joining(", "))));
        }
        if (e instanceof InvalidFormatException invalid) {
            Class<?> cible = invalid.getTargetType();
            String valeur = String.valueOf(invalid.getValue());
            if (cible != null && cible.isEnum()) {
                String permis = Arrays.stream(cible.getEnumConstants()).map(String::valueOf)
                        .collect(Collectors.joining(", "));
                return new ErreurChamp(champ, "valeur-autorisee", valeur,
                        "valeur non autorisée ; valeurs permises : " + permis);
            }
            if (cible != null && (LocalDate.class.equals(cible))) {
                return new ErreurChamp(champ, "format", valeur, "date invalide ; format attendu AAAA-MM-JJ");
            }
            if (cible != null && Temporal.class.isAssignableFrom(cible)) {
                return new ErreurChamp(champ, "format", valeur,
                        "horodatage invalide ; format attendu ISO 8601 (AAAA-MM-JJTHH:MM:SSZ)");
            }
            return new ErreurChamp(champ, "type", valeur, "valeur invalide ; type attendu : " + nomType(cible));
        }
        if (e instanceof MismatchedInputException mismatch) {
            Class<?> cible = mismatch.getTargetType();
            if (cible != null && cible.equals(racine) && mapping.getPath().isEmpty()) {
                return new ErreurChamp("$", "type", null, "un objet JSON est attendu");
            }
            if (mismatch.getCause() instanceof java.time.DateTimeException) {
                return new ErreurChamp(champ, "format", null, "date invalide ; format attendu AAAA-MM-JJ");
            }
            return new ErreurChamp(champ, "type", null, "type de valeur incorrect ; type attendu : " + nomType(cible));
        }
        if (e.getCause() instanceof java.time.DateTimeException) {
            return new ErreurChamp(champ, "format", null, "date invalide ; format attendu AAAA-MM-JJ");
        }
        // never the library's own words: the field and the rule only
        return new ErreurChamp(champ, "json-invalide", null, "valeur invalide pour ce champ");
    }

    /** A limit of the register reached while reading: which one, in the register's words, and where. */
    private static ErreurChamp horsLimites(StreamConstraintsException limite) {
        String quoi = String.valueOf(limite.getOriginalMessage()).toLowerCase(java.util.Locale.ROOT);
        String regle;
        if (quoi.contains("string")) {
            regle = "une chaîne de caractères dépasse " + String.format(java.util.Locale.FRANCE, "%,d", MAX_STRING_LENGTH)
                    + " caractères";
        } else if (quoi.contains("nesting") || quoi.contains("depth")) {
            regle = "le document dépasse " + MAX_NESTING_DEPTH + " niveaux d'objets ou de listes imbriqués";
        } else if (quoi.contains("number")) {
            regle = "un nombre a trop de chiffres";
        } else {
            regle = "le document dépasse une limite de taille du registre";
        }
        String position = limite.getLocation() == null ? "" : " (ligne " + limite.getLocation().getLineNr()
                + ", colonne " + limite.getLocation().getColumnNr() + ")";
        return new ErreurChamp("$", "taille", null, "document JSON hors limites : " + regle + position
                + " ; rien n'a été enregistré");
    }

    private static String nomType(Class<?> cible) {
        if (cible == null) {
            return "inconnu";
        }
        if (CharSequence.class.isAssignableFrom(cible)) {
            return "texte";
        }
        if (Number.class.isAssignableFrom(cible) || (cible.isPrimitive() && cible != boolean.class)) {
            return "nombre";
        }
        if (cible == Boolean.class || cible == boolean.class) {
            return "booléen (true/false)";
        }
        if (LocalDate.class.equals(cible)) {
            return "date AAAA-MM-JJ";
        }
        if (Collection.class.isAssignableFrom(cible) || cible.isArray()) {
            return "liste";
        }
        if (cible.isEnum()) {
            return "une des valeurs " + Arrays.toString(cible.getEnumConstants());
        }
        return "objet";
    }

    /** Path of the failing field, e.g. {@code demande.dateNaissance} or {@code personnes[1].nom}. */
    static String chemin(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "$" : sb.toString();
    }
}
