package org.registrehub.web.commun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.registrehub.api.Beneficiaire;
import org.registrehub.api.Libelles;
import org.registrehub.api.LienCoDemandeur;
import org.registrehub.api.LienParente;
import org.registrehub.api.Motif;
import org.registrehub.api.Sexe;
import org.registrehub.api.SituationFamiliale;
import org.registrehub.api.SituationProfessionnelle;
import org.registrehub.api.StatutLogement;
import org.registrehub.api.TypeRessource;
import org.registrehub.api.Typologie;

/** The choices of the form's lists: each code of the register with its French label. */
public final class Listes {

    public static final Map<String, List<Map<String, String>>> TOUTES = toutes();

    private Listes() {
    }

    private static Map<String, List<Map<String, String>>> toutes() {
        Map<String, List<Map<String, String>>> m = new LinkedHashMap<>();
        m.put("sexe", choix(Sexe.values()));
        m.put("situationFamiliale", choix(SituationFamiliale.values()));
        m.put("situationProfessionnelle", choix(SituationProfessionnelle.values()));
        m.put("lienParente", choix(LienParente.values()));
        m.put("lienCoDemandeur", choix(LienCoDemandeur.values()));
        m.put("beneficiaire", choix(Beneficiaire.values()));
        m.put("typeRessource", choix(TypeRessource.values()));
        m.put("statutLogement", choix(StatutLogement.values()));
        m.put("typologie", choix(Typologie.values()));
        m.put("motif", choix(Motif.values()));
        return m;
    }

    private static List<Map<String, String>> choix(Enum<?>[] codes) {
        List<Map<String, String>> l = new ArrayList<>();
        for (Enum<?> c : codes) {
            l.add(Map.of("code", c.name(), "libelle", Libelles.de(c)));
        }
        return List.copyOf(l);
    }
}
