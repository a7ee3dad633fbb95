/**
 * The applicant portal's service: accounts, one-time links and codes, sessions and throttling kept in PostgreSQL
 * (shared by the nodes), drafts, and the applicant's demands through the register's service.
 */
package org.registrehub.portail.internal;
