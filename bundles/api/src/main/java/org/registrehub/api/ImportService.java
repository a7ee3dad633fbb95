package org.registrehub.api;

import java.util.List;

/**
 * Bulk import of legacy departmental extracts into the register: every line checked by the register's rules,
 * numbered (local numbering, the original filing month kept), checked for duplicates, and written with its history
 * and event; a batch is written in one transaction together with its rejects and the import's position, so that an
 * import stopped at any moment resumes after its last batch with every line imported or rejected exactly once.
 */
public interface ImportService {

    /**
     * Imports one batch of an import opened in the store ({@link org.registrehub.api.registre.spi.ImportStore#ouvrir}).
     *
     * @param importId        the import
     * @param lignes          the lines read correctly
     * @param rejetsDeLecture the lines that could not be read (written with the batch)
     * @param position        the number of lines of the extract handled once this batch is written
     * @param contexte        who imports (a gestionnaire or an administrator of the lines' territories)
     */
    BilanLot importerLot(long importId, List<DemandeImportee> lignes, List<LigneRejetee> rejetsDeLecture,
                         long position, Contexte contexte);

    /**
     * The first half of {@link #importerLot}: the batch's lines checked by the register's rules and numbered, ready to
     * be written by {@link #ecrireLot}; nothing of the batch is written yet (numbers reserved for lines that are not
     * written in the end are left unused). An importer may prepare a batch while the previous one is being written;
     * the batches must still be written one after the other, in the extract's order.
     */
    default LotPrepare preparerLot(long importId, List<DemandeImportee> lignes, List<LigneRejetee> rejetsDeLecture,
                                   long position, Contexte contexte) {
        return new LotPrepare(importId, position, () -> importerLot(importId, lignes, rejetsDeLecture, position,
                contexte));
    }

    /**
     * The second half of {@link #importerLot}: writes a prepared batch in one transaction, with the checks that depend
     * on what is written before it (departmental numbers imported meanwhile, applicants with an active demand).
     */
    default BilanLot ecrireLot(LotPrepare lot) {
        return lot.ecriture().get();
    }

    /** A batch prepared by {@link #preparerLot}, to give to {@link #ecrireLot} of the same service. */
    record LotPrepare(long importId, long position, java.util.function.Supplier<BilanLot> ecriture) {
    }
}
