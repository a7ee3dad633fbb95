package org.registrehub.bench.donnees;

import java.util.List;

/**
 * Real départements, EPCI and communes (INSEE codes) the generator draws from: Loire-Atlantique, Nord and
 * Pas-de-Calais (the départements of the reference tables of DOMAIN.md), weighted by their pending demands.
 */
final class Territoires {

    record Commune(String insee, String nom, String epci, int poids) {
    }

    record Departement(String code, int poids, List<Commune> communes) {
    }

    static final List<Departement> DEPARTEMENTS = List.of(
            new Departement("044", 35, List.of(
                    new Commune("44109", "Nantes", "Nantes Métropole", 40),
                    new Commune("44162", "Saint-Herblain", "Nantes Métropole", 8),
                    new Commune("44143", "Rezé", "Nantes Métropole", 8),
                    new Commune("44114", "Orvault", "Nantes Métropole", 4),
                    new Commune("44215", "Vertou", "Nantes Métropole", 3),
                    new Commune("44026", "Carquefou", "Nantes Métropole", 3),
                    new Commune("44184", "Saint-Nazaire", "CARENE Saint-Nazaire Agglomération", 15),
                    new Commune("44055", "La Baule-Escoublac", "Cap Atlantique", 3))),
            new Departement("059", 90, List.of(
                    new Commune("59350", "Lille", "Métropole Européenne de Lille", 25),
                    new Commune("59512", "Roubaix", "Métropole Européenne de Lille", 12),
                    new Commune("59599", "Tourcoing", "Métropole Européenne de Lille", 10),
                    new Commune("59009", "Villeneuve-d'Ascq", "Métropole Européenne de Lille", 6),
                    new Commune("59183", "Dunkerque", "Communauté urbaine de Dunkerque", 10),
                    new Commune("59606", "Valenciennes", "Valenciennes Métropole", 7),
                    new Commune("59178", "Douai", "Douaisis Agglo", 5),
                    new Commune("59122", "Cambrai", "Communauté d'agglomération de Cambrai", 3))),
            new Departement("062", 37, List.of(
                    new Commune("62041", "Arras", "Communauté urbaine d'Arras", 10),
                    new Commune("62193", "Calais", "Grand Calais Terres et Mers", 12),
                    new Commune("62160", "Boulogne-sur-Mer", "Communauté d'agglomération du Boulonnais", 10),
                    new Commune("62498", "Lens", "Communauté d'agglomération de Lens-Liévin", 12),
                    new Commune("62510", "Liévin", "Communauté d'agglomération de Lens-Liévin", 8),
                    new Commune("62119", "Béthune", "Communauté d'agglomération Béthune-Bruay", 8))));

    private Territoires() {
    }
}
