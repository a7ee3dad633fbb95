package org.registrehub.departemental.internal;

import org.registrehub.api.DemandeImportee;
import org.registrehub.api.LigneRejetee;

/** One line of an extract: a demand to import, or the reason it could not be read. */
record LigneLue(DemandeImportee demande, LigneRejetee rejet) {
}
