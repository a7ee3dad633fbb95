package org.registrehub.national.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreService;
import org.registrehub.api.Statut;
import org.registrehub.api.VersionObsoleteException;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.national.EtatTache;
import org.registrehub.api.national.Page;
import org.registrehub.api.national.RadiationNationale;
import org.registrehub.api.national.RegistreNational;
import org.registrehub.api.national.TacheNationale;
import org.registrehub.api.national.spi.SynchroNationaleStore;
import org.registrehub.api.planification.EcheanceQuotidienne;
import org.registrehub.api.spi.BauxCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily pulls from the national register, for each territory of the hub: radiations made by other systems
 * (applied to the register through {@link RegistreService}, so with history, audit and events), duplicates found
 * nationally and DALO recourses (recorded, audited). Each pull reads the national list from its cursor, page by page,
 * and moves the cursor after each page is applied: a pull interrupted by a failure goes on from there, and applying a
 * page again changes nothing (radiated already, known already).
 */
public class RecuperationNationale {

    private static final Logger LOG = LoggerFactory.getLogger(RecuperationNationale.class);
    static final String ACTEUR = "registre-national";

    private final RegistreNational national;
    private final SynchroNationaleStore store;
    private final BauxCluster baux;
    private final RegistreService registre;
    private final Set<String> territoires;
    private final String noeud;
    private final int taillePage;
    /** When the daily pulls are due: their hour, its zone, the delay after a failure. */
    private final EcheanceQuotidienne echeance;
    private final Clock clock;
    private final Contexte contexte;

    public RecuperationNationale(RegistreNational national, SynchroNationaleStore store, BauxCluster baux,
                                 RegistreService registre, String territoires, String noeud, int taillePage,
                                 String heure, String zone, long reessaiMinutes) {
        this(national, store, baux, registre, Configuration.territoires(territoires), noeud, taillePage,
                LocalTime.parse(heure), ZoneId.of(zone), Duration.ofMinutes(reessaiMinutes), Clock.systemUTC());
    }

    RecuperationNationale(RegistreNational national, SynchroNationaleStore store, BauxCluster baux,
                          RegistreService registre, Set<String> territoires, String noeud, int taillePage,
                          LocalTime heure, ZoneId zone, Duration reessai, Clock clock) {
        this.national = national;
        this.store = store;
        this.baux = baux;
        this.registre = registre;
        this.territoires = territoires;
        this.noeud = noeud;
        this.taillePage = taillePage;
        this.echeance = new EcheanceQuotidienne(heure, zone, reessai);
        this.clock = clock;
        this.contexte = contexteNational(territoires);
    }

    /** The identity the national register acts with on the hub's register: a gestionnaire of its territories. */
    static Contexte contexteNational(Set<String> territoires) {
        return new Contexte(new Identite(ACTEUR, new Organisation("NATIONAL", TypeOrganisation.HUB,
                "Registre national", null, true, territoires), Set.of(Role.GESTIONNAIRE)), Canal.NATIONAL);
    }

    private boolean actif = true;

    /** Without a national URL the timer pulls nothing; {@code synchro-lancer} still tries (and says why it fails). */
    public void setActif(boolean actif) {
        this.actif = actif;
    }

    Set<String> territoires() {
        return territoires;
    }

    /**
     * The timer's tick: runs the three pulls once a day, at {@code heure} (or later if the hub was down then), and
     * after a failure again every {@code reessai}.
     */
    public void siEcheance() {
        if (!actif) {
            return;
        }
        Instant maintenant = clock.instant();
        if (!echeance.heureVenue(maintenant)) {
            return;
        }
        List<EtatTache> etats = store.etats();
        for (TacheNationale t : List.of(TacheNationale.RADIATIONS, TacheNationale.DOUBLONS, TacheNationale.DALO)) {
            Optional<EtatTache> etat = etats.stream().filter(e -> e.tache() == t).findFirst();
            if (echeance.aFaire(maintenant, etat.map(EtatTache::derniereReussite).orElse(null),
                    etat.map(EtatTache::dernierEchec).orElse(null))) {
                try {
                    executer(t);
                } catch (RegistreException e) {
                    LOG.warn("Récupération nationale {} en échec : {} ; nouvel essai dans {} min", t, e.getMessage(),
                            echeance.reessai().toMinutes());
                }
            }
        }
    }

    /** Runs one pull on every territory now; returns what it did. */
    public String executer(TacheNationale tache) {
        if (!baux.prendre(Configuration.BAIL + tache, noeud, Duration.ofMinutes(10))) {
            return tache + " : déjà en cours sur un autre nœud du hub";
        }
        Bilan bilan = new Bilan();
        try {
            for (String territoire : territoires) {
                switch (tache) {
                    case RADIATIONS -> radiations(territoire, bilan);
                    case DOUBLONS -> doublons(territoire, bilan);
                    case DALO -> recoursDalo(territoire, bilan);
                    default -> throw new IllegalArgumentException("tâche de récupération inconnue : " + tache);
                }
            }
            String texte = bilan.texte(tache);
            store.reussite(tache, texte);
            LOG.info("Récupération nationale {} ({}) : {}", tache, territoires, texte);
            return texte;
        } catch (RegistreException e) {
            store.echec(tache, e.getMessage());
            throw e;
        } finally {
            baux.rendre(Configuration.BAIL + tache, noeud);
        }
    }

    private Instant depuis(TacheNationale tache, String territoire) {
        return store.curseur(tache, territoire).orElse(Instant.EPOCH);
    }

    private void radiations(String territoire, Bilan bilan) {
        Page<RadiationNationale> page;
        do {
            page = national.radiations(territoire, depuis(TacheNationale.RADIATIONS, territoire), taillePage);
            for (RadiationNationale r : page.elements()) {
                appliquer(r, bilan);
            }
            avancer(TacheNationale.RADIATIONS, territoire, page.elements().stream()
                    .map(RadiationNationale::horodatage).toList());
        } while (page.suite());
    }

    private void appliquer(RadiationNationale r, Bilan bilan) {
        for (int essai = 1; ; essai++) {
            Optional<Demande> d = registre.consulter(r.numeroUnique(), contexte);
            if (d.isEmpty()) {
                bilan.inconnues++;
                return;
            }
            if (d.get().statut() == Statut.RADIEE) {
                bilan.dejaFaits++;
                return;
            }
            String commentaire = "radiée au registre national par " + r.origine() + " le " + r.date()
                    + (r.commentaire() == null || r.commentaire().isBlank() ? "" : " : " + r.commentaire());
            try {
                registre.radier(r.numeroUnique(), d.get().version(), new DemandeRadiation(r.motif(), r.attribution(),
                        r.motifIrrecevabilite(), commentaire), contexte);
                bilan.appliques++;
                return;
            } catch (VersionObsoleteException concurrent) {
                if (essai == 3) {
                    throw concurrent;
                }
            } catch (RegistreException refus) {
                if (refus instanceof org.registrehub.api.RegistreIndisponibleException) {
                    throw refus;
                }
                // the register refuses it (e.g. an attribution without its lease): reported, the others go on
                LOG.warn("Radiation nationale de {} ({} par {}) non appliquée : {}", r.numeroUnique(), r.motif(),
                        r.origine(), refus.getMessage());
                bilan.nonAppliques.add(r.numeroUnique() + " : " + refus.getMessage());
                return;
            }
        }
    }

    private void doublons(String territoire, Bilan bilan) {
        Page<org.registrehub.api.national.DoublonNational> page;
        do {
            page = national.doublons(territoire, depuis(TacheNationale.DOUBLONS, territoire), taillePage);
            page.elements().forEach(d -> bilan.compter(store.enregistrerDoublon(d)));
            avancer(TacheNationale.DOUBLONS, territoire, page.elements().stream()
                    .map(org.registrehub.api.national.DoublonNational::horodatage).toList());
        } while (page.suite());
    }

    private void recoursDalo(String territoire, Bilan bilan) {
        Page<org.registrehub.api.national.RecoursDalo> page;
        do {
            page = national.recoursDalo(territoire, depuis(TacheNationale.DALO, territoire), taillePage);
            for (org.registrehub.api.national.RecoursDalo r : page.elements()) {
                if (r.decision() != null && !Set.of("PRIORITAIRE_URGENT", "REJET").contains(r.decision())) {
                    bilan.nonAppliques.add(r.numeroUnique() + " : décision DALO inconnue « " + r.decision()
                            + " » (attendu PRIORITAIRE_URGENT, REJET ou vide)");
                    continue;
                }
                bilan.compter(store.enregistrerRecoursDalo(r));
            }
            avancer(TacheNationale.DALO, territoire, page.elements().stream()
                    .map(org.registrehub.api.national.RecoursDalo::horodatage).toList());
        } while (page.suite());
    }

    private void avancer(TacheNationale tache, String territoire, List<Instant> horodatages) {
        horodatages.stream().max(Instant::compareTo).ifPresent(h -> store.avancer(tache, territoire, h));
    }

    /** What a pull did. */
    static final class Bilan {
        int appliques;
        int dejaFaits;
        int inconnues;
        final List<String> nonAppliques = new java.util.ArrayList<>();

        /** Recorded, or already known / not a demand of this register. */
        void compter(boolean nouveau) {
            if (nouveau) {
                appliques++;
            } else {
                dejaFaits++;
            }
        }

        String texte(TacheNationale tache) {
            String quoi = switch (tache) {
                case RADIATIONS -> appliques + " radiation(s) appliquée(s), " + dejaFaits + " déjà radiée(s), "
                        + inconnues + " demande(s) inconnue(s) du hub";
                case DOUBLONS -> appliques + " doublon(s) enregistré(s), " + dejaFaits
                        + " déjà connu(s) ou hors du registre";
                default -> appliques + " recours DALO enregistré(s), " + dejaFaits
                        + " déjà connu(s) ou hors du registre";
            };
            return nonAppliques.isEmpty() ? quoi : quoi + ", " + nonAppliques.size() + " non appliqué(s) : "
                    + String.join(" ; ", nonAppliques.subList(0, Math.min(10, nonAppliques.size())));
        }
    }
}
