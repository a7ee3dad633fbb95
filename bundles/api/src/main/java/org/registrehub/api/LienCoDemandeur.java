package org.registrehub.api;

/** What ties the co-applicant to the applicant. */
public enum LienCoDemandeur { CONJOINT, PARTENAIRE_PACS, CONCUBIN, CO_TITULAIRE, AUTRE }
