/**
 * Attribution: the dwellings landlords offer, and the matching of a dwelling with the pending demands of its territory,
 * explained criterion by criterion. Proposals, the commission d'attribution and the cotation build on it.
 */
@Export
@Version("1.2.0")
package org.registrehub.api.attribution;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
