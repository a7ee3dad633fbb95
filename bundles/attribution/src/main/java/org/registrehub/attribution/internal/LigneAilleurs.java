package org.registrehub.attribution.internal;

/** A demand in the running for another open dwelling. */
public record LigneAilleurs(String numeroUnique, String identifiantRpls) {
}
