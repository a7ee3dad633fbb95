package org.registrehub.attribution.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import org.registrehub.api.attribution.Accessibilite;
import org.registrehub.api.attribution.CandidatRapproche;
import org.registrehub.api.attribution.Constat;
import org.registrehub.api.attribution.CritereRapprochement;
import org.registrehub.api.attribution.LogementOffert;
import org.registrehub.api.attribution.PlafondApplique;
import org.registrehub.api.attribution.ReglesRapprochement;
import org.registrehub.api.attribution.Verdict;
import org.registrehub.api.attribution.spi.LigneRapprochement;

/**
 * The explanation of a candidate, criterion by criterion, in words, from what the matching query computed (the
 * conditions are evaluated once, in the query; this class only says them).
 */
final class Explications {

    private Explications() {
    }

    static CandidatRapproche candidat(int rang, LigneRapprochement c, LogementOffert l, ReglesRapprochement r,
                                      PlafondApplique plafond, LocalDate aujourdhui) {
        List<Constat> constats = new ArrayList<>();
        constats.add(new Constat(CritereRapprochement.COMMUNE, Verdict.SATISFAIT, true, "commune " + l.commune()
                + " souhaitée en " + ordinal(c.rangCommune()) + " choix"));
        constats.add(new Constat(CritereRapprochement.TYPOLOGIE, Verdict.SATISFAIT, true, l.typologie()
                + " parmi les typologies souhaitées"));
        ReglesRapprochement.Occupation o = r.occupation().get(l.typologie());
        constats.add(constat(r, CritereRapprochement.OCCUPATION, c.occupationOk(), personnes(c.tailleMenage())
                + " pour un " + l.typologie() + " : de " + o.min() + " à " + o.max() + " personne(s)"));
        constats.add(constat(r, CritereRapprochement.PLAFOND_RESSOURCES, c.plafondOk(), c.revenuFiscal() == null
                ? "revenu fiscal de référence N-2 non déclaré (plafond " + l.financement() + " " + plafond.annee()
                        + " pour " + personnes(c.tailleMenage()) + " : " + c.plafond() + " €) : à vérifier"
                : "revenu fiscal N-2 " + c.revenuFiscal() + " € pour un plafond " + l.financement() + " "
                        + plafond.annee() + " de " + c.plafond() + " € (" + personnes(c.tailleMenage()) + ", zone "
                        + plafond.zone() + ")"));
        constats.add(constat(r, CritereRapprochement.TAUX_EFFORT, c.tauxEffortOk(), c.tauxEffort() == null
                ? "aucune ressource mensuelle déclarée : taux d'effort incalculable"
                : "(loyer + charges) " + euros(l.depenseMensuelle()) + " / ressources " + euros(
                        c.ressourcesMensuelles()) + " = " + c.tauxEffort().toPlainString() + " % (au plus "
                        + r.tauxEffortMax().toPlainString() + " %)"));
        constats.add(constat(r, CritereRapprochement.RESTE_A_VIVRE, c.resteAVivreOk(), c.resteAVivreParUc() == null
                ? "reste à vivre incalculable"
                : "(ressources − loyer − charges) / " + c.unitesConsommation().stripTrailingZeros().toPlainString()
                        + " UC = " + euros(c.resteAVivreParUc()) + " par mois (au moins "
                        + euros(r.resteAVivreMin()) + ")"));
        constats.add(constat(r, CritereRapprochement.ACCESSIBILITE, c.accessibiliteOk(), besoins(c) + " ; logement "
                + (l.etage() == 0 ? "au rez-de-chaussée" : l.etage() < 0 ? "en entresol" : "au " + ordinal(l.etage())
                + " étage") + (l.ascenseur()
                ? " avec ascenseur" : " sans ascenseur") + ", accessibilité " + l.accessibilite()));
        constats.add(constat(r, CritereRapprochement.LOYER_MAX, c.loyerMaxOk(), c.loyerMax() == null
                ? "aucune dépense maximale indiquée"
                : "loyer + charges " + euros(l.depenseMensuelle()) + " pour une dépense maximale souhaitée de "
                        + euros(c.loyerMax())));
        constats.add(new Constat(CritereRapprochement.PRIORITE, Verdict.INFORMATIF, false, c.priorites().isEmpty()
                ? "aucune catégorie prioritaire déclarée" : String.join(", ", c.priorites())));
        constats.add(new Constat(CritereRapprochement.DALO, Verdict.INFORMATIF, false, c.dalo()
                ? "reconnu prioritaire et urgent (DALO)" : "non"));
        constats.add(new Constat(CritereRapprochement.COTATION, Verdict.INFORMATIF, false, c.points() + " point(s)"));
        Period anciennete = Period.between(c.dateDepot(), aujourdhui);
        constats.add(new Constat(CritereRapprochement.ANCIENNETE, Verdict.INFORMATIF, false, "déposée le "
                + c.dateDepot() + " (" + (anciennete.getYears() * 12 + anciennete.getMonths()) + " mois)"));
        return new CandidatRapproche(rang, c.numeroUnique(), c.dateDepot(), c.rangCommune(), c.tailleMenage(),
                c.ressourcesMensuelles(), c.revenuFiscal(), c.plafond(), c.tauxEffort(), c.resteAVivreParUc(),
                c.priorites(), c.dalo(), c.points(), c.mutation(), constats);
    }

    private static Constat constat(ReglesRapprochement r, CritereRapprochement critere, Boolean ok, String texte) {
        Verdict v = ok == null ? Verdict.A_VERIFIER : ok ? Verdict.SATISFAIT : Verdict.NON_SATISFAIT;
        return new Constat(critere, v, r.eliminatoires().contains(critere), texte);
    }

    private static String besoins(LigneRapprochement c) {
        List<String> b = new ArrayList<>();
        if (c.fauteuilRoulant()) {
            b.add("fauteuil roulant (logement " + Accessibilite.ADAPTE + ")");
        } else if (c.mobiliteReduite()) {
            b.add("mobilité réduite (accessible, rez-de-chaussée ou ascenseur)");
        }
        if (c.rezDeChaussee()) {
            b.add("rez-de-chaussée");
        }
        if (c.ascenseur()) {
            b.add("ascenseur");
        }
        return b.isEmpty() ? "aucun besoin d'accessibilité" : "besoins : " + String.join(", ", b);
    }

    private static String personnes(int n) {
        return n + (n > 1 ? " personnes" : " personne");
    }

    private static String ordinal(int rang) {
        return rang == 1 ? "1er" : rang + "e";
    }

    private static String euros(BigDecimal montant) {
        return montant.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " €";
    }
}
