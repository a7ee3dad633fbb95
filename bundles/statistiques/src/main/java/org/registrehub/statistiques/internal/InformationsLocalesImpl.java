package org.registrehub.statistiques.internal;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.Contexte;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.Typologie;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.Role;
import org.registrehub.api.spi.BaseDeDonnees;
import org.registrehub.api.statistiques.InformationCommune;
import org.registrehub.api.statistiques.InformationsLocales;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local information per commune. Pending demands and attributions are counted by the first commune and the first
 * typology the demand wishes (the cotation's convention for similar demands); attributions over the two years to
 * today; the waiting time is the mean of filing to attribution. The secret statistique is the Infocentre's threshold
 * ({@code secretStatistique.seuil}): a count from 1 to seuil - 1 is masked, and when a line would show its total with
 * a single masked cell, the smallest other non-zero cell is masked too (no subtraction gives one back); the mean
 * waiting time of fewer than seuil attributions is masked.
 */
@Component(service = InformationsLocales.class, configurationPid = "org.registrehub.statistiques")
public class InformationsLocalesImpl implements InformationsLocales {

    private static final Logger LOG = LoggerFactory.getLogger(InformationsLocalesImpl.class);
    private static final Pattern COMMUNE = Pattern.compile("^([0-9]{5}|2[AB][0-9]{3})$");
    private static final List<String> COLONNES = List.of("code_commune", "libelle_commune", "annee",
            "nb_logements_sociaux");

    private final BaseDeDonnees.Sessions base;
    private final Clock clock;
    private volatile int seuil;

    @Activate
    public InformationsLocalesImpl(@Reference BaseDeDonnees base, Map<String, Object> proprietes) {
        this(base, Clock.system(ZoneId.of("Europe/Paris")), seuil(proprietes));
    }

    InformationsLocalesImpl(BaseDeDonnees base, Clock clock, int seuil) {
        this.base = base.sessions(InformationsMapper.class);
        this.clock = clock;
        this.seuil = Math.max(2, seuil);
    }

    @Modified
    void configurer(Map<String, Object> proprietes) {
        this.seuil = seuil(proprietes);
    }

    private static int seuil(Map<String, Object> proprietes) {
        Object v = proprietes == null ? null : proprietes.get("secretStatistique.seuil");
        try {
            return v == null ? 5 : Math.max(2, Integer.parseInt(v.toString().strip()));
        } catch (NumberFormatException e) {
            LOG.error("secretStatistique.seuil illisible ({}) : 5 retenu", v);
            return 5;
        }
    }

    @Override
    public InformationCommune commune(String commune) {
        String c = commune == null ? "" : commune.strip().toUpperCase();
        if (!COMMUNE.matcher(c).matches()) {
            throw new DemandeInvalideException("la commune", List.of(new ErreurChamp("commune", "format", commune,
                    "code INSEE de 5 caractères (ex. 44109, 2A004)")));
        }
        List<InformationCommune> l = calculer(c);
        return l.isEmpty() ? vide(c) : l.get(0);
    }

    @Override
    public List<InformationCommune> communes() {
        return calculer(null);
    }

    private InformationCommune vide(String c) {
        return publier(c, null, new EnumMap<>(Typologie.class), new EnumMap<>(Typologie.class), 0);
    }

    private List<InformationCommune> calculer(String commune) {
        LocalDate depuis = LocalDate.now(clock).minusYears(2);
        record Brut(Map<Typologie, Integer> demandes, Map<Typologie, Integer> attributions, long[] jours) {
        }
        Map<String, Brut> parCommune = new TreeMap<>();
        Map<String, InformationsMapper.Logements> logements = new HashMap<>();
        base.executer("informations locales", InformationsMapper.class, m -> {
            for (InformationsMapper.Compte x : m.demandes(commune)) {
                parCommune.computeIfAbsent(x.commune(), k -> new Brut(new EnumMap<>(Typologie.class),
                        new EnumMap<>(Typologie.class), new long[1])).demandes()
                        .merge(Typologie.valueOf(x.typologie()), x.nombre(), Integer::sum);
            }
            for (InformationsMapper.Compte x : m.attributions(commune, depuis)) {
                Brut b = parCommune.computeIfAbsent(x.commune(), k -> new Brut(new EnumMap<>(Typologie.class),
                        new EnumMap<>(Typologie.class), new long[1]));
                b.attributions().merge(Typologie.valueOf(x.typologie()), x.nombre(), Integer::sum);
                b.jours()[0] += x.jours();
            }
            for (InformationsMapper.Logements l : m.logements(commune)) {
                logements.put(l.commune(), l);
                parCommune.computeIfAbsent(l.commune(), k -> new Brut(new EnumMap<>(Typologie.class),
                        new EnumMap<>(Typologie.class), new long[1]));
            }
            return null;
        });
        List<InformationCommune> l = new ArrayList<>();
        parCommune.forEach((c, b) -> l.add(publier(c, logements.get(c), b.demandes(), b.attributions(),
                b.jours()[0])));
        return l;
    }

    private InformationCommune publier(String commune, InformationsMapper.Logements logements,
                                       Map<Typologie, Integer> demandes, Map<Typologie, Integer> attributions,
                                       long jours) {
        Set<String> masques = new LinkedHashSet<>();
        Map<Typologie, Integer> d = masquer("demandes", demandes, masques);
        Map<Typologie, Integer> a = masquer("attributions", attributions, masques);
        int totalDemandes = demandes.values().stream().mapToInt(Integer::intValue).sum();
        int totalAttributions = attributions.values().stream().mapToInt(Integer::intValue).sum();
        Integer td = secret(totalDemandes) ? null : totalDemandes;
        Integer ta = secret(totalAttributions) ? null : totalAttributions;
        if (td == null) {
            masques.add("demandes.TOTAL");
        }
        if (ta == null) {
            masques.add("attributions.TOTAL");
        }
        BigDecimal delai = null;
        if (totalAttributions > 0 && totalAttributions >= seuil) {
            delai = BigDecimal.valueOf(jours).divide(BigDecimal.valueOf(totalAttributions), 6, RoundingMode.HALF_UP)
                    .divide(new BigDecimal("30.4375"), 1, RoundingMode.HALF_UP);
        } else if (totalAttributions > 0) {
            masques.add("delaiMoyenMois");
        }
        return new InformationCommune(commune, logements == null ? null : logements.libelle(),
                logements == null ? null : logements.nombre(), logements == null ? null : logements.annee(), d, td, a,
                ta, delai, masques);
    }

    private boolean secret(int n) {
        return n > 0 && n < seuil;
    }

    /** Every typology, masked cells null: primary secret, then the secondary one when a single cell is masked. */
    private Map<Typologie, Integer> masquer(String nom, Map<Typologie, Integer> valeurs, Set<String> masques) {
        Map<Typologie, Integer> publiees = new EnumMap<>(Typologie.class);
        List<Typologie> masquees = new ArrayList<>();
        for (Typologie t : Typologie.values()) {
            int v = valeurs.getOrDefault(t, 0);
            if (secret(v)) {
                masquees.add(t);
                publiees.put(t, null);
            } else {
                publiees.put(t, v);
            }
        }
        int total = valeurs.values().stream().mapToInt(Integer::intValue).sum();
        if (masquees.size() == 1 && !secret(total)) {
            // the total is published: one masked cell would be the total minus the others
            Typologie plusPetite = null;
            for (Typologie t : Typologie.values()) {
                Integer v = publiees.get(t);
                if (v != null && v > 0 && (plusPetite == null || v < publiees.get(plusPetite))) {
                    plusPetite = t;
                }
            }
            if (plusPetite != null) {
                publiees.put(plusPetite, null);
                masquees.add(plusPetite);
            }
        }
        masquees.forEach(t -> masques.add(nom + "." + t.name()));
        return publiees;
    }

    @Override
    public int importerLogementsSociaux(Reader csv, String source, Contexte contexte) {
        if (!contexte.identite().a(Role.GESTIONNAIRE) && !contexte.identite().a(Role.ADMIN)) {
            throw new AccesRefuseException("Accès refusé : l'import des logements sociaux est réservé aux"
                    + " gestionnaires et administrateurs.");
        }
        record Ligne(String commune, String libelle, int annee, int nombre) {
        }
        List<Ligne> lignes = new ArrayList<>();
        List<ErreurChamp> erreurs = new ArrayList<>();
        CSVFormat format = CSVFormat.Builder.create().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build();
        try (CSVParser p = CSVParser.parse(csv, format)) {
            for (String colonne : COLONNES) {
                if (!p.getHeaderMap().containsKey(colonne)) {
                    throw new DemandeInvalideException("le fichier des logements sociaux", List.of(new ErreurChamp(
                            "en-tête", "colonne", String.join(";", p.getHeaderNames()), "colonne " + colonne
                                    + " absente ; en-tête attendu : " + String.join(";", COLONNES))));
                }
            }
            for (CSVRecord r : p) {
                long n = r.getRecordNumber() + 1;
                String commune = r.get("code_commune").toUpperCase();
                if (!COMMUNE.matcher(commune).matches()) {
                    erreurs.add(new ErreurChamp("ligne " + n + " code_commune", "format", commune,
                            "code INSEE de 5 caractères"));
                }
                Integer annee = entier(r.get("annee"), "ligne " + n + " annee", 1990, 2100, erreurs);
                Integer nombre = entier(r.get("nb_logements_sociaux"), "ligne " + n + " nb_logements_sociaux", 0,
                        10_000_000, erreurs);
                String libelle = r.get("libelle_commune");
                if (libelle.length() > 100) {
                    erreurs.add(new ErreurChamp("ligne " + n + " libelle_commune", "taille", libelle,
                            "100 caractères au plus"));
                }
                if (annee != null && nombre != null) {
                    lignes.add(new Ligne(commune, libelle.isBlank() ? null : libelle, annee, nombre));
                }
                if (erreurs.size() >= 100) {
                    break;
                }
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            if (e instanceof DemandeInvalideException d) {
                throw d;
            }
            throw new DemandeInvalideException("le fichier des logements sociaux", List.of(new ErreurChamp(
                    "fichier", "csv", null, "CSV illisible : " + e.getMessage())));
        }
        if (!erreurs.isEmpty()) {
            throw new DemandeInvalideException("le fichier des logements sociaux", erreurs);
        }
        Instant maintenant = clock.instant();
        base.executer("import des logements sociaux", InformationsMapper.class, m -> {
            for (Ligne l : lignes) {
                m.enregistrerLogements(l.commune(), l.annee(), l.libelle(), l.nombre(), source, contexte.acteur(),
                        maintenant);
            }
            m.auditer(new EntreeAudit(maintenant, contexte.acteur(), contexte.organisation(), contexte.canal(),
                    "IMPORT_LOGEMENTS_SOCIAUX", null, null, lignes.size() + " ligne(s) de " + source));
            return null;
        });
        LOG.info("Logements sociaux : {} ligne(s) importée(s) de {} par {}", lignes.size(), source,
                contexte.acteur());
        return lignes.size();
    }

    private static Integer entier(String v, String champ, int min, int max, List<ErreurChamp> erreurs) {
        try {
            int n = Integer.parseInt(v.replace(" ", "").replace("\u00a0", ""));
            if (n < min || n > max) {
                erreurs.add(new ErreurChamp(champ, "borne", v, "entre " + min + " et " + max));
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            erreurs.add(new ErreurChamp(champ, "entier", v, "nombre entier"));
            return null;
        }
    }
}
