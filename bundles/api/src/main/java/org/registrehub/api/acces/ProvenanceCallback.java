package org.registrehub.api.acces;

import javax.security.auth.callback.Callback;

import org.registrehub.api.Canal;

/**
 * A JAAS callback the realm asks for, besides the login and the password: the channel and the client address of the
 * attempt, which the brakes on password guessing count per address. A handler that does not know it (the SSH
 * console, the broker) leaves it empty.
 */
public final class ProvenanceCallback implements Callback {

    private Canal canal;
    private String adresse;

    public Canal getCanal() {
        return canal;
    }

    public String getAdresse() {
        return adresse;
    }

    public void renseigner(Canal canal, String adresse) {
        this.canal = canal;
        this.adresse = adresse;
    }
}
