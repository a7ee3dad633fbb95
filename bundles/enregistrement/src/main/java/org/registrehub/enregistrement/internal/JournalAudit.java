package org.registrehub.enregistrement.internal;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.acces.CriteresAudit;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.PageAudit;
import org.registrehub.api.acces.spi.AuditStore;

/**
 * The audit trail as the register's services hold it: a dynamic reference to the access capability's store
 * (bundle {@code registre-acces}). Updating or restarting that bundle withdraws the store for a moment; the register
 * stays up meanwhile (its service is not withdrawn, nor is every channel built on it), and an operation that must be
 * audited is refused as unavailable — nothing read, nothing written — until the store is back.
 */
final class JournalAudit implements AuditStore {

    private final AtomicReference<AuditStore> courant = new AtomicReference<>();

    JournalAudit() {
    }

    /** A journal on this store from the start (tests, fixtures). */
    JournalAudit(AuditStore store) {
        courant.set(store);
    }

    void lier(AuditStore store) {
        courant.set(store);
    }

    /** Only the store that leaves is forgotten: a newer one bound meanwhile stays. */
    void delier(AuditStore store) {
        courant.compareAndSet(store, null);
    }

    private AuditStore store() {
        AuditStore store = courant.get();
        if (store == null) {
            throw new RegistreIndisponibleException("Le journal d'audit est momentanément indisponible (la capacité"
                    + " d'accès redémarre) : rien n'a été lu ni modifié ; réessayez dans quelques secondes.", null);
        }
        return store;
    }

    @Override
    public void auditer(EntreeAudit entree) {
        store().auditer(entree);
    }

    @Override
    public PageAudit rechercher(CriteresAudit criteres, Set<String> territoires, int page, int taille) {
        return store().rechercher(criteres, territoires, page, taille);
    }
}
