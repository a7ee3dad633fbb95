package org.registrehub.routes.departemental.internal;

import java.nio.file.Path;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.registrehub.api.planification.Duree;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.ExtraitsSortants;
import org.registrehub.api.ImportExtraits;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.TravailImport;

/**
 * {@code departemental-depot}: an extract dropped in {@code {{import.repertoire}}/entree} is moved to
 * {@code entree/.encours}, imported, then moved to {@code traites} (or {@code erreurs} when it cannot be read: its
 * reason is in the import's state and the log); while the database is unreachable the import waits and resumes (the
 * route redelivers it, the import goes on after its last batch). {@code departemental-reprise}: at start, resumes the
 * imports a stop of the hub interrupted. Both import as {@code import:depot}, an administrator identity of the hub.
 * {@code departemental-extrait}: the daily outbound extract of the changes, once its hour has come. The work is the
 * services' of the bundle {@code registre-fichiers-departementaux} ({@link ImportExtraits}, {@link ExtraitsSortants}).
 */
public class DepartementalRoutes extends RouteBuilder {

    static final Contexte DEPOT = new Contexte(new Identite("import:depot", new Organisation("HUB",
            TypeOrganisation.HUB, "Dépôt des extraits départementaux", null, true, Set.of()), Set.of(Role.ADMIN)),
            Canal.IMPORT);

    private final ImportExtraits imports;
    private final ExtraitsSortants extrait;

    public DepartementalRoutes(ImportExtraits imports, ExtraitsSortants extrait) {
        this.imports = imports;
        this.extrait = extrait;
    }

    @Override
    public void configure() {
        errorHandler(defaultErrorHandler().maximumRedeliveries(0).logExhaustedMessageHistory(false));
        onException(RegistreIndisponibleException.class)
                .maximumRedeliveries(-1).redeliveryDelay(2000).useExponentialBackOff().backOffMultiplier(2)
                .maximumRedeliveryDelay(60000).retryAttemptedLogLevel(LoggingLevel.WARN);

        from("file:{{import.repertoire}}/entree?preMove=.encours/${file:onlyname}"
                + "&move={{import.repertoire}}/traites/${date:now:yyyyMMdd-HHmmss}-${file:onlyname}"
                + "&moveFailed={{import.repertoire}}/erreurs/${file:onlyname}"
                + "&include=(?i).*\\.(csv|txt|xml)&readLock=changed&readLockMinAge=" + ms("import.ageMinSecondes")
               + "&delay=" + ms("import.periodeSecondes") + "&maxMessagesPerPoll=1")
                .routeId("departemental-depot")
                .process(this::importer);

        from("timer:departemental-reprise?repeatCount=1&delay=" + ms("import.repriseDelaiSecondes"))
                .routeId("departemental-reprise")
                .process(e -> imports.reprendre(DEPOT));

        from("timer:departemental-extrait?period=" + ms("extrait.verificationSecondes")
                + "&delay=" + ms("import.repriseDelaiSecondes"))
                .routeId("departemental-extrait")
                .process(e -> extrait.produireSiEchu());
    }

    private void importer(Exchange exchange) {
        Path fichier = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
        TravailImport t = imports.importer(fichier, null, false, DEPOT, texte -> { });
        if (TravailImport.ECHEC.equals(t.etat())) {
            throw new IllegalArgumentException("extrait " + fichier.getFileName() + " non importé : " + t.erreur());
        }
    }

    /** A duration key of this capability's PID (seconds, decimal allowed), in milliseconds for a timer. */
    private long ms(String cle) {
        return Duree.millisecondes(cle, getContext().resolvePropertyPlaceholders("{{" + cle + "}}"));
    }
}
