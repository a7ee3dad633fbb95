package org.registrehub.api.acces;

import org.registrehub.api.Contexte;

/** Reads the audit trail: administrators everywhere, gestionnaires on their territories; the read is audited too. */
public interface AuditService {

    PageAudit rechercher(CriteresAudit criteres, int page, int taille, Contexte contexte);
}
