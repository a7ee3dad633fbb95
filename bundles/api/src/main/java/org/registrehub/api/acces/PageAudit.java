package org.registrehub.api.acces;

import java.util.List;

/**
 * A page of the audit trail, most recent first.
 *
 * @param entrees lines of this page
 * @param page    page number, from 0
 * @param taille  page size
 * @param total   number of matching lines
 */
public record PageAudit(List<EntreeAudit> entrees, int page, int taille, long total) {

    public PageAudit {
        entrees = List.copyOf(entrees);
    }
}
