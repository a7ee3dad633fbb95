package org.registrehub.api.renouvellement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.registrehub.api.Contexte;

/**
 * The renewal campaign of a day: notices to the demands whose end of validity comes within their territory's lead
 * time (an email to the applicants who gave an address, a letter in the print-ready batch of their guichet for the
 * others), radiation of the demands expired after their notice ({@code NON_RENOUVELLEMENT}) and of the demands whose
 * traceable letter went unanswered ({@code NON_REPONSE}). Once cluster-wide: the nodes share one lease per day in the
 * database; a campaign stopped in the middle resumes where it was, and no demand gets the same notice twice.
 */
public interface CampagneRenouvellement {

    /** What the campaign of {@code jour} would do now, by guichet, without writing or sending anything. */
    Apercu apercu(LocalDate jour, Contexte contexte);

    /**
     * Whether today's campaign is due on this node's clock: its hour has come and it is not finished (the scheduler's
     * check; the day's lease decides which node runs it).
     */
    boolean echue();

    /**
     * Runs (or resumes) today's campaign on this node.
     *
     * @param progression receives a line of progress every few seconds (console)
     * @return its report, or empty if another node holds today's campaign
     */
    default Optional<BilanCampagne> executer(Contexte contexte, Consumer<String> progression) {
        return executer(contexte, progression, a -> { });
    }

    /**
     * Runs (or resumes) today's campaign on this node, reporting where it stands after each batch (a web page's
     * progress bar).
     *
     * @param progression receives a line of progress every few seconds (console)
     * @param avancement  receives the counts so far after each batch of notices or radiations, and at the end
     * @return its report, or empty if another node holds today's campaign
     * @since 1.3.0
     */
    Optional<BilanCampagne> executer(Contexte contexte, Consumer<String> progression,
                                     Consumer<AvancementCampagne> avancement);

    /** The report of the campaign of {@code jour}, if one ran or runs. */
    Optional<BilanCampagne> rapport(LocalDate jour, Contexte contexte);

    /** The last {@code nombre} campaigns, latest first. */
    List<BilanCampagne> rapports(int nombre, Contexte contexte);

    /**
     * Starts the non-response procedure on an active demand: a traceable letter (recommandé) goes out with the next
     * campaign, in its guichet's batch; a demand that has not changed (modification, renewal) when the territory's
     * wait after the sending is over is radiated {@code NON_REPONSE}.
     *
     * @param objet what the applicant is asked for (printed in the letter)
     */
    Avis engagerNonReponse(String numeroUnique, String objet, Contexte contexte);

    /** Every notice and letter of a demand, oldest first. */
    List<Avis> avis(String numeroUnique, Contexte contexte);
}
