/**
 * Who may do what: organisations (guichets, landlords, State services, observatory), their users, roles and
 * territories, the authentication and access-management services, and the audit trail of nominative reads and changes.
 */
@Export
@Version("1.3.0")
package org.registrehub.api.acces;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
