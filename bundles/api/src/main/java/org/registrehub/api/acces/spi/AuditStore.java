package org.registrehub.api.acces.spi;

import java.util.Set;

import org.registrehub.api.acces.CriteresAudit;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.PageAudit;

/** The append-only audit trail in PostgreSQL (the table refuses UPDATE and DELETE). */
public interface AuditStore {

    void auditer(EntreeAudit entree);

    /**
     * Lines matching the criteria, most recent first.
     *
     * @param territoires when not null, only lines of these départements (a gestionnaire's view)
     */
    PageAudit rechercher(CriteresAudit criteres, Set<String> territoires, int page, int taille);
}
