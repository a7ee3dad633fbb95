package org.registrehub.attribution.internal;

/** A demand's cotation as the mapper reads it (communes and detail as text). */
public record LigneCotation(String territoire, String communes, String territoireGrille, int versionGrille,
                            int points, String detail, String commune, String typologie, long position,
                            long comparees, long attributions, Double delaiJours) {
}
