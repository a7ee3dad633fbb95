package org.registrehub.api.attribution;

/** Where an offered dwelling stands: offered → candidates proposed → attributed (lease signed), or withdrawn. */
public enum StatutOffre {
    OFFERT, CANDIDATS_PROPOSES, ATTRIBUE, RETIRE;

    /** An open offer can still be matched, proposed, withdrawn. */
    public boolean ouverte() {
        return this == OFFERT || this == CANDIDATS_PROPOSES;
    }
}
