package org.registrehub.statistiques.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.NumerotationService;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Role;
import org.registrehub.api.statistiques.Granularite;

/**
 * Who reads which lines of the Infocentre. The circle — gestionnaires, observateurs, administrators — reads every
 * line, exact. A guichet or a bailleur reads the groups that lie within its territories (its départements; an EPCI
 * among its territories; a région all of whose départements are its own; its own guichet code), with the secret
 * statistique applied ({@link SecretStatistique}).
 */
final class DroitsStatistiques {

    static final Set<Role> CERCLE = EnumSet.of(Role.ADMIN, Role.GESTIONNAIRE, Role.OBSERVATEUR);

    private DroitsStatistiques() {
    }

    static boolean dansLeCercle(Identite i) {
        return CERCLE.stream().anyMatch(i::a);
    }

    /**
     * Whether a partner reads the line of that group.
     *
     * @param departementsDesGroupes where each région or EPCI lies (the store's {@code departementsDesGroupes})
     */
    static boolean lit(Identite i, Granularite granularite, String code,
                       Map<String, Set<String>> departementsDesGroupes) {
        Set<String> siens = i.departements();
        return switch (granularite) {
            case DEPARTEMENT -> siens.contains(code);
            case COMMUNE -> i.couvreCommune(code) || siens.contains(departement(code));
            case GUICHET -> code.equals(i.organisation().guichet());
            case EPCI -> i.couvre(code) || dansSesDepartements(siens, departementsDesGroupes.get(code));
            case REGION -> dansSesDepartements(siens, departementsDesGroupes.get(code));
        };
    }

    /** A group the store knows ({@code departements} not null) all of whose départements are the partner's. */
    private static boolean dansSesDepartements(Set<String> siens, Set<String> departements) {
        return departements != null && siens.containsAll(departements);
    }

    /** The département of a commune's INSEE code, or null for a code that is none ("(inconnue)"). */
    private static String departement(String commune) {
        try {
            return NumerotationService.territoire(commune);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The département whose monthly series a partner reads: the one asked for, if it is its own; without one, its
     * only département.
     *
     * @throws AccesRefuseException naming its départements otherwise
     */
    static String departementDeSerie(Identite i, String departement) {
        Set<String> siens = i.departements();
        if (departement == null && siens.size() == 1) {
            return siens.iterator().next();
        }
        if (departement != null && siens.contains(departement)) {
            return departement;
        }
        String liste = siens.isEmpty() ? "aucun" : siens.stream().sorted().collect(Collectors.joining(", "));
        throw new AccesRefuseException("Accès refusé : " + i.organisation().code() + " lit les séries mensuelles de "
                + "ses départements (" + liste + ")" + (departement == null ? " : précisez le paramètre departement."
                : ", pas celles de " + departement + "."));
    }
}
