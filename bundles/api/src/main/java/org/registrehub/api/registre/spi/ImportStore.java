package org.registrehub.api.registre.spi;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.registrehub.api.BilanLot;
import org.registrehub.api.Demande;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.EvenementDemande;
import org.registrehub.api.LigneRejetee;
import org.registrehub.api.TravailImport;

/** Persistence of the bulk imports: the imports and their position, the batches, the rejects. */
public interface ImportStore {

    /** A demand ready to be written by a batch, with its departmental number. */
    record Importee(long ligne, String ancienNumero, Demande demande, EntreeHistorique creation,
                    EvenementDemande evenement) {
    }

    /**
     * The import of the extract with this fingerprint that was stopped before its end (to resume it), or a new
     * import at position 0.
     */
    TravailImport ouvrir(String fichier, String empreinte, String format, String encodage, String lancePar,
                         String canal, Long total);


    /** The last finished import of the extract with this fingerprint, if any. */
    Optional<TravailImport> dejaTermine(String empreinte);

    Optional<TravailImport> travail(long id);

    /** The latest imports, newest first. */
    List<TravailImport> travaux(int max);

    /** The imports stopped before their end (a hub stopped or killed during them). */
    List<TravailImport> interrompus();

    /** {@code [numéro unique, ancien numéro]} of the demand that has one of them, if it was imported. */
    Optional<String[]> correspondance(String numero);

    /** The departmental numbers among these that were imported already. */
    Set<String> dejaImportes(Collection<String> ancienNumeros);

    /**
     * Writes one batch in one transaction: each demand (unless its departmental number was imported meanwhile, or
     * its applicant has an active demand already, or another one of the batch: then it joins the rejects), the
     * rejects, and the import's new position and counts ({@code dejaImportees}: the lines skipped because their
     * departmental number was imported before). Nothing of it is written if anything fails.
     */
    BilanLot ecrireLot(long importId, List<Importee> demandes, List<LigneRejetee> rejets, int dejaImportees,
                       long position);

    void terminer(long importId, String etat, String erreur);

    /** The rejects of an import, by line. */
    List<LigneRejetee> rejets(long importId);
}
