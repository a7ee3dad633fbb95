package org.registrehub.campagne.internal;

import java.util.List;

import org.registrehub.api.renouvellement.Avis;
import org.registrehub.api.renouvellement.CalendrierRenouvellement;
import org.registrehub.api.renouvellement.spi.CampagneStore.DemandeDue;

/** What the letters say: the renewal notice, or the traceable letter of the non-response procedure. */
final class CourrierAvis implements LettresPdf.Texte {


    private final CalendrierRenouvellement calendrier;
    private final java.time.LocalDate jour;

    /** @param jour the day the letters go out */
    CourrierAvis(CalendrierRenouvellement calendrier, java.time.LocalDate jour) {
        this.calendrier = calendrier;
        this.jour = jour;
    }

    @Override
    public String objet(Avis a) {
        return Avis.NON_REPONSE.equals(a.nature())
                ? "demande de logement social n° " + a.numeroUnique() + " — réponse attendue"
                : "renouvellement de votre demande de logement social n° " + a.numeroUnique();
    }

    @Override
    public boolean recommande(Avis a) {
        return Avis.NON_REPONSE.equals(a.nature());
    }

    @Override
    public List<String> paragraphes(Avis a, DemandeDue d) {
        String madame = "Madame, Monsieur,";
        if (Avis.NON_REPONSE.equals(a.nature())) {
            String territoire = a.numeroUnique().substring(0, 3);
            java.time.LocalDate envoi = a.dateEnvoi() != null ? a.dateEnvoi() : jour;
            return List.of(madame,
                    "Pour l'instruction de votre demande de logement social n° " + a.numeroUnique()
                            + ", nous avons besoin de votre réponse sur le point suivant : " + a.objet() + ".",
                    "Merci de répondre au guichet " + a.guichet() + " ou de mettre à jour votre demande avant le "
                            + Formats.DATE.format(calendrier.finAttenteReponse(territoire, envoi)) + ".",
                    "Sans réponse de votre part dans ce délai, votre demande sera radiée pour absence de réponse"
                            + " (article R. 441-2-8 du code de la construction et de l'habitation).",
                    "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.");
        }
        return List.of(madame,
                "Votre demande de logement social n° " + a.numeroUnique()
                        + (d == null ? "" : ", déposée le " + Formats.DATE.format(d.dateDepot()))
                        + ", est valable jusqu'au "
                        + Formats.DATE.format(a.finValidite()) + ".",
                "Pour la garder, avec son numéro et son ancienneté, renouvelez-la avant cette date auprès du guichet "
                        + a.guichet() + " ou de tout guichet enregistreur du département, en signalant les"
                        + " changements de votre situation (composition du ménage, ressources).",
                "Sans renouvellement, votre demande sera radiée après le " + Formats.DATE.format(a.finValidite())
                        + " (motif : non-renouvellement). Elle pourra encore être réactivée pendant un délai de grâce,"
                        + " en conservant son ancienneté.",
                "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.");
    }
}
