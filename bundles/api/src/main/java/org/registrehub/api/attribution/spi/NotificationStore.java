package org.registrehub.api.attribution.spi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.attribution.NotificationCandidat;

/** The notifications' persistence: what waits, claimed by one sender at a time, and marked sent with its audit. */
public interface NotificationStore {

    /** A notification to send, with what its text says. */
    record AEnvoyer(long id, String numeroUnique, String territoire, String nature, String decision, String motif,
                    String condition, Integer rangClassement, int rang, String identifiantRpls, String adresse,
                    String commune, String typologie, String bailleur, BigDecimal loyer, BigDecimal charges,
                    LocalDate dateDisponibilite, String nom, String prenoms, String email, String adressePostale,
                    String codePostal, String ville) {
    }

    /** What became of one e-mail. */
    enum Issue {
        /** sent: marked ENVOYEE */
        ENVOYEE,
        /** the address was refused: the notification goes by letter */
        PAR_COURRIER,
        /** the server cannot be reached: this one and the next stay to send */
        ARRET
    }

    /** An e-mail sender: the outcome and, for a letter instead, why. */
    interface Envoi {
        Issue envoyer(AEnvoyer notification, StringBuilder observation);
    }

    /**
     * Claims up to {@code limite} e-mails to send (none another sender holds), gives each to {@code envoi} and records
     * the outcome, in one transaction: a sent one is ENVOYEE with an audit line made from {@code audit}.
     *
     * @return the e-mails sent
     */
    int envoyerCourriels(int limite, Envoi envoi, EntreeAudit audit);

    /**
     * Claims up to {@code limite} letters to send, has {@code lot} print them (it returns the batch's name) and marks
     * them ENVOYEE in that batch, in one transaction; nothing is marked if printing or the transaction fails.
     *
     * @return the letters printed, 0 when none waited
     */
    int envoyerCourriers(int limite, Function<List<AEnvoyer>, String> lot, EntreeAudit audit);

    /** E-mails still waiting with no SMTP server: all go by letter (with that observation). */
    int basculerEnCourrier(String observation);

    /** Notifications still to send. */
    long restantes();

    List<NotificationCandidat> notifications(String numeroUnique);

    /** An audit line (a nominative read). */
    void auditer(EntreeAudit entree);
}
