package org.registrehub.api.national;

import java.time.Instant;

/**
 * The state of one task of the national synchronization, kept in the database (shared by the hub nodes).
 *
 * @param tache            the task
 * @param derniereReussite end of its last successful run, or null
 * @param dernierEchec     its last failure, or null
 * @param derniereErreur   the reason of its last failure, or null
 * @param bilan            what its last successful run did, in French
 * @param curseur          for a pull: the oldest of its territories' cursors (the national timestamp read up to);
 *                         null otherwise
 */
public record EtatTache(TacheNationale tache, Instant derniereReussite, Instant dernierEchec, String derniereErreur,
                        String bilan, Instant curseur) {
}
