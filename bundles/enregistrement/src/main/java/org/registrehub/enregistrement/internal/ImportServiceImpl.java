package org.registrehub.enregistrement.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.registrehub.api.BilanLot;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeImportee;
import org.registrehub.api.Dossier;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.ImportService;
import org.registrehub.api.LigneRejetee;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.NumerotationService;
import org.registrehub.api.Operation;
import org.registrehub.api.Statut;
import org.registrehub.api.acces.Role;
import org.registrehub.api.registre.spi.ImportStore;
import org.registrehub.api.registre.spi.ImportStore.Importee;
import org.registrehub.api.spi.JsonCodec;

/**
 * The bulk import of departmental extracts, with the register's rules: each line is checked as a registration would
 * be (same validation, same normalisation), must still be valid (its validity, a year from its filing or last
 * renewal, not over), must be on the importer's territories, and is skipped if its departmental number was imported
 * before. The valid lines get numbers of their original filing month from the hub's counters (one reservation per
 * territory and month), and the store writes the batch in one transaction with its duplicate checks and rejects.
 */
@Component(service = ImportService.class, configurationPid = "org.registrehub.enregistrement")
public class ImportServiceImpl implements ImportService {


    private final NumerotationService numerotation;
    private final ImportStore store;
    private final JsonCodec json;
    private final Clock clock;
    private final int validiteMois;

    @Activate
    public ImportServiceImpl(@Reference NumerotationService numerotation, @Reference ImportStore store,
                             @Reference JsonCodec json, RegistrationConfig config) {
        this(numerotation, store, json, Clock.system(ZoneId.of(config.fuseau())), config.validite_mois());
    }

    public ImportServiceImpl(NumerotationService numerotation, ImportStore store, JsonCodec json, Clock clock,
                      int validiteMois) {
        this.numerotation = numerotation;
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.validiteMois = validiteMois;
    }

    @Override
    public BilanLot importerLot(long importId, List<DemandeImportee> lignes, List<LigneRejetee> rejetsDeLecture,
                                long position, Contexte contexte) {
        return ecrireLot(preparerLot(importId, lignes, rejetsDeLecture, position, contexte));
    }

    @Override
    public LotPrepare preparerLot(long importId, List<DemandeImportee> lignes, List<LigneRejetee> rejetsDeLecture,
                                  long position, Contexte contexte) {
        Autorisations.exigerRole(contexte, Autorisations.IMPORTATEURS, "l'import d'un extrait départemental");
        LocalDate aujourdhui = LocalDate.now(clock);
        List<LigneRejetee> rejets = new ArrayList<>(rejetsDeLecture);
        Set<String> deja = store.dejaImportes(lignes.stream().map(DemandeImportee::ancienNumero).toList());
        int dejaImportees = 0;
        Map<Mois, List<DemandeImportee>> parMois = new LinkedHashMap<>();
        for (DemandeImportee l : lignes) {
            if (deja.contains(l.ancienNumero())) {
                dejaImportees++;
                continue;
            }
            LigneRejetee rejet = verifier(l, aujourdhui, contexte);
            if (rejet != null) {
                rejets.add(rejet);
                continue;
            }
            parMois.computeIfAbsent(new Mois(territoire(l), YearMonth.from(l.dateDepot())), k -> new ArrayList<>())
                    .add(l);
        }
        Instant maintenant = clock.instant();
        List<Importee> importees = new ArrayList<>();
        for (Map.Entry<Mois, List<DemandeImportee>> groupe : parMois.entrySet()) {
            String territoire = groupe.getKey().territoire();
            List<DemandeImportee> demandes = groupe.getValue();
            List<String> numeros = numerotation.attribuerLocalement(territoire, demandes.get(0).dateDepot(),
                    demandes.stream().map(l -> l.guichet().strip()).toList());
            for (int k = 0; k < demandes.size(); k++) {
                importees.add(importee(demandes.get(k), numeros.get(k), territoire, maintenant, contexte));
            }
        }
        int dejaAvant = dejaImportees;
        return new LotPrepare(importId, position, () -> store.ecrireLot(importId, importees, rejets, dejaAvant,
                position));
    }

    /** The line's first broken rule (with the others in the message), or null if it can be imported. */
    private LigneRejetee verifier(DemandeImportee l, LocalDate aujourdhui, Contexte contexte) {
        if (l.ancienNumero() == null || l.ancienNumero().isBlank()) {
            return new LigneRejetee(l.ligne(), null, "ancien_numero", "obligatoire : le numéro de la demande dans le"
                    + " fichier départemental");
        }
        if (l.dateDepot() == null) {
            return new LigneRejetee(l.ligne(), l.ancienNumero(), "date_depot", "obligatoire");
        }
        if (l.dateDepot().isAfter(aujourdhui)) {
            return new LigneRejetee(l.ligne(), l.ancienNumero(), "date_depot", "date de dépôt " + l.dateDepot()
                    + " dans le futur");
        }
        if (l.dateDernierRenouvellement() != null && (l.dateDernierRenouvellement().isBefore(l.dateDepot())
                || l.dateDernierRenouvellement().isAfter(aujourdhui))) {
            return new LigneRejetee(l.ligne(), l.ancienNumero(), "date_renouvellement", "renouvellement du "
                    + l.dateDernierRenouvellement() + " hors de la période du dépôt (" + l.dateDepot()
                    + ") à aujourd'hui");
        }
        List<ErreurChamp> erreurs = ValidateurDemande.valider(new NouvelleDemande(l.guichet(), l.dossier()),
                aujourdhui);
        if (!erreurs.isEmpty()) {
            return new LigneRejetee(l.ligne(), l.ancienNumero(), erreurs.get(0).champ(), erreurs.stream()
                    .map(e -> e.champ() + " (" + e.regle() + ") : " + e.message()).collect(Collectors.joining(" ; ")));
        }
        LocalDate validite = validite(l);
        if (validite.isBefore(aujourdhui)) {
            return new LigneRejetee(l.ligne(), l.ancienNumero(), "date_renouvellement", "demande expirée le "
                    + validite + " (non renouvelée depuis le " + (l.dateDernierRenouvellement() == null
                    ? l.dateDepot() : l.dateDernierRenouvellement()) + ") : à renouveler avant l'import");
        }
        String territoire = territoire(l);
        if (!contexte.identite().a(Role.ADMIN) && !contexte.identite().couvre(territoire)) {
            return new LigneRejetee(l.ligne(), l.ancienNumero(), "dossier.logementRecherche.communes[0]",
                    "territoire " + territoire + " hors de ceux de " + contexte.organisation());
        }
        return null;
    }

    /** The territory and filing month a batch's demands are numbered by. */
    private record Mois(String territoire, YearMonth mois) {
    }

    /** The territory of a line, from its first wished commune (checked by the validation before). */
    private static String territoire(DemandeImportee l) {
        return NumerotationService.territoire(l.dossier().logementRecherche().communes().get(0).strip());
    }

    private LocalDate validite(DemandeImportee l) {
        return (l.dateDernierRenouvellement() == null ? l.dateDepot() : l.dateDernierRenouvellement())
                .plusMonths(validiteMois);
    }

    private Importee importee(DemandeImportee l, String numero, String territoire, Instant maintenant,
                              Contexte contexte) {
        Dossier dossier = Normalisation.dossier(l.dossier());
        Demande demande = new Demande(numero, Statut.ACTIVE, l.guichet().strip(), territoire, l.dateDepot(),
                validite(l), l.dateDernierRenouvellement(), null, 0, dossier);
        EntreeHistorique creation = new EntreeHistorique(0, maintenant, Operation.ENREGISTREMENT, contexte.acteur(),
                Canal.IMPORT, List.of(), "import de l'ancien numéro " + l.ancienNumero().strip() + " (ligne "
                        + l.ligne() + ")");
        return new Importee(l.ligne(), l.ancienNumero().strip(), demande, creation,
                RegistreServiceImpl.evenement(json, demande, creation));
    }
}
