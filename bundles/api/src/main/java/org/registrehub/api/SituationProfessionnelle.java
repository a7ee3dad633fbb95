package org.registrehub.api;

/** Professional situation of an adult of the household (CERFA 14069, section 3). */
public enum SituationProfessionnelle {
    CDI, CDD, INTERIM, APPRENTI, FONCTIONNAIRE, INDEPENDANT, ETUDIANT, CHOMEUR, RETRAITE, SANS_ACTIVITE, AUTRE
}
