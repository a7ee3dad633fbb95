package org.registrehub.numerotation.internal;

import java.time.LocalDate;
import java.util.regex.Pattern;

/** The format of the numéro unique: {@code DDD MM YY NNNNNN GGGGG}, 18 characters, no separators. */
final class NumeroUnique {

    static final int SEQUENCE_MAX = 999_999;
    static final Pattern COMMUNE = Pattern.compile("^([0-9]{5}|2[AB][0-9]{3})$");
    static final Pattern GUICHET = Pattern.compile("^(G[0-9]{4}|GDPUB)$");
    static final Pattern FORMAT = Pattern.compile("^[0-9]{2}[0-9AB](0[1-9]|1[0-2])[0-9]{2}[0-9]{6}(G[0-9]{4}|GDPUB)$");

    private NumeroUnique() {
    }

    /**
     * Territory code (département, 3 characters) of an INSEE commune code: {@code 44109 -> 044},
     * {@code 2A004 -> 02A}, overseas {@code 97411 -> 974}.
     */
    static String territoire(String commune) {
        return org.registrehub.api.NumerotationService.territoire(commune);
    }

    /** {@code MMYY} of the filing date. */
    static String moisAnnee(LocalDate dateDepot) {
        return String.format("%02d%02d", dateDepot.getMonthValue(), dateDepot.getYear() % 100);
    }

    static String formater(String territoire, String moisAnnee, long sequence, String guichet) {
        if (sequence < 1 || sequence > SEQUENCE_MAX) {
            throw new IllegalArgumentException("séquence hors limites : " + sequence);
        }
        if (guichet == null || !GUICHET.matcher(guichet).matches()) {
            throw new IllegalArgumentException("code guichet invalide : " + guichet);
        }
        return territoire + moisAnnee + String.format("%06d", sequence) + guichet;
    }

    static boolean estValide(String numero) {
        return numero != null && FORMAT.matcher(numero).matches();
    }
}
