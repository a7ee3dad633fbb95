package org.registrehub.enregistrement.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.Canal;
import org.registrehub.api.Changement;
import org.registrehub.api.CriteresRecherche;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.Doublon;
import org.registrehub.api.DoublonPresumeException;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.EvenementDemande;
import org.registrehub.api.MessageDejaTraiteException;
import org.registrehub.api.MessageRecu;
import org.registrehub.api.Operation;
import org.registrehub.api.PageDemandes;
import org.registrehub.api.Personne;
import org.registrehub.api.ResumeDemande;
import org.registrehub.api.Tri;
import org.registrehub.api.VersionObsoleteException;
import org.registrehub.api.registre.spi.DemandeStore;
import org.registrehub.api.registre.EvenementsAPublier;
import org.registrehub.api.registre.spi.OutboxStore;
import org.registrehub.api.spi.BaseDeDonnees;
import org.registrehub.api.spi.JsonCodec;

/**
 * The register's persistence on PostgreSQL: demands, their history, the outbox, the messages received with the change
 * they caused. This bundle's SQL ({@code RegistreMapper.xml}), run through the shared store core ({@link
 * BaseDeDonnees}); each call is one transaction.
 */
@Component(service = {DemandeStore.class, OutboxStore.class, EvenementsAPublier.class})
public class RegistrePostgres implements DemandeStore, OutboxStore {

    private final BaseDeDonnees.Sessions base;
    private final JsonCodec json;

    @Activate
    public RegistrePostgres(@Reference BaseDeDonnees base, @Reference JsonCodec json) {
        this.base = base.sessions(RegistreMapper.class);
        this.json = json;
    }


    @Override
    public void inserer(Demande demande, EntreeHistorique creation, EvenementDemande evenement,
                        Set<String> doublonsConnus, MessageRecu recu) {
        executer("insertion de la demande " + demande.numeroUnique(), mapper -> {
            enregistrerMessage(mapper, recu, demande.numeroUnique());
            mapper.verrouillerIdentite(demande.dossier().demandeur());
            mapper.plansSurMesure();
            List<Doublon> nouveaux = fusionner(mapper.doublons(demande.dossier().demandeur())).stream()
                    .map(DoublonSitue::doublon).filter(d -> !doublonsConnus.contains(d.numeroUnique())).toList();
            if (!nouveaux.isEmpty()) {
                throw new DoublonPresumeException(nouveaux);
            }
            mapper.insererDemande(ligne(json, demande, demande.version(), creation.canal()));
            mapper.insererHistorique(ligne(json, demande.numeroUnique(), creation));
            mapper.insererEvenement(evenement);
            return null;
        });
    }

    @Override
    public void mettreAJour(Demande demande, long versionAttendue, EntreeHistorique entree,
                            EvenementDemande evenement, MessageRecu recu) {
        executer("mise à jour de la demande " + demande.numeroUnique(), mapper -> {
            enregistrerMessage(mapper, recu, demande.numeroUnique());
            if (mapper.mettreAJourDemande(ligne(json, demande, versionAttendue, entree.canal())) == 0) {
                Long actuelle = mapper.versionActuelle(demande.numeroUnique());
                if (actuelle == null) {
                    throw new DemandeIntrouvableException(demande.numeroUnique());
                }
                throw new VersionObsoleteException(demande.numeroUnique(), versionAttendue, actuelle);
            }
            mapper.insererHistorique(ligne(json, demande.numeroUnique(), entree));
            mapper.insererEvenement(evenement);
            return null;
        });
    }

    /**
     * The message that caused the change, recorded first in the change's transaction: a second delivery of it finds
     * the row (or waits for a concurrent first delivery to commit, then finds it) and the whole change is rolled back.
     */
    private static void enregistrerMessage(RegistreMapper mapper, MessageRecu recu, String numero) {
        if (recu != null && mapper.insererMessageAccepte(recu, numero) == 0) {
            throw new MessageDejaTraiteException(recu);
        }
    }

    static LigneDemande ligne(JsonCodec json, Demande d, long versionAttendue, Canal canal) {
        return LigneDemande.de(d, versionAttendue, json.ecrire(d.dossier()),
                d.radiation() == null ? null : json.ecrire(d.radiation()), canal.name());
    }

    static LigneHistorique ligne(JsonCodec json, String numero, EntreeHistorique e) {
        return new LigneHistorique(numero, e.version(), e.horodatage(), e.operation().name(), e.acteur(),
                e.canal().name(), json.ecrire(e.changements()), e.commentaire());
    }

    @Override
    public PageDemandes rechercher(CriteresRecherche criteres, Set<String> territoires, Set<String> communes, Tri tri,
                                   int page, int taille, int totalMax) {
        List<String> liste = territoires == null ? null : territoires.stream().sorted().toList();
        List<String> perimetreCommunes = communes == null ? null : communes.stream().sorted().toList();
        String ordre = switch (tri.champ()) {
            case DATE_DEPOT -> "date_depot";
            case DATE_VALIDITE -> "date_validite";
            case NOM -> "registre_normaliser(nom) COLLATE \"C\"";
            case NUMERO_UNIQUE -> "numero_unique COLLATE \"C\"";
        } + (tri.croissant() ? " ASC" : " DESC");
        return executer("recherche de demandes", mapper -> {
            mapper.plansSurMesure();
            List<ResumeDemande> demandes = mapper.rechercher(criteres, liste, perimetreCommunes, ordre, taille,
                    page * taille);
            long total = mapper.compter(criteres, liste, perimetreCommunes, totalMax + 1);
            return new PageDemandes(demandes, page, taille, Math.min(total, totalMax), total <= totalMax);
        });
    }

    @Override
    public List<String> guichets(String territoire) {
        return executer("guichets du territoire " + territoire, mapper -> mapper.guichets(territoire));
    }

    @Override
    public List<DoublonSitue> doublons(Personne demandeur) {
        // A plan for these values: a generic plan may pick the birth-date index, whose rows grow with the register
        // (measured: 30 million index rows read for 10 000 registrations sharing one birth date).
        return fusionner(executer("recherche des doublons", mapper -> {
            mapper.plansSurMesure();
            return mapper.doublons(demandeur);
        }));
    }

    /** One line per existing demand; the NIR criterion wins over the identity one. */
    private static List<DoublonSitue> fusionner(List<LigneDoublon> trouves) {
        Map<String, DoublonSitue> parNumero = new java.util.TreeMap<>();
        for (LigneDoublon l : trouves) {
            DoublonSitue d = l.situe();
            parNumero.merge(d.doublon().numeroUnique(), d,
                    (a, b) -> Doublon.NIR.equals(a.doublon().critere()) ? a : b);
        }
        return List.copyOf(parNumero.values());
    }

    @Override
    public Optional<Demande> trouver(String numeroUnique) {
        return Optional.ofNullable(executer("lecture de la demande " + numeroUnique,
                mapper -> mapper.trouverDemande(numeroUnique)));
    }

    @Override
    public List<EntreeHistorique> historique(String numeroUnique) {
        return executer("lecture de l'historique de " + numeroUnique, mapper -> mapper.historique(numeroUnique))
                .stream().map(l -> new EntreeHistorique(l.version(), l.horodatage(), Operation.valueOf(l.operation()),
                        l.acteur(), Canal.valueOf(l.canal()), List.of(json.lire(l.changements(), Changement[].class)),
                        l.commentaire()))
                .toList();
    }


    @Override
    public int relayer(int max, Consumer<EvenementDemande> publication, Runnable avantValidation) {
        return executer("relais de l'outbox", mapper -> {
            if (!mapper.prendreLeRelais()) {
                return 0;
            }
            List<EvenementDemande> evenements = mapper.verrouillerEvenementsEnAttente(max).stream()
                    .map(LigneEvenement::evenement).toList();
            if (evenements.isEmpty()) {
                return 0;
            }
            evenements.forEach(publication);
            List<UUID> ids = evenements.stream().map(EvenementDemande::evenementId).toList();
            mapper.marquerPublies(ids);
            mapper.auditerDiffusion(ids);
            avantValidation.run();
            return evenements.size();
        });
    }

    @Override
    public long enAttente() {
        return executer("comptage de l'outbox", RegistreMapper::compterEnAttente);
    }

    /** Runs the work in one transaction with the register's mapper. */
    private <T> T executer(String operation, Function<RegistreMapper, T> work) {
        return base.executer(operation, RegistreMapper.class, work);
    }
}
