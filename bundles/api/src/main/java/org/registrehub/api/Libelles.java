package org.registrehub.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The French labels of the register's codes ({@code PERSONNE_A_CHARGE} → "Personne à charge"), for what people read:
 * web pages, reports, letters. One list ({@code libelles.properties} beside this class), so that every channel names a
 * code the same way; a code without a label is shown as it is.
 *
 * @since 1.11.0
 */
public final class Libelles {

    private static final Properties TEXTES = charger();

    private Libelles() {
    }

    private static Properties charger() {
        Properties p = new Properties();
        try (InputStream in = Libelles.class.getResourceAsStream("libelles.properties")) {
            if (in == null) {
                throw new IllegalStateException("libelles.properties absent du bundle de l'API");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The label of a code, or its name when it has none; an empty text for null. */
    public static String de(Enum<?> code) {
        if (code == null) {
            return "";
        }
        return TEXTES.getProperty(code.getDeclaringClass().getSimpleName() + "." + code.name(), code.name());
    }

    /** The label of a code given by its type's simple name and its name ({@code "Typologie", "T3"}). */
    public static String de(String type, String code) {
        return code == null ? "" : TEXTES.getProperty(type + "." + code, code);
    }

    /** Whether this code of this type has a label (a label may be the code itself: {@code T1}). */
    public static boolean connu(String type, String code) {
        return code != null && TEXTES.containsKey(type + "." + code);
    }
}
