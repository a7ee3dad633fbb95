package org.registrehub.enregistrement.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.registrehub.api.Canal;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.acces.CriteresAudit;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.PageAudit;
import org.registrehub.api.acces.spi.AuditStore;

/** The register's hold on the audit trail while the access capability's bundle comes and goes. */
public class JournalAuditTest {

    /** An audit store that keeps what it is given. */
    static final class Journal implements AuditStore {
        final List<EntreeAudit> entrees = new ArrayList<>();

        @Override
        public void auditer(EntreeAudit entree) {
            entrees.add(entree);
        }

        @Override
        public PageAudit rechercher(CriteresAudit criteres, Set<String> territoires, int page, int taille) {
            throw new UnsupportedOperationException();
        }
    }

    private static EntreeAudit lecture() {
        return new EntreeAudit(Instant.now(), "agent", "MAIRIE", Canal.REST, "LECTURE", "0441226000001G1104", "044",
                null);
    }

    @Test
    public void sansStoreLOperationEstRefuseeCommeIndisponible() {
        JournalAudit journal = new JournalAudit();
        RegistreIndisponibleException e = assertThrows(RegistreIndisponibleException.class,
                () -> journal.auditer(lecture()));
        assertTrue(e.getMessage(), e.getMessage().contains("journal d'audit"));
    }

    @Test
    public void unNouveauStoreLieAvantLeDepartDeLAncienResteLie() {
        JournalAudit journal = new JournalAudit();
        Journal ancien = new Journal();
        Journal nouveau = new Journal();
        journal.lier(ancien);
        journal.auditer(lecture());
        // a bundle update: the new revision's store may be bound before the old one is unbound
        journal.lier(nouveau);
        journal.delier(ancien);
        journal.auditer(lecture());
        assertEquals(1, ancien.entrees.size());
        assertEquals(1, nouveau.entrees.size());
        journal.delier(nouveau);
        assertThrows(RegistreIndisponibleException.class, () -> journal.auditer(lecture()));
        journal.lier(ancien);
        journal.auditer(lecture());
        assertEquals(2, ancien.entrees.size());
    }
}
