package org.registrehub.api.acces;

import org.registrehub.api.Contexte;

/** Reads the audit trail: administrators everywhere, gestionnaires on their territories; the read is audited too. */
public interface AuditService {

    /** Who reads the audit trail (and manages accounts): an administrator, or a gestionnaire on its territories. */
    static boolean autorise(Identite identite) {
        return identite.a(Role.ADMIN) || identite.a(Role.GESTIONNAIRE);
    }


    PageAudit rechercher(CriteresAudit criteres, int page, int taille, Contexte contexte);
}
