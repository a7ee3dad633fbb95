/**
 * The legacy departmental files: streaming readers of CSV and XML extracts, the batch-by-batch import (positions,
 * resume, rejects report), the outbound extract of the changes and its persistence ({@code ExtraitMapper.xml} on the
 * shared store core). Wired by Blueprint ({@code OSGI-INF/blueprint/fichiers-departementaux.xml}); nothing exported,
 * the services are published under the API's interfaces; the routes of {@code registre-routes-fichiers-departementaux}
 * (drop folder, resumption, daily timer) call them.
 */
package org.registrehub.departemental.internal;
