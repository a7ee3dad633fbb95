package org.registrehub.api;

/** Family situation of the applicant (CERFA 14069, section 1). */
public enum SituationFamiliale {
    CELIBATAIRE, MARIE, PACSE, CONCUBIN, DIVORCE, SEPARE, VEUF
}
