package org.registrehub.campagne.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The campaign's settings (configuration PID {@code org.registrehub.campagne}).
 *
 * @param heure            the campaign starts each day once this hour has come (zone {@code zone})
 * @param lettres          where the PDF letter batches are written
 * @param lot              demands read and notified per page (the lease is extended after each)
 * @param bail             how long a node holds the day's campaign without news before another one may resume it
 * @param tarifLettre      postage of a letter (euros)
 * @param tarifRecommande  postage of a traceable letter (euros)
 * @param lienBase         the address of the renewal page, the token is appended ({@code ?jeton=})
 * @param lienDuree        how long a renewal link works
 * @param progression      how often progress is reported
 * @param connexionsSmtp   SMTP connections the e-mails are sent over at once
 * @param groupeCourriels  e-mails whose links are recorded together before they go out, then marked sent together
 *                         (after a crash, at most two groups are left uncertain: never sent twice, reported)
 */
public record ReglagesCampagne(LocalTime heure, ZoneId zone, Path lettres, int lot, Duration bail,
                               BigDecimal tarifLettre, BigDecimal tarifRecommande, String lienBase,
                               Duration lienDuree, Duration progression, int connexionsSmtp,
                               int groupeCourriels) {

    public ReglagesCampagne {
        if (lot < 1 || lot > 5000) {
            throw new IllegalArgumentException("campagne.lot : entre 1 et 5000 (valeur " + lot + ")");
        }
        if (bail.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new IllegalArgumentException("campagne.bailSecondes : au moins 5 secondes");
        }
        if (tarifLettre.signum() < 0 || tarifRecommande.signum() < 0) {
            throw new IllegalArgumentException("tarif.lettre et tarif.recommande : montants positifs en euros");
        }
        if (connexionsSmtp < 1 || connexionsSmtp > 32) {
            throw new IllegalArgumentException("smtp.connexions : entre 1 et 32 (valeur " + connexionsSmtp + ")");
        }
        if (groupeCourriels < 1 || groupeCourriels > lot) {
            throw new IllegalArgumentException("smtp.groupe : entre 1 et campagne.lot (" + lot + ") (valeur "
                    + groupeCourriels + ")");
        }
        if (lienBase == null || !lienBase.matches("https?://\\S+")) {
            throw new IllegalArgumentException("lien.base : adresse http(s) de la page de renouvellement attendue"
                    + " (valeur « " + lienBase + " »)");
        }
    }

    /** From the configuration PID; the letters go under {@code <karaf.data>/registre/courriers} unless set. */
    public static ReglagesCampagne depuis(CampagneConfig c) {
        String lettres = c.lettres_repertoire().isBlank()
                ? Path.of(System.getProperty("karaf.data", "data"), "registre", "courriers").toString()
                : c.lettres_repertoire();
        return depuis(c.campagne_heure(), c.campagne_zone(), lettres, c.campagne_lot(), c.campagne_bailSecondes(),
                c.tarif_lettre(), c.tarif_recommande(), c.lien_base(), c.lien_dureeJours(),
                c.campagne_progressionSecondes(), c.smtp_connexions(), c.smtp_groupe());
    }

    /** From the settings' text. */
    public static ReglagesCampagne depuis(String heure, String zone, String lettres, int lot, long bailSecondes,
                                          String tarifLettre, String tarifRecommande, String lienBase,
                                          long lienJours, long progressionSecondes, int connexionsSmtp,
                                          int groupeCourriels) {
        return new ReglagesCampagne(LocalTime.parse(heure), ZoneId.of(zone), Path.of(lettres), lot,
                Duration.ofSeconds(bailSecondes), new BigDecimal(tarifLettre), new BigDecimal(tarifRecommande),
                lienBase, Duration.ofDays(lienJours), Duration.ofSeconds(progressionSecondes), connexionsSmtp,
                groupeCourriels);
    }
}
