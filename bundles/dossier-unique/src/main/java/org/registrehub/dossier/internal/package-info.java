/** The dossier unique's service: content verification of the uploaded files, storage in PostgreSQL, audited reads. */
package org.registrehub.dossier.internal;
