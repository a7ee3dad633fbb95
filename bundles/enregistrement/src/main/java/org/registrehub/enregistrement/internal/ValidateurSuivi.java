package org.registrehub.enregistrement.internal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.registrehub.api.Candidat;
import org.registrehub.api.DecisionCal;
import org.registrehub.api.DecisionCommission;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.Proposition;

/** What a proposition, a CAL decision, a renunciation or a signed lease must carry. */
final class ValidateurSuivi {

    static final int CANDIDATS_MAX = 3;
    private static final String RPLS = "^[0-9A-Za-z]{1,20}$";
    private static final int COMMENTAIRE_MAX = 1000;

    private ValidateurSuivi() {
    }

    static List<ErreurChamp> proposition(Proposition p, LocalDate aujourdhui) {
        Erreurs e = new Erreurs();
        if (p == null) {
            e.ajouter("proposition", "obligatoire", null, "la proposition est absente");
            return e.liste();
        }
        rpls(e, "proposition.identifiantRpls", p.identifiantRpls());
        date(e, "proposition.dateProposition", p.dateProposition(), aujourdhui);
        List<Candidat> candidats = p.candidats();
        if (candidats == null || candidats.isEmpty()) {
            e.ajouter("proposition.candidats", "obligatoire", null, "au moins un candidat");
        } else if (candidats.size() > CANDIDATS_MAX) {
            e.ajouter("proposition.candidats", "taille", candidats.size(),
                    "au plus " + CANDIDATS_MAX + " candidats par logement");
        } else {
            Set<String> numeros = new HashSet<>();
            Set<Integer> rangs = new HashSet<>();
            for (int i = 0; i < candidats.size(); i++) {
                String champ = "proposition.candidats[" + i + "]";
                Candidat c = candidats.get(i);
                if (c == null) {
                    e.ajouter(champ, "obligatoire", null, "candidat absent");
                    continue;
                }
                if (numero(e, champ + ".numeroUnique", c.numeroUnique()) && !numeros.add(c.numeroUnique().strip())) {
                    e.ajouter(champ + ".numeroUnique", "unicite", c.numeroUnique(),
                            "la même demande figure deux fois parmi les candidats");
                }
                if (!e.manquant(champ + ".rang", c.rang())) {
                    if (c.rang() < 1 || c.rang() > CANDIDATS_MAX) {
                        e.ajouter(champ + ".rang", "intervalle", c.rang(), "rang de 1 à " + CANDIDATS_MAX);
                    } else if (!rangs.add(c.rang())) {
                        e.ajouter(champ + ".rang", "unicite", c.rang(), "deux candidats ont le même rang");
                    }
                }
            }
        }
        commentaire(e, "proposition.commentaire", p.commentaire());
        return e.liste();
    }

    static List<ErreurChamp> decision(DecisionCommission d, LocalDate aujourdhui) {
        Erreurs e = new Erreurs();
        if (d == null) {
            e.ajouter("decisionCal", "obligatoire", null, "la décision est absente");
            return e.liste();
        }
        numero(e, "decisionCal.numeroUnique", d.numeroUnique());
        rpls(e, "decisionCal.identifiantRpls", d.identifiantRpls());
        date(e, "decisionCal.dateCommission", d.dateCommission(), aujourdhui);
        if (!e.manquant("decisionCal.decision", d.decision())) {
            if (d.decision() == DecisionCal.IRRECEVABILITE) {
                if (d.motifIrrecevabilite() == null) {
                    e.ajouter("decisionCal.motifIrrecevabilite", "obligatoire", null, "motif d'irrecevabilité"
                            + " obligatoire (RESSOURCES_SUPERIEURES_PLAFOND, SEJOUR_IRREGULIER, AUTRE)");
                }
            } else if (d.motifIrrecevabilite() != null) {
                e.ajouter("decisionCal.motifIrrecevabilite", "coherence", d.motifIrrecevabilite(),
                        "le motif d'irrecevabilité ne se déclare qu'avec la décision IRRECEVABILITE");
            }
            if (d.decision() == DecisionCal.ATTRIBUTION_SOUS_CONDITION) {
                if (d.condition() == null || d.condition().isBlank()) {
                    e.ajouter("decisionCal.condition", "obligatoire", null,
                            "la condition d'une attribution sous condition est obligatoire");
                } else if (d.condition().length() > COMMENTAIRE_MAX) {
                    e.ajouter("decisionCal.condition", "longueur", d.condition(), "au plus 1000 caractères");
                }
            } else if (d.condition() != null) {
                e.ajouter("decisionCal.condition", "coherence", d.condition(),
                        "une condition ne se déclare qu'avec la décision ATTRIBUTION_SOUS_CONDITION");
            }
        }
        if (d.rang() != null && (d.rang() < 1 || d.rang() > CANDIDATS_MAX)) {
            e.ajouter("decisionCal.rang", "intervalle", d.rang(), "rang de 1 à " + CANDIDATS_MAX);
        } else if (d.decision() == DecisionCal.ATTRIBUTION_PAR_CLASSEMENT && (d.rang() == null || d.rang() < 2)) {
            e.ajouter("decisionCal.rang", "obligatoire", d.rang(), "une attribution par classement donne le rang du"
                    + " candidat dans le classement, 2 ou 3");
        }
        commentaire(e, "decisionCal.commentaire", d.commentaire());
        return e.liste();
    }

    static List<ErreurChamp> renonciation(String numeroUnique, String identifiantRpls, LocalDate date,
                                          String commentaire, LocalDate aujourdhui) {
        Erreurs e = new Erreurs();
        numero(e, "renonciation.numeroUnique", numeroUnique);
        rpls(e, "renonciation.identifiantRpls", identifiantRpls);
        date(e, "renonciation.dateRenonciation", date, aujourdhui);
        commentaire(e, "renonciation.commentaire", commentaire);
        return e.liste();
    }

    static List<ErreurChamp> bail(String numeroUnique, String identifiantRpls, String reservataire, Boolean dalo,
                                  LocalDate dateSignature, String commentaire, LocalDate aujourdhui) {
        Erreurs e = new Erreurs();
        numero(e, "bailSigne.numeroUnique", numeroUnique);
        rpls(e, "bailSigne.identifiantRpls", identifiantRpls);
        e.manquant("bailSigne.reservataire", reservataire);
        e.manquant("bailSigne.dalo", dalo);
        date(e, "bailSigne.dateSignature", dateSignature, aujourdhui);
        commentaire(e, "bailSigne.commentaire", commentaire);
        return e.liste();
    }

    private static boolean numero(Erreurs e, String champ, String numero) {
        if (e.manquant(champ, numero)) {
            return false;
        }
        if (!ValidateurDemande.validerNumero(numero.strip()).isEmpty()) {
            e.ajouter(champ, "format", numero,
                    "numéro unique attendu : 18 caractères DDDMMAANNNNNNGGGGG, par exemple 0440324000001G1104");
            return false;
        }
        return true;
    }

    private static void rpls(Erreurs e, String champ, String rpls) {
        if (!e.manquant(champ, rpls) && !rpls.strip().matches(RPLS)) {
            e.ajouter(champ, "format", rpls, "identifiant RPLS du logement attendu : 1 à 20 lettres ou chiffres");
        }
    }

    private static void date(Erreurs e, String champ, LocalDate date, LocalDate aujourdhui) {
        if (!e.manquant(champ, date) && date.isAfter(aujourdhui)) {
            e.ajouter(champ, "passee", date, "la date ne peut pas être dans le futur");
        }
    }

    private static void commentaire(Erreurs e, String champ, String commentaire) {
        if (commentaire != null && commentaire.length() > COMMENTAIRE_MAX) {
            e.ajouter(champ, "longueur", commentaire, "au plus 1000 caractères");
        }
    }
}
