package org.registrehub.web.commun;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.registrehub.api.Dossier;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.spi.JsonCodec;

/**
 * The demand's form (CERFA 14069) as plain HTML fields named by the paths of the register's JSON
 * ({@code demandeur.nom}, {@code personnesACharge[0].dateNaissance}, {@code logementRecherche.typologies}): the same
 * names as the register's field errors, so that each error is shown beside its field. Values go through the register's
 * own JSON reading, so that a wrong type is told as on the REST channel.
 */
public final class FormulaireDemande {

    /** The steps of a first demand: title and the field prefixes each owns. */
    public record Etape(int numero, String titre, List<String> prefixes) {

        public boolean possede(String champ) {
            return prefixes.stream().anyMatch(p -> champ.equals(p) || champ.startsWith(p + ".")
                    || champ.startsWith(p + "["));
        }
    }

    public static final List<Etape> ETAPES = List.of(
            new Etape(1, "Vous", List.of("demandeur", "situationFamiliale")),
            new Etape(2, "Vos coordonnées", List.of("contact")),
            new Etape(3, "Votre foyer", List.of("coDemandeur", "personnesACharge")),
            new Etape(4, "Vos ressources", List.of("ressources", "revenuFiscal")),
            new Etape(5, "Votre logement actuel", List.of("logementActuel", "motifs")),
            new Etape(6, "Le logement recherché", List.of("logementRecherche", "handicap")),
            new Etape(7, "Vérifier et envoyer", List.of()));

    /** Fields whose several values (checkboxes) make a list. */
    public static final Set<String> LISTES = Set.of("motifs", "logementRecherche.typologies");
    /** A list typed as one text: communes separated by commas or spaces. */
    public static final String COMMUNES = "logementRecherche.communes";
    public static final Set<String> BOOLEENS = Set.of("logementRecherche.ascenseur", "logementRecherche.rezDeChaussee",
            "logementRecherche.parking", "handicap.personneHandicapee", "handicap.mobiliteReduite",
            "handicap.fauteuilRoulant");
    private static final Set<String> NOMBRES = Set.of("montantMensuel", "loyer", "loyerMax", "anneeN2", "anneeN1",
            "surface", "nombreOccupants", "rang");
    /** Rows the form shows at least, and at most. */
    public static final int LIGNES_MAX = 20;
    private static final Pattern NOM = Pattern.compile(
            "^[a-zA-Z][a-zA-Z0-9]{0,39}(\\[[0-9]{1,2}])?(\\.[a-zA-Z][a-zA-Z0-9]{0,39}(\\[[0-9]{1,2}])?){0,3}$");
    private static final Pattern SEGMENT = Pattern.compile("^([a-zA-Z][a-zA-Z0-9]*)(?:\\[([0-9]{1,2})])?$");
    private static final Pattern LIGNE = Pattern.compile("^(personnesACharge|ressources)\\[([0-9]{1,2})]\\.(.+)$");

    private FormulaireDemande() {
    }

    public static Etape etape(int numero) {
        return ETAPES.get(Math.max(1, Math.min(ETAPES.size(), numero)) - 1);
    }

    /** The dossier's fields among a form's (anything else — csrf, action, step — is left out). */
    public static Map<String, List<String>> champs(Map<String, List<String>> form) {
        Map<String, List<String>> v = new TreeMap<>();
        form.forEach((k, l) -> {
            if (k != null && NOM.matcher(k).matches() && !Set.of("csrf", "action", "etape", "version").contains(k)) {
                List<String> propres = new ArrayList<>();
                for (String x : l == null ? List.<String>of() : l) {
                    if (x != null && !x.isBlank()) {
                        propres.add(x.strip());
                    }
                }
                if (!propres.isEmpty()) {
                    v.put(k, propres);
                }
            }
        });
        return compacter(v);
    }

    /** Rows numbered again from 0 in order, the empty ones gone (so that errors and fields keep the same index). */
    public static Map<String, List<String>> compacter(Map<String, List<String>> v) {
        Map<String, TreeMap<Integer, Map<String, List<String>>>> lignes = new LinkedHashMap<>();
        Map<String, List<String>> autres = new TreeMap<>();
        v.forEach((k, l) -> {
            Matcher m = LIGNE.matcher(k);
            if (m.matches()) {
                lignes.computeIfAbsent(m.group(1), x -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(m.group(2)), x -> new TreeMap<>()).put(m.group(3), l);
            } else {
                autres.put(k, l);
            }
        });
        lignes.forEach((liste, rangees) -> {
            int i = 0;
            for (Map<String, List<String>> r : rangees.values()) {
                if (i >= LIGNES_MAX) {
                    break;
                }
                for (Map.Entry<String, List<String>> e : r.entrySet()) {
                    autres.put(liste + "[" + i + "]." + e.getKey(), e.getValue());
                }
                i++;
            }
        });
        return autres;
    }

    /** Rows of a list that the values fill (the form shows one more, empty). */
    public static int lignes(Map<String, List<String>> v, String liste) {
        int n = 0;
        for (String k : v.keySet()) {
            Matcher m = LIGNE.matcher(k);
            if (m.matches() && m.group(1).equals(liste)) {
                n = Math.max(n, Integer.parseInt(m.group(2)) + 1);
            }
        }
        return n;
    }

    /** Replaces the values of one step's fields with those posted. */
    public static Map<String, List<String>> fusionner(Map<String, List<String>> brouillon, Etape etape,
                                               Map<String, List<String>> postes) {
        Map<String, List<String>> v = new TreeMap<>();
        brouillon.forEach((k, l) -> {
            if (!etape.possede(k)) {
                v.put(k, l);
            }
        });
        postes.forEach((k, l) -> {
            if (etape.possede(k)) {
                v.put(k, l);
            }
        });
        return compacter(v);
    }

    /**
     * The dossier the values describe, read by the register's JSON reader.
     *
     * @throws org.registrehub.api.DemandeInvalideException naming the field of a value of the wrong type
     */
    public static Dossier dossier(Map<String, List<String>> v, JsonCodec json) {
        Map<String, Object> racine = new LinkedHashMap<>();
        for (String b : BOOLEENS) {
            placer(racine, b, v.containsKey(b) && !v.get(b).isEmpty()
                    && Set.of("true", "on", "oui").contains(v.get(b).get(0)));
        }
        for (Map.Entry<String, List<String>> e : v.entrySet()) {
            String k = e.getKey();
            List<String> l = e.getValue();
            if (BOOLEENS.contains(k) || l.isEmpty()) {
                continue;
            }
            Object valeur;
            if (LISTES.contains(k)) {
                valeur = List.copyOf(l);
            } else if (COMMUNES.equals(k)) {
                List<String> communes = new ArrayList<>();
                for (String c : l.get(0).split("[,;\\s]+")) {
                    if (!c.isBlank()) {
                        communes.add(c);
                    }
                }
                valeur = communes;
            } else if (NOMBRES.contains(k.substring(k.lastIndexOf('.') + 1))) {
                valeur = nombre(l.get(0));
            } else {
                valeur = l.get(0);
            }
            placer(racine, k, valeur);
        }
        return json.lire(json.ecrire(racine), Dossier.class);
    }

    private static Object nombre(String texte) {
        String t = texte.replace('\u00a0', ' ').replace(" ", "").replace(',', '.');
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return texte; // the JSON reader names the field and the expected type
        }
    }

    @SuppressWarnings("unchecked")
    private static void placer(Map<String, Object> racine, String chemin, Object valeur) {
        String[] parties = chemin.split("\\.");
        Object courant = racine;
        for (int i = 0; i < parties.length; i++) {
            Matcher m = SEGMENT.matcher(parties[i]);
            if (!m.matches()) {
                return;
            }
            boolean dernier = i == parties.length - 1;
            Map<String, Object> map = (Map<String, Object>) courant;
            if (m.group(2) == null) {
                if (dernier) {
                    map.put(m.group(1), valeur);
                } else {
                    courant = map.computeIfAbsent(m.group(1), x -> new LinkedHashMap<String, Object>());
                }
            } else {
                List<Object> liste = (List<Object>) map.computeIfAbsent(m.group(1), x -> new ArrayList<>());
                int index = Integer.parseInt(m.group(2));
                while (liste.size() <= index) {
                    liste.add(new LinkedHashMap<String, Object>());
                }
                if (dernier) {
                    liste.set(index, valeur);
                } else {
                    courant = liste.get(index);
                }
            }
        }
    }

    /** The form's values of a registered dossier. */
    public static Map<String, List<String>> valeurs(Dossier d, JsonCodec json) {
        Map<String, List<String>> v = new TreeMap<>();
        aplatir("", json.lire(json.ecrire(d), Map.class), v);
        return v;
    }

    /**
     * The form's values of the version a series of changes started from: the current dossier with each change since
     * undone, newest first (the history's paths: {@code dossier.contact.telephone}, its "before" texts).
     */
    public static Map<String, List<String>> valeursAvant(Dossier actuel, List<org.registrehub.api.Changement> depuis,
                                                         JsonCodec json) {
        Map<String, Object> demande = new LinkedHashMap<>();
        demande.put("dossier", json.lire(json.ecrire(actuel), Map.class));
        for (int i = depuis.size() - 1; i >= 0; i--) {
            org.registrehub.api.Changement c = depuis.get(i);
            if (c.champ() != null && c.champ().startsWith("dossier.")) {
                remettre(demande, c.champ(), c.avant());
            }
        }
        Map<String, List<String>> v = new TreeMap<>();
        aplatir("", demande.get("dossier"), v);
        return v;
    }

    /** Puts a "before" text back at its path, creating the objects and rows on the way. */
    @SuppressWarnings("unchecked")
    private static void remettre(Map<String, Object> racine, String chemin, String texte) {
        Object valeur = "true".equals(texte) || "false".equals(texte) ? Boolean.valueOf(texte) : texte;
        Object courant = racine;
        String[] segments = chemin.split("\\.");
        for (int i = 0; i < segments.length; i++) {
            Matcher m = SEGMENT.matcher(segments[i]);
            if (!m.matches() || !(courant instanceof Map)) {
                return;
            }
            Map<String, Object> objet = (Map<String, Object>) courant;
            boolean dernier = i == segments.length - 1;
            if (m.group(2) == null) {
                if (dernier) {
                    objet.put(m.group(1), valeur);
                    return;
                }
                courant = objet.computeIfAbsent(m.group(1), k -> new LinkedHashMap<String, Object>());
            } else {
                Object l = objet.get(m.group(1));
                List<Object> liste = l instanceof List ? (List<Object>) l : new ArrayList<>();
                objet.put(m.group(1), liste);
                int rang = Integer.parseInt(m.group(2));
                while (liste.size() <= rang) {
                    liste.add(null);
                }
                if (dernier) {
                    liste.set(rang, valeur);
                    return;
                }
                if (!(liste.get(rang) instanceof Map)) {
                    liste.set(rang, new LinkedHashMap<String, Object>());
                }
                courant = liste.get(rang);
            }
        }
    }

    private static void aplatir(String prefixe, Object o, Map<String, List<String>> v) {
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, x) -> aplatir(prefixe.isEmpty() ? k.toString() : prefixe + "." + k, x, v));
        } else if (o instanceof Collection<?> c) {
            if (COMMUNES.equals(prefixe)) {
                v.put(prefixe, List.of(String.join(", ", c.stream().filter(java.util.Objects::nonNull)
                        .map(Object::toString).toList())));
            } else if (LISTES.contains(prefixe)) {
                v.put(prefixe, c.stream().filter(java.util.Objects::nonNull).map(Object::toString).toList());
            } else {
                int i = 0;
                for (Object x : c) {
                    aplatir(prefixe + "[" + i++ + "]", x, v);
                }
            }
        } else if (o instanceof Double || o instanceof Float) {
            // amounts: read back as the shortest decimal (1850.0 → 1850, 1320.5 → 1320.5)
            v.put(prefixe, List.of(BigDecimal.valueOf(((Number) o).doubleValue()).stripTrailingZeros()
                    .toPlainString()));
        } else if (o != null && !(o instanceof Boolean b && !b)) {
            v.put(prefixe, List.of(o.toString()));
        }
    }

    /** The register's errors by form field (the register names them {@code dossier.…}); first error of a field. */
    public static Map<String, String> erreurs(Collection<ErreurChamp> erreurs) {
        Map<String, String> parChamp = new LinkedHashMap<>();
        for (ErreurChamp e : erreurs) {
            String champ = e.champ() == null ? "" : e.champ().replaceFirst("^dossier\\.", "");
            parChamp.putIfAbsent(champ, e.message());
        }
        return parChamp;
    }

    /** The step a field belongs to (7 when none: the summary). */
    public static int etapeDe(String champ) {
        for (Etape e : ETAPES) {
            if (e.possede(champ)) {
                return e.numero();
            }
        }
        return ETAPES.size();
    }
}
