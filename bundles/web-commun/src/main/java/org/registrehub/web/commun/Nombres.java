package org.registrehub.web.commun;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Numbers as French readers write them: {@code 1 250,50 €}, {@code 12 345}, {@code 30,4 %}. */
public final class Nombres {

    private Nombres() {
    }

    public static String euros(BigDecimal montant) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.FRANCE);
        f.setMinimumFractionDigits(montant.stripTrailingZeros().scale() > 0 ? 2 : 0);
        f.setMaximumFractionDigits(2);
        return f.format(montant) + " €";
    }

    /** A measure with at most two decimals: {@code 54,5}, {@code 30}. */
    public static String decimal(BigDecimal n) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.FRANCE);
        f.setMaximumFractionDigits(2);
        return f.format(n);
    }

    public static String entier(long n) {
        return NumberFormat.getIntegerInstance(Locale.FRANCE).format(n);
    }
}
