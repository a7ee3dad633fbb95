package org.registrehub.api.acces;

import java.util.Set;
import java.util.TreeSet;

/**
 * A guichet enregistreur as the public directory shows it.
 *
 * @param guichet      its guichet code ({@code G1104})
 * @param organisation code of the organisation
 * @param nom          name of the organisation
 * @param type         kind of organisation (commune, landlord, State service...)
 * @param adresse      where the public is received
 * @param horaires     opening hours, in plain words
 * @param territoires  départements where it registers demands
 */
public record Guichet(String guichet, String organisation, String nom, TypeOrganisation type, String adresse,
                      String horaires, Set<String> territoires) {

    public Guichet {
        territoires = territoires == null ? Set.of() : java.util.Collections.unmodifiableSortedSet(new TreeSet<>(territoires));
    }
}
