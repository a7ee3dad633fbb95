package org.registrehub.api.acces;

import java.util.Set;
import java.util.TreeSet;

/**
 * An EPCI (établissement public de coopération intercommunale) and its member communes: a territory an organisation
 * may be given; it covers the demands that wish one of its communes.
 *
 * @param code     SIREN, 9 digits
 * @param nom      name
 * @param communes INSEE codes of its member communes
 */
public record Epci(String code, String nom, Set<String> communes) {

    public Epci {
        communes = communes == null ? Set.of() : java.util.Collections.unmodifiableSortedSet(new TreeSet<>(communes));
    }
}
