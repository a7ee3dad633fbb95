package org.registrehub.attribution.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.Contexte;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.attribution.CandidatRapproche;
import org.registrehub.api.attribution.LogementOffert;
import org.registrehub.api.attribution.LogementsService;
import org.registrehub.api.attribution.PlafondApplique;
import org.registrehub.api.attribution.Rapprochement;
import org.registrehub.api.attribution.RapprochementService;
import org.registrehub.api.attribution.ReglesRapprochement;
import org.registrehub.api.attribution.spi.LigneRapprochement;
import org.registrehub.api.attribution.spi.RapprochementStore;
import org.registrehub.api.attribution.spi.RequeteRapprochement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matching a dwelling with the pending demands of its territory. The database keeps each pending demand's facts
 * (V21: household, resources, needs, priorities) and evaluates the territory's conditions in one query over the
 * demands that wish the dwelling's commune and typology; the explanation is written from what the query computed
 * ({@link Explications}). Rules from {@code org.registrehub.attribution} ({@link ReglesAttribution}).
 */
@Component(service = RapprochementService.class, configurationPid = "org.registrehub.attribution")
public class RapprochementServiceImpl implements RapprochementService {

    private static final Logger LOG = LoggerFactory.getLogger(RapprochementServiceImpl.class);

    private final LogementsService logements;
    private final RapprochementStore store;
    private final Clock horloge;
    private volatile ReglesAttribution regles;

    @Activate
    public RapprochementServiceImpl(@Reference LogementsService logements, @Reference RapprochementStore store,
                                    Map<String, Object> proprietes) {
        this(logements, store, Clock.system(ZoneId.of("Europe/Paris")), ReglesAttribution.DEFAUT);
        configurer(proprietes);
    }

    public RapprochementServiceImpl(LogementsService logements, RapprochementStore store, Clock horloge,
                                    ReglesAttribution regles) {
        this.logements = logements;
        this.store = store;
        this.horloge = horloge;
        this.regles = regles;
    }

    @Modified
    void configurer(Map<String, Object> proprietes) {
        try {
            regles = ReglesAttribution.lire(proprietes);
            LOG.info("Rapprochement : règles par défaut {} ; territoires aux règles propres : {}", regles.defaut(),
                    regles.territoires().keySet());
        } catch (IllegalArgumentException e) {
            LOG.error("Configuration org.registrehub.attribution refusée, les règles précédentes restent : {}",
                    e.getMessage());
        }
    }

    @Override
    public ReglesRapprochement regles(String territoire) {
        return regles.regles(territoire);
    }

    @Override
    public Rapprochement rapprocher(String identifiantRpls, int limite, Contexte contexte) {
        if (limite < 1 || limite > LIMITE_MAX) {
            throw new DemandeInvalideException("La recherche de candidats", List.of(new ErreurChamp("limite",
                    "intervalle", String.valueOf(limite), "de 1 à " + LIMITE_MAX + " candidats")));
        }
        LogementOffert l = logements.logement(identifiantRpls, contexte);
        if (!l.statut().ouverte()) {
            throw new TransitionInterditeException("Le logement " + l.identifiantRpls() + " n'est plus offert (statut "
                    + l.statut() + ") : il n'a plus de candidats à rapprocher.");
        }
        ReglesAttribution r = regles;
        ReglesRapprochement rr = r.regles(l.territoire());
        PlafondApplique plafond = r.plafond(LocalDate.now(horloge).getYear(), r.zone(l.commune(), l.territoire()),
                l.financement());
        ReglesRapprochement.Occupation occupation = rr.occupation().get(l.typologie());
        long t0 = System.nanoTime();
        RequeteRapprochement requete = new RequeteRapprochement(l.commune(), l.typologie().name(),
                plafond.categories(), plafond.supplement(), l.depenseMensuelle(), l.etage(), l.ascenseur(),
                l.accessibilite(), occupation.min(), occupation.max(), rr.tauxEffortMax(), rr.resteAVivreMin(),
                rr.eliminatoires(), rr.classement(), limite);
        List<LigneRapprochement> lignes = store.candidats(requete);
        long eligibles = lignes.size() < limite ? lignes.size() : store.eligibles(requete, DECOMPTE_MAX + 1);
        boolean auMoins = eligibles > DECOMPTE_MAX;
        eligibles = Math.min(eligibles, DECOMPTE_MAX);
        List<CandidatRapproche> candidats = new ArrayList<>();
        LocalDate aujourdhui = LocalDate.now(horloge);
        for (LigneRapprochement ligne : lignes) {
            candidats.add(Explications.candidat(candidats.size() + 1, ligne, l, rr, plafond, aujourdhui));
        }
        store.auditer(new EntreeAudit(horloge.instant(), contexte.acteur(), contexte.organisation(),
                contexte.canal(), "RAPPROCHEMENT", null, l.territoire(), "logement " + l.identifiantRpls() + " : "
                + (auMoins ? "au moins " : "") + eligibles + " demande(s) éligible(s), " + candidats.size() + " listée(s) : "
                + String.join(", ", candidats.stream().map(CandidatRapproche::numeroUnique).toList())));
        LOG.debug("Rapprochement du logement {} : {} éligibles en {} ms", l.identifiantRpls(), eligibles,
                (System.nanoTime() - t0) / 1_000_000);
        return new Rapprochement(l, rr, plafond, eligibles, auMoins, candidats);
    }
}
