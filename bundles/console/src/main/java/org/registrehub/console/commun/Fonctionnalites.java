package org.registrehub.console.commun;

import org.registrehub.api.FonctionnaliteAbsenteException;

/** The service of a capability that a command needs, or the error that names the feature to install. */
public final class Fonctionnalites {

    private Fonctionnalites() {
    }

    /**
     * @param service        the command's optional reference (null while the capability is away or restarting)
     * @param quoi           what the service is, as an operator would name it ("La campagne de renouvellement")
     * @param fonctionnalite the Karaf feature that provides it
     */
    public static <T> T exiger(T service, String quoi, String fonctionnalite) {
        if (service == null) {
            throw new FonctionnaliteAbsenteException(quoi, fonctionnalite);
        }
        return service;
    }
}
