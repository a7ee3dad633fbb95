/**
 * Registration use cases and their persistence. Wiring: Declarative Services — {@link RegistreServiceImpl} publishes
 * {@link org.registrehub.api.RegistreService} and references the numbering, the register's store, the audit trail
 * (dynamically: see {@link JournalAudit}) and the JSON codec by interface; {@link AttributionServiceImpl} and
 * {@link ImportServiceImpl} the same way. The register's SQL ({@code RegistreMapper.xml}, {@code ErpMapper.xml},
 * {@code ImportMapper.xml}) runs through the shared store core in {@link RegistrePostgres}, {@link ErpPostgres} and
 * {@link ImportPostgres}. Configuration PID {@code org.registrehub.enregistrement}.
 */
package org.registrehub.enregistrement.internal;
