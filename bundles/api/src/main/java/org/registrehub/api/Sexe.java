package org.registrehub.api;

/** Sex as recorded on the CERFA 14069. */
public enum Sexe { F, M }
