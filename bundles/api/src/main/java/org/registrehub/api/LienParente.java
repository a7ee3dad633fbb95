package org.registrehub.api;

/** What ties a dependent person (personne à charge) to the applicant. */
public enum LienParente { ENFANT, ASCENDANT, AUTRE_PARENT, AUTRE }
