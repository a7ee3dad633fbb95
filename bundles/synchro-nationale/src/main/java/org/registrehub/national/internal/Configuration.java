package org.registrehub.national.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** Reading of the national synchronization's configuration values. */
public final class Configuration {

    /** The prefix of the national tasks' cluster leases ({@code synchro-nationale:ENVOI}...). */
    static final String BAIL = "synchro-nationale:";

    private Configuration() {
    }

    /** {@code "044, 085"} to the territories; each must be a département code of 3 characters. */
    public static Set<String> territoires(String liste) {
        Set<String> t = new TreeSet<>();
        for (String s : Arrays.asList(liste == null ? new String[0] : liste.split("[,\\s]+"))) {
            if (s.isBlank()) {
                continue;
            }
            if (!s.matches("^[0-9]{2}[0-9AB]$")) {
                throw new IllegalArgumentException("national.territoires : « " + s + " » n'est pas un code de"
                        + " département sur 3 caractères (044, 02A, 974)");
            }
            t.add(s);
        }
        return Set.copyOf(t);
    }
}
