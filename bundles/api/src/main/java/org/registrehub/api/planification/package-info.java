/**
 * Scheduling rules shared by the hub's jobs: when a daily job is due ({@link EcheanceQuotidienne}) and how long a configured duration is ({@link Duree}). The routes' timers
 * tick; the services decide with these rules; the cluster's leases ({@code BauxCluster}) make a job run on one node.
 */
@Export
@Version("1.1.0")
package org.registrehub.api.planification;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
