package org.registrehub.api.attribution;

/** What one criterion of the grid gives a demand. */
public record PointsCritere(String code, String libelle, int points) {
}
