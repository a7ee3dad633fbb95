package org.registrehub.api;

/** Whose resource a line of resources is. */
public enum Beneficiaire { DEMANDEUR, CO_DEMANDEUR, PERSONNE_A_CHARGE }
