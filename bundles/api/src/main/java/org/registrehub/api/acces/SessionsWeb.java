package org.registrehub.api.acces;

import java.util.Optional;

/**
 * The sessions of the staff's web application (back-office): opened after a login checked by the realm
 * ({@link Royaume#connecter(String, char[], org.registrehub.api.Canal, String)}), kept in PostgreSQL so that any node
 * serves any request, ended by a logout, by inactivity or by their maximum duration. Each opening and closing is
 * written to the audit trail.
 */
public interface SessionsWeb {

    /** Opens a session for an identity the realm has just checked. */
    SessionWeb ouvrir(Identite identite, String adresseClient);

    /**
     * The open session of this token, its inactivity delay restarted, with the identity as it is now; empty when the
     * token is unknown, the session ended, or the user or its organisation has been disabled since.
     */
    Optional<SessionWeb> session(String jeton);

    /** Ends the session of this token (nothing happens for an unknown token). */
    void fermer(String jeton);
}
