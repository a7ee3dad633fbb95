package org.registrehub.numerotation.internal;

import java.time.LocalDate;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.registrehub.api.NumerotationService;
import org.registrehub.api.Personne;
import org.registrehub.api.RegistreException;
import org.registrehub.api.national.RegistreNational;
import org.registrehub.api.numerotation.spi.CompteurStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's numbering: local (database counters) or national (numbers obtained from the national register), as
 * {@code mode} of {@code org.registrehub.numerotation} says. The mode changes live ({@code registre:numerotation
 * nationale}, or by editing the file): the next registration uses the new one. The national client is the service
 * of the feature registre-synchro-nationale; while it is missing, national numbering refuses registrations with a
 * message that says so.
 */
@Component(service = NumerotationService.class, configurationPid = "org.registrehub.numerotation",
        property = "numerotation=choisie")
@Designate(ocd = NumerotationConfig.class)
public class NumerotationChoisie implements NumerotationService {

    private static final Logger LOG = LoggerFactory.getLogger(NumerotationChoisie.class);
    static final String LOCALE = "locale";
    static final String NATIONALE = "nationale";
    static final String CODE_NATIONAL_ABSENT = "NUMEROTATION_NATIONALE_ABSENTE";

    private final NumerotationBaseDeDonnees locale;
    private final CompteurStore compteurs;
    private volatile NumerotationNationale nationale;
    private volatile String mode = LOCALE;

    @Activate
    public NumerotationChoisie(@Reference CompteurStore compteurs, NumerotationConfig config) {
        this.locale = new NumerotationBaseDeDonnees(compteurs);
        this.compteurs = compteurs;
        configurer(config);
    }

    @Modified
    void configurer(NumerotationConfig config) {
        String demande = config.mode() == null ? LOCALE : config.mode().strip().toLowerCase(Locale.ROOT);
        if (!LOCALE.equals(demande) && !NATIONALE.equals(demande)) {
            LOG.error("Numérotation : mode « {} » inconnu (locale ou nationale) ; la numérotation reste {}",
                    config.mode(), mode);
            return;
        }
        if (!demande.equals(mode)) {
            LOG.warn("Numérotation : passage de {} à {}", mode, demande);
        }
        mode = demande;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, unbind = "delierNational")
    void lierNational(RegistreNational national) {
        this.nationale = new NumerotationNationale(national, compteurs);
    }

    void delierNational(RegistreNational national) {
        this.nationale = null;
    }

    String mode() {
        return mode;
    }

    @Override
    public String attribuer(String commune, String guichet, LocalDate dateDepot) {
        return attribuer(commune, guichet, dateDepot, null);
    }

    /** Bulk imports are numbered by the hub's counters in both modes (their registrations then go to the
     * national register with the synchronization). */
    @Override
    public java.util.List<String> attribuerLocalement(String territoire, LocalDate dateDepot,
                                                      java.util.List<String> guichets) {
        return locale.attribuerLocalement(territoire, dateDepot, guichets);
    }

    @Override
    public String attribuer(String commune, String guichet, LocalDate dateDepot, Personne demandeur) {
        if (LOCALE.equals(mode)) {
            return locale.attribuer(commune, guichet, dateDepot);
        }
        NumerotationNationale n = nationale;
        if (n == null) {
            throw new RegistreException(CODE_NATIONAL_ABSENT, "La numérotation est nationale mais le client du"
                    + " registre national n'est pas démarré (feature:install registre-synchro-nationale, ou"
                    + " registre:numerotation locale) ; la demande n'est pas enregistrée.");
        }
        if (demandeur == null) {
            throw new IllegalArgumentException("la numérotation nationale a besoin du demandeur");
        }
        return n.attribuer(commune, guichet, dateDepot, demandeur);
    }
}
