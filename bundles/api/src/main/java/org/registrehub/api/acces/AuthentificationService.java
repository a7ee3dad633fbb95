package org.registrehub.api.acces;

import java.util.Optional;

/** Checks credentials against the identities stored in PostgreSQL (used by the JAAS realm of every channel). */
public interface AuthentificationService {

    /**
     * The identity of an active user of an active organisation whose password matches; empty otherwise (unknown
     * user, wrong password, disabled account), without saying which, and after the same work in every case.
     */
    Optional<Identite> authentifier(String identifiant, char[] motDePasse);

    /**
     * The same, knowing where the attempt comes from: failures are counted per login and per address, and a login or
     * address with too many is refused for a while without any password check.
     *
     * @param canal   the channel, or null when it is not known
     * @param adresse the client's address, or null when it is not known
     * @throws ConnexionVerrouilleeException when this login or address is locked
     */
    default Optional<Identite> authentifier(String identifiant, char[] motDePasse, org.registrehub.api.Canal canal,
                                            String adresse) {
        return authentifier(identifiant, motDePasse);
    }

    /** The current identity of an active user (roles and territories as they are now), for a message channel. */
    Optional<Identite> identite(String identifiant);

    /**
     * The identity an organisation acts with on its own ERP queues: {@code erp:<CODE>}, its territories as they are
     * now, the role {@link Role#BAILLEUR} for a landlord (and {@link Role#GUICHET} too when it has a guichet code),
     * {@link Role#GUICHET} for a guichet; empty for an unknown or disabled organisation, or one of another type.
     */
    Optional<Identite> identiteOrganisation(String code);
}
