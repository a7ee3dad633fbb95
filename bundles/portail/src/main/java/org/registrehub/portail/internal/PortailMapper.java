package org.registrehub.portail.internal;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Param;
import org.registrehub.api.acces.EntreeAudit;

/** The portal's SQL ({@code PortailMapper.xml}). */
public interface PortailMapper {

    /** An account, found by its address (lower case). */
    record LigneCompte(long id, String email, String empreinte, Instant confirmeLe) {
    }

    /** What a one-time link or code opens. */
    record LigneJeton(Long compte, String numeroUnique) {
    }

    /** An open session. */
    record LigneSession(Long compte, String numeroUnique, String email, Instant expireLe) {
    }

    /** An active demand's address and territory, for a code. */
    record LigneContact(String numeroUnique, String email, String territoire) {
    }

    LigneCompte compte(@Param("email") String email);

    LigneCompte compteParId(@Param("id") long id);

    /** The new account's id, or null if the address has one already. */
    Long creerCompte(@Param("email") String email, @Param("empreinte") String empreinte);

    /** A new password for an account not confirmed yet (a second sign-up); 0 if it is confirmed. */
    int remplacerEmpreinteNonConfirmee(@Param("id") long id, @Param("empreinte") String empreinte);

    int confirmerCompte(@Param("id") long id, @Param("maintenant") Instant maintenant);

    void noterConnexion(@Param("id") long id, @Param("maintenant") Instant maintenant);

    void insererJeton(@Param("empreinte") String empreinte, @Param("nature") String nature,
                      @Param("compte") Long compte, @Param("numero") String numero,
                      @Param("expire") Instant expire);

    /** Uses a link or code once, if it is valid now; null otherwise. */
    LigneJeton utiliserJeton(@Param("empreinte") String empreinte, @Param("nature") String nature,
                             @Param("maintenant") Instant maintenant);

    void insererSession(@Param("empreinte") String empreinte, @Param("compte") Long compte,
                        @Param("numero") String numero, @Param("email") String email,
                        @Param("maintenant") Instant maintenant, @Param("expire") Instant expire);

    /** The session if it is still open, its expiry pushed back to {@code expire}; null otherwise. */
    LigneSession toucherSession(@Param("empreinte") String empreinte, @Param("maintenant") Instant maintenant,
                                @Param("expire") Instant expire);

    int supprimerSession(@Param("empreinte") String empreinte);

    List<String> demandesDuCompte(@Param("compte") long compte);

    void lierDemande(@Param("compte") long compte, @Param("numero") String numero);

    /** The demand if it is active, with its address (or null). */
    LigneContact contactActif(@Param("numero") String numero);

    String brouillon(@Param("compte") long compte);

    void enregistrerBrouillon(@Param("compte") long compte, @Param("valeurs") String valeurs,
                              @Param("maintenant") Instant maintenant);

    void supprimerBrouillon(@Param("compte") long compte);

    /** The attempts counted for a key since {@code depuis}, oldest first. */
    List<Instant> tentatives(@Param("cle") String cle, @Param("depuis") Instant depuis);

    void tenter(@Param("cle") String cle, @Param("maintenant") Instant maintenant);

    void effacerTentatives(@Param("cle") String cle);

    /** Removes what has expired: sessions, links and codes, attempts older than the window. */
    int purgerSessions(@Param("maintenant") Instant maintenant);

    int purgerJetons(@Param("avant") Instant avant);

    int purgerTentatives(@Param("avant") Instant avant);

    void auditer(@Param("a") EntreeAudit entree);
}
