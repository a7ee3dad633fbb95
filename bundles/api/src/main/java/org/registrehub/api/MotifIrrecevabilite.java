package org.registrehub.api;

/** Sub-reasons of a radiation for irrecevabilité. */
public enum MotifIrrecevabilite { RESSOURCES_SUPERIEURES_PLAFOND, SEJOUR_IRREGULIER, AUTRE }
