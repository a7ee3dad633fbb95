package org.registrehub.attribution.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.MessageDejaTraiteException;
import org.registrehub.api.MessageRecu;
import org.registrehub.api.RegistreException;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.attribution.EvenementLogement;
import org.registrehub.api.attribution.LogementOffert;
import org.registrehub.api.attribution.StatutOffre;
import org.registrehub.api.attribution.spi.LigneRapprochement;
import org.registrehub.api.attribution.spi.LogementStore;
import org.registrehub.api.attribution.spi.RapprochementStore;
import org.registrehub.api.attribution.spi.RequeteRapprochement;
import org.registrehub.api.spi.BaseDeDonnees;

/**
 * The attribution capability's persistence on the register's database: this bundle's SQL
 * ({@code AttributionMapper.xml}) through the shared core, one transaction per call.
 */
@Component(service = {LogementStore.class, RapprochementStore.class})
public class AttributionPostgres implements LogementStore, RapprochementStore {

    private final BaseDeDonnees.Sessions store;

    @Activate
    public AttributionPostgres(@Reference BaseDeDonnees base) {
        this.store = base.sessions(AttributionMapper.class);
    }

    @Override
    public LogementOffert declarer(LogementOffert logement, EvenementLogement evenement, EntreeAudit audit,
                                   MessageRecu recu) {
        try {
            return store.executer("déclaration d'un logement", AttributionMapper.class, m -> {
                LigneLogement ouvert = m.logement(logement.identifiantRpls(), true);
                if (ouvert != null && StatutOffre.valueOf(ouvert.statut()).ouverte()) {
                    throw dejaOffert(logement);
                }
                if (recu != null && m.enregistrerMessage(recu) == 0) {
                    throw new MessageDejaTraiteException(recu);
                }
                long id = m.insererLogement(logement);
                m.insererHistorique(id, evenement);
                m.auditer(audit);
                return m.logement(logement.identifiantRpls(), false).logement();
            });
        } catch (RegistreException e) {
            // two declarations at the same instant: the unique index refuses the second
            if (violeUnicite(e)) {
                throw dejaOffert(logement);
            }
            throw e;
        }
    }

    private static RegistreException dejaOffert(LogementOffert logement) {
        return new RegistreException("EXISTE_DEJA", "Le logement " + logement.identifiantRpls() + " est déjà offert"
                + " (une offre ouverte par logement) : retirez-la avant d'en déclarer une autre ; rien n'a été"
                + " enregistré.");
    }

    private static boolean violeUnicite(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<LogementOffert> logement(String identifiantRpls) {
        return Optional.ofNullable(store.executer("lecture d'un logement", AttributionMapper.class,
                m -> m.logement(identifiantRpls, false))).map(LigneLogement::logement);
    }

    @Override
    public List<LogementOffert> logements(Perimetre perimetre, StatutOffre statut, String commune, int limite) {
        return store.executer("liste des logements offerts", AttributionMapper.class, m -> m.logements(
                perimetre.organisation(), perimetre.departements(), perimetre.communes(),
                statut == null ? null : statut.name(), commune, limite)).stream().map(LigneLogement::logement)
                .toList();
    }

    @Override
    public LogementOffert changerStatut(String identifiantRpls, long version, StatutOffre statut,
                                        EvenementLogement evenement, EntreeAudit audit) {
        return store.executer("changement d'un logement offert", AttributionMapper.class, m -> {
            LigneLogement l = m.logement(identifiantRpls, true);
            if (l == null || l.version() != version || m.changerStatut(l.id(), version, statut.name()) != 1) {
                throw new TransitionInterditeException("Le logement " + identifiantRpls + " a changé entre-temps"
                        + " (version " + version + " lue) : relisez-le et recommencez ; rien n'a été enregistré.");
            }
            m.insererHistorique(l.id(), evenement);
            m.auditer(audit);
            return m.logement(identifiantRpls, false).logement();
        });
    }

    @Override
    public List<EvenementLogement> historique(String identifiantRpls) {
        return store.executer("historique d'un logement", AttributionMapper.class, m -> {
            LigneLogement l = m.logement(identifiantRpls, false);
            return l == null ? List.of() : m.historique(l.id());
        });
    }

    @Override
    public List<LigneRapprochement> candidats(RequeteRapprochement requete) {
        return store.executer("rapprochement", AttributionMapper.class, m -> m.candidats(requete));
    }

    @Override
    public long eligibles(RequeteRapprochement requete, long plafond) {
        return store.executer("décompte du rapprochement", AttributionMapper.class,
                m -> m.eligibles(requete, plafond));
    }
}
