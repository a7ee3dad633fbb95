package org.registrehub.national.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.Operation;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreService;
import org.registrehub.api.Statut;
import org.registrehub.api.national.EtatNational;
import org.registrehub.api.national.MouvementNational;
import org.registrehub.api.national.Page;
import org.registrehub.api.national.RefusNationalException;
import org.registrehub.api.national.RegistreNational;
import org.registrehub.api.national.TacheNationale;
import org.registrehub.api.national.spi.SynchroNationaleStore;
import org.registrehub.api.spi.BauxCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares, territory by territory, the hub's demands with the national register's (status and version, both lists
 * read in numéro order and merged), and fixes what the hub can: a demand the national side does not know, or knows in
 * an older version, is sent again as it is now (a movement of its own, with a new event id). What only the national
 * side can fix (a newer national version, a national demand unknown here, a status that differs at the same version)
 * is reported. Demands with events still waiting to be sent are left out: the sending will bring them level. The
 * report is kept in the database; {@code registre:synchro-lancer reconciliation} prints it.
 */
public class Reconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);
    private static final DateTimeFormatter HEURE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final int LIGNES_MAX = 200;

    private final RegistreNational national;
    private final SynchroNationaleStore store;
    private final BauxCluster baux;
    private final RegistreService registre;
    private final Set<String> territoires;
    private final String noeud;
    private final int taillePage;
    private final Clock clock;
    private final Contexte contexte;

    public Reconciliation(RegistreNational national, SynchroNationaleStore store, BauxCluster baux,
                          RegistreService registre, String territoires, String noeud, int taillePage) {
        this(national, store, baux, registre, Configuration.territoires(territoires), noeud, taillePage,
                Clock.systemUTC());
    }

    Reconciliation(RegistreNational national, SynchroNationaleStore store, BauxCluster baux, RegistreService registre,
                   Set<String> territoires, String noeud, int taillePage, Clock clock) {
        this.national = national;
        this.store = store;
        this.baux = baux;
        this.registre = registre;
        this.territoires = territoires;
        this.noeud = noeud;
        this.taillePage = taillePage;
        this.clock = clock;
        this.contexte = RecuperationNationale.contexteNational(territoires);
    }

    /** Runs a reconciliation of every territory and returns its report. */
    public String executer() {
        if (!baux.prendre(Configuration.BAIL + TacheNationale.RECONCILIATION, noeud, Duration.ofMinutes(30))) {
            return "Réconciliation déjà en cours sur un autre nœud du hub.";
        }
        Instant debut = clock.instant();
        Rapport rapport = new Rapport();
        try {
            for (String territoire : territoires) {
                reconcilier(territoire, rapport);
            }
            Instant fin = clock.instant();
            String texte = rapport.texte(debut, fin, territoires);
            store.enregistrerRapport(debut, fin, rapport.ecarts, rapport.corriges, texte);
            String bilan = rapport.comparees + " demande(s) comparée(s), " + rapport.ecarts + " écart(s), "
                    + rapport.corriges + " corrigé(s)";
            store.reussite(TacheNationale.RECONCILIATION, bilan);
            LOG.info("Réconciliation avec le registre national ({}) : {}", territoires, bilan);
            return texte;
        } catch (RegistreException e) {
            store.echec(TacheNationale.RECONCILIATION, e.getMessage());
            throw e;
        } finally {
            baux.rendre(Configuration.BAIL + TacheNationale.RECONCILIATION, noeud);
        }
    }

    private void reconcilier(String territoire, Rapport rapport) {
        Set<String> enAttente = store.numerosEnAttenteNational(territoire);
        Iterator<EtatNational> locaux = new Pages(territoire,
                (apres, max) -> new Page<>(store.etatsLocaux(territoire, apres, max), true));
        Iterator<EtatNational> nationaux = new Pages(territoire, (apres, max) -> national.etats(territoire, apres, max));
        EtatNational l = suivant(locaux);
        EtatNational n = suivant(nationaux);
        while (l != null || n != null) {
            int c = l == null ? 1 : n == null ? -1 : l.numeroUnique().compareTo(n.numeroUnique());
            if (c < 0) {
                comparer(l, null, enAttente, rapport);
                l = suivant(locaux);
            } else if (c > 0) {
                rapport.ecart(n.numeroUnique() + " : connue du registre national (" + n.statut() + ", version "
                        + n.version() + "), inconnue du hub → à examiner");
                n = suivant(nationaux);
            } else {
                comparer(l, n, enAttente, rapport);
                l = suivant(locaux);
                n = suivant(nationaux);
            }
        }
    }

    private void comparer(EtatNational local, EtatNational nat, Set<String> enAttente, Rapport rapport) {
        rapport.comparees++;
        if (enAttente.contains(local.numeroUnique())
                || nat != null && nat.version() == local.version() && nat.statut() == local.statut()) {
            return;
        }
        if (nat != null && nat.version() > local.version()) {
            rapport.ecart(local.numeroUnique() + " : version nationale " + nat.version() + " (" + nat.statut()
                    + ") plus récente que celle du hub " + local.version() + " (" + local.statut()
                    + ") → à examiner (la récupération des radiations applique celles faites ailleurs)");
            return;
        }
        if (nat != null && nat.version() == local.version()) {
            rapport.ecart(local.numeroUnique() + " : même version " + local.version() + " mais statut " + local.statut()
                    + " au hub, " + nat.statut() + " au national → à examiner");
            return;
        }
        String constat = nat == null ? "inconnue du registre national"
                : "version nationale " + nat.version() + " (" + nat.statut() + "), version du hub " + local.version()
                        + " (" + local.statut() + ")";
        Optional<Demande> demande = registre.consulter(local.numeroUnique(), contexte);
        if (demande.isEmpty()) {
            return;
        }
        Demande d = demande.get();
        Operation operation = nat == null ? Operation.ENREGISTREMENT
                : d.statut() == Statut.RADIEE ? Operation.RADIATION : Operation.MODIFICATION;
        try {
            national.transmettre(new MouvementNational(UUID.randomUUID(), operation, clock.instant(), d));
            rapport.corrige(local.numeroUnique() + " : " + constat + " → renvoyée telle qu'au hub (" + operation
                    + ", version " + d.version() + ")");
        } catch (RefusNationalException refus) {
            rapport.ecart(local.numeroUnique() + " : " + constat + " → renvoi refusé : " + refus.getMessage());
        }
    }

    private static EtatNational suivant(Iterator<EtatNational> it) {
        return it.hasNext() ? it.next() : null;
    }

    /** A list read page by page in numéro order. */
    private final class Pages implements Iterator<EtatNational> {
        private final BiFunction<String, Integer, Page<EtatNational>> lecture;
        private List<EtatNational> page = List.of();
        private int position;
        private String apres;
        private boolean fini;

        Pages(String territoire, BiFunction<String, Integer, Page<EtatNational>> lecture) {
            this.lecture = lecture;
        }

        @Override
        public boolean hasNext() {
            if (position < page.size()) {
                return true;
            }
            if (fini) {
                return false;
            }
            Page<EtatNational> p = lecture.apply(apres, taillePage);
            page = p.elements();
            position = 0;
            fini = !p.suite() || page.size() < taillePage;
            if (!page.isEmpty()) {
                apres = page.get(page.size() - 1).numeroUnique();
            }
            return !page.isEmpty();
        }

        @Override
        public EtatNational next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return page.get(position++);
        }
    }

    /** The report of one reconciliation. */
    static final class Rapport {
        int comparees;
        int ecarts;
        int corriges;
        final List<String> lignes = new ArrayList<>();

        void ecart(String ligne) {
            ecarts++;
            ajouter("écart   " + ligne);
        }

        void corrige(String ligne) {
            ecarts++;
            corriges++;
            ajouter("corrigé " + ligne);
        }

        private void ajouter(String ligne) {
            if (lignes.size() < LIGNES_MAX) {
                lignes.add(ligne);
            }
        }

        String texte(Instant debut, Instant fin, Set<String> territoires) {
            StringBuilder sb = new StringBuilder("Réconciliation avec le registre national du ").append(HEURE.format(debut))
                    .append(" (").append(Duration.between(debut, fin).toMillis()).append(" ms), territoire(s) ")
                    .append(String.join(", ", territoires)).append('\n')
                    .append(comparees).append(" demande(s) du hub comparée(s), ").append(ecarts).append(" écart(s), ")
                    .append(corriges).append(" corrigé(s), ").append(ecarts - corriges).append(" à examiner\n");
            lignes.forEach(l -> sb.append("  ").append(l).append('\n'));
            if (ecarts > lignes.size()) {
                sb.append("  … ").append(ecarts - lignes.size()).append(" autre(s) écart(s) non listé(s)\n");
            }
            return sb.toString();
        }
    }
}
