/**
 * What the console commands of every bundle share: the register identity of the session and its roles
 * ({@link org.registrehub.console.commun.Sessions}), dates ({@link org.registrehub.console.commun.Dates}), the
 * completion of a numéro unique ({@link org.registrehub.console.commun.NumeroUniqueCompleter}), and the service of a
 * capability or the error naming its feature ({@link org.registrehub.console.commun.Fonctionnalites}). Exported for the
 * commands of an optional capability, which the {@code registre-console} feature installs with it
 * ({@code <conditional>}: {@code registre-console-statistiques}, {@code -campagne-renouvellement},
 * {@code -synchro-nationale}, {@code -fichiers-departementaux}, {@code -erp}).
 */
@Export
@Version("1.0.0")
package org.registrehub.console.commun;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
