/**
 * The renewal campaign: the engine ({@link org.registrehub.campagne.internal.CampagneRenouvellementImpl}), the email
 * notices (JavaMail over SMTP), the print-ready PDF letter batches (PDFBox), the online renewal behind the one-time
 * link, and the campaign's store over the register's database ({@link org.registrehub.api.spi.BaseDeDonnees}, SQL
 * in {@code CampagneMapper.xml} beside its mapper). Declarative Services components configured by the PID
 * {@code org.registrehub.campagne} ({@link org.registrehub.campagne.internal.CampagneConfig}); nothing exported, the
 * services are published under the API's interfaces. The Camel route that starts the day's campaign is in
 * {@code routes/campagne-renouvellement}.
 */
package org.registrehub.campagne.internal;
