package org.registrehub.api.acces;

import java.util.Set;
import java.util.TreeSet;

/**
 * An organisation and the territories it works on: départements (3 characters: {@code 044}, {@code 02A}, {@code 974})
 * and EPCI (their SIREN, 9 digits: {@code 244400404}).
 *
 * @param code        short unique code ({@code NMH}, {@code DDETS44}, {@code G1104}...)
 * @param type        kind of organisation
 * @param nom         display name
 * @param guichet     its guichet enregistreur code ({@code G} + 4 digits), if it registers demands
 * @param active      a disabled organisation's users are refused
 * @param territoires départements and EPCI it works on
 */
public record Organisation(String code, TypeOrganisation type, String nom, String guichet, boolean active,
                           Set<String> territoires) {

    public Organisation {
        territoires = territoires == null ? Set.of() : java.util.Collections.unmodifiableSortedSet(new TreeSet<>(territoires));
    }
}
