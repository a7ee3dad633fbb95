package org.registrehub.api.portail;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.registrehub.api.Demande;
import org.registrehub.api.Dossier;
import org.registrehub.api.EntreeHistorique;

/**
 * The applicant's side of the register. Accounts and sessions live here; every operation on a demand goes through the
 * register's service (channel {@code EN_LIGNE}, the portal's guichet), with its validation, its history and its
 * audit. A session reaches only its own demands: any other numéro is answered as unknown.
 *
 * <p>Every method that takes the client's address counts the attempt against the throttling of the portal (per
 * address, per account or numéro): past the limit it throws {@link TropDeTentativesException} without checking.
 */
public interface PortailService {

    /**
     * Creates an account (or renews the link of one not confirmed yet) and sends the confirmation link to the address.
     * The answer is the same whether an account already exists for the address or not (its holder gets an e-mail
     * saying so): the portal tells nobody who has an account.
     *
     * @throws org.registrehub.api.DemandeInvalideException naming {@code email} or {@code motDePasse} and the rule
     * @throws org.registrehub.api.FonctionnaliteAbsenteException when the hub has no SMTP server configured
     */
    void inscrire(String email, char[] motDePasse, String adresseClient);

    /**
     * Confirms an account by the token of its link (once, before it expires) and opens a session.
     *
     * @throws LienInvalideException unknown, used or expired link
     */
    SessionPortail confirmer(String jeton, String adresseClient);

    /**
     * Signs in with the account's address and password.
     *
     * @throws ConnexionRefuseeException wrong address or password, or account not confirmed
     */
    SessionPortail connecter(String email, char[] motDePasse, String adresseClient);

    /**
     * Sends a one-time code to the e-mail address of the demand, when it is active and has one. The answer is the
     * same whatever the numéro: the portal tells nobody which numéros exist.
     */
    void envoyerCode(String numeroUnique, String adresseClient);

    /**
     * Signs in with a numéro unique and the code sent to its demand's address (once, before it expires).
     *
     * @throws ConnexionRefuseeException wrong, used or expired code
     */
    SessionPortail connecterParCode(String numeroUnique, String code, String adresseClient);

    /** The session of this token if it is open, its idle time-out pushed back; empty when closed or expired. */
    Optional<SessionPortail> session(String jeton);

    /** Closes the session. */
    void deconnecter(String jeton);

    /** The draft of a first demand, as the form's values by field name; empty when there is none. */
    Map<String, List<String>> brouillon(SessionPortail session);

    /**
     * Keeps the draft of a first demand (an account's session only), replacing the previous one.
     *
     * @throws org.registrehub.api.DemandeInvalideException when the draft is too large
     */
    void enregistrerBrouillon(SessionPortail session, Map<String, List<String>> valeurs);

    /**
     * The register's field errors of a dossier, without registering anything (for a form filled in steps).
     *
     * @return every error, field by field; empty when the dossier can be filed
     */
    List<org.registrehub.api.ErreurChamp> verifier(Dossier dossier);

    /**
     * Files a first demand under the portal's guichet of the territory of the first commune sought; the demand is
     * linked to the account, the draft removed, the attestation sent by e-mail.
     *
     * @throws org.registrehub.api.DemandeInvalideException with every field error (the register's rules)
     * @throws DemandeDejaActiveException                   the applicant already has an active demand
     */
    Demande deposer(SessionPortail session, Dossier dossier);

    /** The session's demands, most recent first. */
    List<Demande> demandes(SessionPortail session);

    /**
     * One of the session's demands (the read is audited).
     *
     * @throws org.registrehub.api.DemandeIntrouvableException not one of the session's demands (whether it exists or not)
     */
    Demande demande(SessionPortail session, String numeroUnique);

    /** The history of one of the session's demands. */
    List<EntreeHistorique> historique(SessionPortail session, String numeroUnique);

    /** The attestation d'enregistrement of one of the session's demands, as a PDF. */
    byte[] attestation(SessionPortail session, String numeroUnique);

    /**
     * Modifies one of the session's demands, read at {@code version}.
     *
     * @throws org.registrehub.api.VersionObsoleteException the demand changed since it was read
     */
    Demande modifier(SessionPortail session, String numeroUnique, long version, Dossier dossier);

    /** Renews one of the session's demands, read at {@code version}, with its dossier as confirmed. */
    Demande renouveler(SessionPortail session, String numeroUnique, long version, Dossier dossier);

    /** The proposals, commission decisions and refusals recorded for one of the session's demands, oldest first. */
    List<org.registrehub.api.SuiviAttribution> suivi(SessionPortail session, String numeroUnique);

    /**
     * The score of one of the session's demands, its position among similar demands and the average waiting time of
     * those attributed (the applicant is entitled to know them), when the territory has a cotation grid and
     * {@code registre-attribution} is installed; empty otherwise.
     */
    Optional<org.registrehub.api.attribution.CotationDemande> cotation(SessionPortail session, String numeroUnique);

    /**
     * The supporting documents of one of the session's demands (the dossier unique).
     *
     * @throws org.registrehub.api.FonctionnaliteAbsenteException without {@code registre-dossier-unique}
     */
    List<org.registrehub.api.dossier.Piece> pieces(SessionPortail session, String numeroUnique);

    /**
     * Uploads a supporting document to one of the session's demands (replacing one of its documents when
     * {@code remplace} is given).
     *
     * @throws org.registrehub.api.dossier.PieceRefuseeException the file is refused, with the rule it breaks
     */
    org.registrehub.api.dossier.Piece deposerPiece(SessionPortail session, String numeroUnique,
                                                   org.registrehub.api.dossier.CategoriePiece categorie,
                                                   String nomFichier, String typeMedia, byte[] contenu,
                                                   Long remplace);

    /** One supporting document of one of the session's demands, with its content. */
    org.registrehub.api.dossier.ContenuPiece piece(SessionPortail session, String numeroUnique, long id);

    /** Withdraws a supporting document of one of the session's demands. */
    void retirerPiece(SessionPortail session, String numeroUnique, long id);
}
