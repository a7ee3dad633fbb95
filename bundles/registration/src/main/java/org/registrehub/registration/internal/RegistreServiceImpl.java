package org.registrehub.registration.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.registrehub.api.Canal;
import org.registrehub.api.Demande;
import org.registrehub.api.Dossier;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.EvenementDemande;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.NumerotationService;
import org.registrehub.api.RegistreService;
import org.registrehub.api.Statut;
import org.registrehub.api.spi.DemandeStore;
import org.registrehub.api.spi.JsonCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The register's use cases for every channel. Validation first: an invalid demand never reaches the database. */
@Component(service = RegistreService.class, configurationPid = "org.registrehub.registration")
@Designate(ocd = RegistrationConfig.class)
public class RegistreServiceImpl implements RegistreService {

    private static final Logger LOG = LoggerFactory.getLogger(RegistreServiceImpl.class);

    private final NumerotationService numerotation;
    private final DemandeStore store;
    private final JsonCodec json;
    private final Clock clock;

    @Activate
    public RegistreServiceImpl(@Reference NumerotationService numerotation, @Reference DemandeStore store,
                               @Reference JsonCodec json, RegistrationConfig config) {
        this(numerotation, store, json, Clock.system(ZoneId.of(config.fuseau())));
    }

    RegistreServiceImpl(NumerotationService numerotation, DemandeStore store, JsonCodec json, Clock clock) {
        this.numerotation = numerotation;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Demande enregistrer(NouvelleDemande saisie, Canal canal) {
        LocalDate aujourdhui = LocalDate.now(clock);
        List<ErreurChamp> erreurs = ValidateurDemande.valider(saisie, aujourdhui);
        if (!erreurs.isEmpty()) {
            LOG.info("Demande refusée (canal {}) : {} erreur(s) de validation sur {}", canal, erreurs.size(),
                    erreurs.stream().map(ErreurChamp::champ).toList());
            throw new DemandeInvalideException(erreurs);
        }
        Dossier dossier = Normalisation.dossier(saisie.dossier());
        String commune = dossier.logementRecherche().communes().get(0);
        String guichet = saisie.guichet().strip();
        String numero = numerotation.attribuer(commune, guichet, aujourdhui);
        Demande demande = new Demande(numero, Statut.ACTIVE, guichet, numero.substring(0, 3), aujourdhui,
                aujourdhui.plusYears(1), null, 0, dossier);
        Instant maintenant = clock.instant();
        UUID evenementId = UUID.randomUUID();
        ContenuEvenement contenu = new ContenuEvenement(ContenuEvenement.VERSION_SCHEMA, evenementId,
                EvenementDemande.DEMANDE_ENREGISTREE, maintenant, canal.name(), demande);
        store.inserer(demande, canal, new EvenementDemande(evenementId, EvenementDemande.DEMANDE_ENREGISTREE,
                numero, maintenant, json.ecrire(contenu)));
        LOG.info("Demande {} enregistrée (canal {}, guichet {}, commune {})", numero, canal, guichet, commune);
        return demande;
    }

    @Override
    public List<ErreurChamp> verifier(NouvelleDemande demande) {
        return ValidateurDemande.valider(demande, LocalDate.now(clock));
    }

    @Override
    public Optional<Demande> consulter(String numeroUnique) {
        String numero = numeroUnique == null ? null : numeroUnique.strip();
        List<ErreurChamp> erreurs = ValidateurDemande.validerNumero(numero);
        if (!erreurs.isEmpty()) {
            throw new DemandeInvalideException(erreurs);
        }
        return store.trouver(numero);
    }
}
