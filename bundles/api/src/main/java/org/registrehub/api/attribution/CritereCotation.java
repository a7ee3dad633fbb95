package org.registrehub.api.attribution;

/**
 * One criterion of a cotation grid.
 *
 * @param code    short stable code ({@code SANS_LOGEMENT}, {@code ANCIENNETE}), unique in the grid
 * @param libelle what the applicant reads
 * @param type    what it looks at
 * @param valeur  the category, motive or status it awards, for the types that name one
 * @param points  points awarded (per month or per dependant for those types), -1000 to 1000
 * @param plafond most points the criterion gives, for the per-unit types (optional)
 */
public record CritereCotation(String code, String libelle, TypeCritereCotation type, String valeur, Integer points,
                              Integer plafond) {
}
