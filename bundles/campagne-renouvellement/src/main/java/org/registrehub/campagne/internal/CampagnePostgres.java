package org.registrehub.campagne.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.renouvellement.Avis;
import org.registrehub.api.renouvellement.LotCourrier;
import org.registrehub.api.renouvellement.spi.CampagneStore;
import org.registrehub.api.spi.BaseDeDonnees;

/** The renewal campaign's persistence on the register's database: each call is one transaction. */
@Component(service = CampagneStore.class)
public class CampagnePostgres implements CampagneStore {

    private final BaseDeDonnees.Sessions store;

    @Activate
    public CampagnePostgres(@Reference BaseDeDonnees base) {
        this.store = base.sessions(CampagneMapper.class);
    }

    private <T> T executer(String operation, Function<CampagneMapper, T> travail) {
        return store.executer(operation, CampagneMapper.class, travail);
    }

    @Override
    public Campagne ouvrir(LocalDate jour, Instant maintenant) {
        return executer("campagne du " + jour, m -> {
            m.creer(jour, maintenant);
            return m.campagne(jour);
        });
    }

    @Override
    public void attribuer(long campagne, String noeud) {
        executer("nœud de la campagne", m -> m.attribuer(campagne, noeud));
    }

    @Override
    public void terminer(long campagne, Instant fin, String erreur) {
        executer("fin de la campagne", m -> m.terminer(campagne, fin, erreur));
    }

    @Override
    public Optional<Campagne> campagne(LocalDate jour) {
        return Optional.ofNullable(executer("lecture de la campagne", m -> m.campagne(jour)));
    }

    @Override
    public List<Campagne> campagnes(int nombre) {
        return executer("lecture des campagnes", m -> m.campagnes(nombre));
    }

    @Override
    public List<String> territoires() {
        return executer("territoires des demandes actives", CampagneMapper::territoires);
    }

    @Override
    public List<DemandeDue> aAviser(String territoire, LocalDate limite, DemandeDue apres, int taille) {
        return executer("demandes à aviser", m -> m.aAviser(territoire, limite,
                apres == null ? null : apres.finValidite(), apres == null ? null : apres.numeroUnique(), taille));
    }

    @Override
    public List<CompteGuichet> compterAAviser(String territoire, LocalDate limite) {
        return executer("compte des demandes à aviser", m -> m.compterAAviser(territoire, limite));
    }

    @Override
    public List<Avis> reserver(Long campagne, List<AvisNouveau> avis) {
        if (avis.isEmpty()) {
            return List.of();
        }
        return executer("réservation des avis", m -> m.reserver(campagne, avis));
    }

    @Override
    public void marquer(List<Long> avis, String etat, LocalDate dateEnvoi, String fichier) {
        if (!avis.isEmpty()) {
            executer("envoi des avis", m -> {
                m.planSurMesure();
                return m.marquer(avis, etat, dateEnvoi, fichier);
            });
        }
    }

    @Override
    public void versCourrier(long avis) {
        executer("avis par courrier", m -> {
            m.planSurMesure();
            return m.versCourrier(avis);
        });
    }

    @Override
    public void liberer(List<Long> avis) {
        if (!avis.isEmpty()) {
            executer("libération des avis non envoyés", m -> m.liberer(avis));
        }
    }

    @Override
    public int incertains(long campagne, Instant maintenant) {
        return executer("avis interrompus", m -> m.incertains(campagne, maintenant));
    }

    @Override
    public List<String> prendreCourriers(long campagne, Instant maintenant) {
        return executer("courriers à imprimer", m -> m.prendreCourriers(campagne, maintenant));
    }

    @Override
    public List<Lettre> courriers(long campagne, String guichet, String nature) {
        return executer("lettres d'un guichet", m -> {
            List<Avis> avis = m.courriers(campagne, guichet, nature);
            List<Lettre> lettres = new ArrayList<>(avis.size());
            for (int i = 0; i < avis.size(); i += 1000) {
                List<Avis> tranche = avis.subList(i, Math.min(avis.size(), i + 1000));
                Map<String, DemandeDue> demandes = m.destinataires(tranche.stream().map(Avis::numeroUnique).toList())
                        .stream().collect(Collectors.toMap(DemandeDue::numeroUnique, d -> d));
                tranche.forEach(a -> lettres.add(new Lettre(a, demandes.get(a.numeroUnique()))));
            }
            return lettres;
        });
    }

    @Override
    public List<LotCourrier> courriersEnAttente() {
        return executer("courriers en attente", CampagneMapper::courriersEnAttente);
    }

    @Override
    public void lotEcrit(long campagne, LotCourrier lot, List<Long> avis, LocalDate jour) {
        executer("lot de courriers", m -> {
            m.lotEcrit(campagne, lot);
            for (int i = 0; i < avis.size(); i += 1000) {
                m.marquer(avis.subList(i, Math.min(avis.size(), i + 1000)), "ENVOYE", jour, lot.fichier());
            }
            return null;
        });
    }

    @Override
    public List<LotCourrier> lots(long campagne) {
        return executer("lots de courriers", m -> m.lots(campagne));
    }

    @Override
    public List<DemandeARadier> expirees(String territoire, LocalDate jour, LocalDate envoiAuPlusTard,
                                         DemandeARadier apres, int taille) {
        return executer("demandes expirées", m -> m.expirees(territoire, jour, envoiAuPlusTard,
                apres == null ? null : apres.finValidite(), apres == null ? null : apres.numeroUnique(), taille));
    }

    @Override
    public List<DemandeARadier> sansReponse(String territoire, LocalDate envoiAuPlusTard, DemandeARadier apres,
                                            int taille) {
        return executer("courriers sans réponse", m -> m.sansReponse(territoire, envoiAuPlusTard,
                apres == null ? null : apres.numeroUnique(), taille));
    }

    @Override
    public List<Compte> compterRadiations(String territoire, LocalDate jour, LocalDate avisEnvoyeAuPlusTard,
                                          LocalDate lettreEnvoyeeAuPlusTard) {
        return executer("compte des radiations", m -> m.compterRadiations(territoire, jour, avisEnvoyeAuPlusTard,
                lettreEnvoyeeAuPlusTard));
    }

    @Override
    public int cloreNonReponses() {
        return executer("clôture des courriers répondus", CampagneMapper::cloreNonReponses);
    }

    @Override
    public void radiee(long campagne, String numeroUnique, String motif, String guichet) {
        executer("radiation de la campagne", m -> m.radiee(campagne, numeroUnique, motif, guichet));
    }

    @Override
    public List<Compte> comptes(long campagne) {
        return executer("bilan de la campagne", m -> m.comptes(campagne));
    }

    @Override
    public List<Avis> avisDe(String numeroUnique) {
        return executer("avis d'une demande", m -> m.avisDe(numeroUnique));
    }

    @Override
    public Optional<Avis> engagerNonReponse(AvisNouveau avis) {
        return executer("procédure de non-réponse", m -> m.engagerNonReponse(avis)).stream().findFirst();
    }

    @Override
    public void enregistrerJetons(List<Jeton> jetons) {
        if (!jetons.isEmpty()) {
            executer("liens de renouvellement", m -> m.enregistrerJetons(jetons));
        }
    }

    @Override
    public Optional<Jeton> jeton(String empreinte) {
        return Optional.ofNullable(executer("lecture d'un lien de renouvellement", m -> m.jeton(empreinte)));
    }

    @Override
    public boolean utiliserJeton(String empreinte, Instant maintenant) {
        return executer("utilisation d'un lien de renouvellement", m -> m.utiliserJeton(empreinte, maintenant)) == 1;
    }

    @Override
    public void rendreJeton(String empreinte) {
        executer("lien de renouvellement rendu", m -> m.rendreJeton(empreinte));
    }
}
