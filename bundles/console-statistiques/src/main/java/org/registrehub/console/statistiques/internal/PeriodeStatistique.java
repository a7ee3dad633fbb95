package org.registrehub.console.statistiques.internal;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Option;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.statistiques.Granularite;

/** The options of the statistics commands: the period ({@code --du}, {@code --au}) and the granularity. */
abstract class PeriodeStatistique implements Action {

    @Option(name = "--du", description = "Premier jour de la période (AAAA-MM-JJ)")
    String du;

    @Option(name = "--au", description = "Dernier jour de la période (AAAA-MM-JJ)")
    String au;

    @Option(name = "--par", aliases = "-g", description = "REGION, DEPARTEMENT (par défaut), EPCI, COMMUNE ou GUICHET")
    String par;

    /** The granularity asked for, null when none. */
    Granularite granularite() {
        return valeur("--par", par, Granularite.class);
    }

    static <E extends Enum<E>> E valeur(String option, String texte, Class<E> type) {
        if (texte == null || texte.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, texte.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DemandeInvalideException(List.of(new ErreurChamp(option, "valeur-autorisee", texte,
                    String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(x -> x.name()
                            .toLowerCase(Locale.ROOT)).toList()))));
        }
    }
}
