package org.registrehub.api.planification;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A duration read from a configuration key. Keys name their unit (decision 0002: {@code …Secondes}, never
 * milliseconds); a value may be decimal ({@code 0.5}) so that tests and small installations can tick faster than
 * once a second. Timers and clients take milliseconds: this converts, and refuses a value that is not a duration
 * with a message naming the key.
 */
public final class Duree {

    private Duree() {
    }

    /**
     * @param cle      the configuration key, named in the error
     * @param secondes its value: a non-negative number of seconds, decimal point allowed
     * @return the same duration in milliseconds (rounded to the nearest)
     * @throws IllegalArgumentException when the value is missing, not a number or negative
     */
    public static long millisecondes(String cle, String secondes) {
        BigDecimal valeur;
        try {
            valeur = new BigDecimal(secondes == null ? "" : secondes.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Configuration " + cle + " : « " + secondes
                    + " » n'est pas une durée en secondes (nombre positif, point décimal, ex. 15 ou 0.5)");
        }
        if (valeur.signum() < 0) {
            throw new IllegalArgumentException("Configuration " + cle + " : « " + secondes
                    + " » est négatif ; une durée en secondes est positive ou nulle");
        }
        return valeur.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
