/**
 * The legacy departmental files: streaming readers of CSV and XML extracts, the batch-by-batch import (positions,
 * resume, rejects report), the watched drop directory. Wired by Blueprint ({@code OSGI-INF/blueprint/departemental.xml})
 * like the other route bundles; nothing exported, the services are published under the API's interfaces.
 */
package org.registrehub.routes.departemental.internal;
