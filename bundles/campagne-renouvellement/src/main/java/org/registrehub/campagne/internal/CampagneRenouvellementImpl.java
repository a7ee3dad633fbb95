package org.registrehub.campagne.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.RegistreService;
import org.registrehub.api.Statut;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.VersionObsoleteException;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.renouvellement.Apercu;
import org.registrehub.api.renouvellement.ApercuGuichet;
import org.registrehub.api.renouvellement.AvancementCampagne;
import org.registrehub.api.renouvellement.Avis;
import org.registrehub.api.renouvellement.BilanCampagne;
import org.registrehub.api.renouvellement.CalendrierRenouvellement;
import org.registrehub.api.renouvellement.CampagneRenouvellement;
import org.registrehub.api.renouvellement.LotCourrier;
import org.registrehub.api.renouvellement.ReglesRenouvellement;
import org.registrehub.api.renouvellement.spi.CampagneStore;
import org.registrehub.api.renouvellement.spi.CampagneStore.AvisNouveau;
import org.registrehub.api.renouvellement.spi.CampagneStore.Campagne;
import org.registrehub.api.renouvellement.spi.CampagneStore.Compte;
import org.registrehub.api.renouvellement.spi.CampagneStore.DemandeARadier;
import org.registrehub.api.renouvellement.spi.CampagneStore.DemandeDue;
import org.registrehub.api.renouvellement.spi.CampagneStore.Lettre;
import org.registrehub.api.planification.EcheanceQuotidienne;
import org.registrehub.api.spi.BauxCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The day's renewal campaign. In order:
 * <ol>
 * <li>takes the day's lease (one node at a time; a node that stopped in the middle leaves its lease to run out, then
 * any node resumes); on a resume, the emails the stopped node had reserved but not recorded as sent become
 * {@code INCERTAIN}: they are never sent again;</li>
 * <li>notices, territory by territory, page by page: each page's notices are reserved in the database first (a notice
 * reserved by anyone is never reserved again), then each email is sent and recorded at once; the lease is extended
 * after each page;</li>
 * <li>radiations: {@code NON_RENOUVELLEMENT} for the demands expired once the lead time has passed since their
 * notice, {@code NON_REPONSE} for the traceable letters left unanswered past the territory's wait; through the
 * register (optimistic locking: a demand renewed meanwhile is left alone), channel {@code CAMPAGNE};</li>
 * <li>letters: every letter still to print, one PDF batch per guichet and nature, written whole then recorded.</li>
 * </ol>
 */
@Component(service = CampagneRenouvellement.class, configurationPid = CampagneConfig.PID)
public class CampagneRenouvellementImpl implements CampagneRenouvellement {

    private static final Logger LOG = LoggerFactory.getLogger(CampagneRenouvellementImpl.class);
    static final String ACTEUR = "campagne-renouvellement";
    private static final Set<Role> PILOTES = EnumSet.of(Role.GESTIONNAIRE, Role.ADMIN);
    private static final Set<Role> ENGAGEURS = EnumSet.of(Role.GESTIONNAIRE, Role.GUICHET);

    private final CampagneStore store;
    private final BauxCluster baux;
    private final CalendrierRenouvellement calendrier;
    private final RegistreService registre;
    private final Messagerie messagerie;
    private final ReglagesCampagne reglages;
    /** The day's campaign is due at its hour ({@code campagne.heure}, {@code campagne.zone}). */
    private final EcheanceQuotidienne echeance;
    private final Clock clock;
    private final String noeud;
    private final LettresPdf pdf = new LettresPdf();
    private final SecureRandom aleatoire = new SecureRandom();
    private final AtomicBoolean enCours = new AtomicBoolean();

    @Activate
    public CampagneRenouvellementImpl(@Reference CampagneStore store, @Reference BauxCluster baux,
                                      @Reference CalendrierRenouvellement calendrier,
                                      @Reference RegistreService registre, CampagneConfig config) {
        this(store, baux, calendrier, registre, Messagerie.depuis(config), ReglagesCampagne.depuis(config));
    }

    public CampagneRenouvellementImpl(CampagneStore store, BauxCluster baux, CalendrierRenouvellement calendrier,
                                      RegistreService registre, Messagerie messagerie, ReglagesCampagne reglages) {
        this(store, baux, calendrier, registre, messagerie, reglages, Clock.system(reglages.zone()), baux.noeud());
    }

    CampagneRenouvellementImpl(CampagneStore store, BauxCluster baux, CalendrierRenouvellement calendrier,
                               RegistreService registre, Messagerie messagerie, ReglagesCampagne reglages, Clock clock,
                               String noeud) {
        this.store = store;
        this.baux = baux;
        this.calendrier = calendrier;
        this.registre = registre;
        this.messagerie = messagerie;
        this.reglages = reglages;
        this.echeance = new EcheanceQuotidienne(reglages.heure(), reglages.zone());
        this.clock = clock.withZone(reglages.zone());
        this.noeud = noeud;
    }

    LocalDate aujourdhui() {
        return LocalDate.now(clock);
    }

    @Override
    public boolean echue() {
        // the day's campaign is one per day whatever its hour of run (a gestionnaire may run it early from the
        // console): due once the hour has come, until the day's campaign is finished
        if (!echeance.heureVenue(clock.instant())) {
            return false;
        }
        return store.campagne(aujourdhui()).map(c -> !BilanCampagne.TERMINEE.equals(c.etat())).orElse(true);
    }

    // ------------------------------------------------------------------ aperçu

    @Override
    public Apercu apercu(LocalDate jour, Contexte contexte) {
        exiger(contexte, PILOTES, "l'aperçu de la campagne de renouvellement");
        Map<String, long[]> parGuichet = new TreeMap<>();
        for (String t : store.territoires()) {
            ReglesRenouvellement r = calendrier.regles(t);
            LocalDate limite = calendrier.finValiditeAviseeJusquau(t, jour);
            for (CampagneStore.CompteGuichet c : store.compterAAviser(t, limite)) {
                long[] v = parGuichet.computeIfAbsent(c.guichet(), g -> new long[5]);
                v[0] += messagerie.active() ? c.courriels() : 0;
                v[1] += c.lettres() + (messagerie.active() ? 0 : c.courriels());
            }
            for (Compte c : store.compterRadiations(t, jour, jour.minusMonths(r.preavisMois()),
                    envoiLettreAuPlusTard(r, jour))) {
                long[] v = parGuichet.computeIfAbsent(c.guichet(), g -> new long[5]);
                v[3] += c.radiationsNonRenouvellement();
                v[4] += c.radiationsNonReponse();
            }
        }
        for (LotCourrier l : store.courriersEnAttente()) {
            long[] v = parGuichet.computeIfAbsent(l.guichet(), g -> new long[5]);
            v[Avis.NON_REPONSE.equals(l.nature()) ? 2 : 1] += l.lettres();
        }
        List<ApercuGuichet> lignes = new ArrayList<>();
        parGuichet.forEach((g, v) -> lignes.add(new ApercuGuichet(g, v[0], v[1], v[2], v[3], v[4],
                affranchissement(v[1], v[2]))));
        return new Apercu(jour, lignes);
    }

    private BigDecimal affranchissement(long lettres, long recommandes) {
        return reglages.tarifLettre().multiply(BigDecimal.valueOf(lettres))
                .add(reglages.tarifRecommande().multiply(BigDecimal.valueOf(recommandes)));
    }

    /** The latest sending day of a traceable letter whose wait is over on {@code jour} (never a day early). */
    private static LocalDate envoiLettreAuPlusTard(ReglesRenouvellement r, LocalDate jour) {
        return jour.minusDays(1).minusMonths(r.nonReponseMois());
    }

    // ------------------------------------------------------------------ campagne

    @Override
    public Optional<BilanCampagne> executer(Contexte contexte, Consumer<String> progression,
                                            Consumer<AvancementCampagne> avancement) {
        exiger(contexte, PILOTES, "le lancement de la campagne de renouvellement");
        if (!enCours.compareAndSet(false, true)) {
            progression.accept("La campagne du jour est déjà en cours sur ce nœud (" + noeud + ").");
            return Optional.empty();
        }
        try {
            LocalDate jour = aujourdhui();
            Campagne c = store.ouvrir(jour, clock.instant());
            if (BilanCampagne.TERMINEE.equals(c.etat())) {
                progression.accept("La campagne du " + jour + " est terminée (" + c.fin() + ", nœud " + c.noeud()
                        + ").");
                return Optional.empty();
            }
            String bail = CampagneStore.BAIL + jour;
            if (!baux.prendre(bail, noeud, reglages.bail())) {
                progression.accept(baux.bail(bail).map(b -> "La campagne du " + jour + " est en cours sur le nœud "
                        + b.noeud() + " (bail jusqu'à " + b.jusqua() + ").")
                        .orElse("Campagne du " + jour + " indisponible."));
                return Optional.empty();
            }
            // read again under the lease: another node may have finished it meanwhile
            c = store.campagne(jour).orElseThrow();
            if (BilanCampagne.TERMINEE.equals(c.etat())) {
                baux.rendre(bail, noeud);
                progression.accept("La campagne du " + jour + " est terminée (" + c.fin() + ", nœud " + c.noeud()
                        + ").");
                return Optional.empty();
            }
            store.attribuer(c.id(), noeud);
            new Execution(c, jour, progression, avancement).derouler();
            return rapport(jour);
        } finally {
            enCours.set(false);
        }
    }

    /** The lease went to another node: this one stops at once. */
    static final class BailPerdu extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BailPerdu(String message) {
            super(message);
        }
    }

    /** One run of a campaign on this node. */
    private final class Execution {
        private final Campagne campagne;
        private final LocalDate jour;
        private final Consumer<String> progression;
        private final Consumer<AvancementCampagne> avancement;
        private final long debut = System.nanoTime();
        private long derniere = debut;
        private long courriels;
        private long lettres;
        private long radiations;
        private String etape = "début";
        /** Where the run's time went, said at its end (nanoseconds by step). */
        private final Map<String, Long> temps = new LinkedHashMap<>();

        Execution(Campagne campagne, LocalDate jour, Consumer<String> progression,
                  Consumer<AvancementCampagne> avancement) {
            this.campagne = campagne;
            this.jour = jour;
            this.progression = progression;
            this.avancement = avancement;
        }

        void derouler() {
            try {
                boolean reprise = campagne.debut().isBefore(clock.instant().minusSeconds(1));
                dire((reprise ? "Reprise" : "Début") + " de la campagne de renouvellement du " + jour + " (nœud "
                        + noeud + ", courriels : " + messagerie.cible() + ")");
                int incertains = store.incertains(campagne.id(), clock.instant());
                if (incertains > 0) {
                    dire(incertains + " courriel(s) dont l'envoi a été interrompu : marqués INCERTAIN, jamais"
                            + " renvoyés");
                }
                store.cloreNonReponses();
                List<String> territoires = store.territoires();
                for (String t : territoires) {
                    etape = "avis du " + t;
                    aviser(t);
                }
                for (String t : territoires) {
                    etape = "radiations du " + t;
                    chrono("radiations", () -> radier(t));
                }
                store.cloreNonReponses();
                etape = "impression des lettres";
                avancer();
                chrono("lettres", this::imprimer);
                store.terminer(campagne.id(), clock.instant(), null);
                baux.rendre(CampagneStore.BAIL + jour, noeud);
                etape = "terminée";
                avancer();
                dire("Campagne du " + jour + " terminée : " + courriels + " courriel(s), " + lettres
                        + " lettre(s) imprimée(s), " + radiations + " radiation(s) en "
                        + String.format(Locale.ROOT, "%.1f", (System.nanoTime() - debut) / 1e9) + " s");
                dire("Temps passé : " + temps.entrySet().stream().map(e -> e.getKey() + " " + String.format(
                        Locale.ROOT, "%.1f s", e.getValue() / 1e9)).collect(java.util.stream.Collectors.joining(", ")));
            } catch (RuntimeException e) {
                String raison = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                LOG.warn("Campagne du {} interrompue sur {} : {}", jour, noeud, raison, e);
                progression.accept("Campagne interrompue : " + raison + " (elle reprendra où elle en est)");
                if (!(e instanceof BailPerdu)) {
                    try {
                        store.terminer(campagne.id(), clock.instant(), raison);
                        // stopped by an error, not a crash: another node may take it over at once
                        baux.rendre(CampagneStore.BAIL + jour, noeud);
                    } catch (RuntimeException f) {
                        e.addSuppressed(f);
                    }
                }
            }
        }

        /** Runs {@code etape} and adds its time to its step's. */
        private <T> T chrono(String poste, java.util.function.Supplier<T> etape) {
            long t = System.nanoTime();
            try {
                return etape.get();
            } finally {
                temps.merge(poste, System.nanoTime() - t, Long::sum);
            }
        }

        private void chrono(String poste, Runnable etape) {
            chrono(poste, () -> {
                etape.run();
                return null;
            });
        }

        private void dire(String texte) {
            LOG.info(texte);
            progression.accept(texte);
        }

        /** Tells the caller where the run stands (after each batch: a page's progress bar follows it). */
        private void avancer() {
            avancement.accept(new AvancementCampagne(jour, courriels, lettres, radiations, etape));
        }

        private void progres() {
            avancer();
            long maintenant = System.nanoTime();
            if (maintenant - derniere >= reglages.progression().toNanos()) {
                derniere = maintenant;
                dire(String.format(Locale.ROOT, "… %d courriel(s), %d lettre(s) préparée(s), %d radiation(s)"
                        + " (%.0f s)", courriels, lettres, radiations, (maintenant - debut) / 1e9));
            }
        }

        private void prolonger() {
            if (!baux.prolonger(CampagneStore.BAIL + jour, noeud, reglages.bail())) {
                throw new BailPerdu("le bail de la campagne est passé à un autre nœud");
            }
        }

        private void aviser(String territoire) {
            LocalDate limite = calendrier.finValiditeAviseeJusquau(territoire, jour);
            DemandeDue apres = null;
            try (EnvoisParalleles smtp = messagerie.active()
                    ? new EnvoisParalleles(messagerie, reglages.connexionsSmtp()) : null) {
                while (true) {
                    DemandeDue depuis = apres;
                    List<DemandeDue> page = chrono("sélection", () -> store.aAviser(territoire, limite, depuis,
                            reglages.lot()));
                    if (page.isEmpty()) {
                        return;
                    }
                    apres = page.get(page.size() - 1);
                    Map<String, DemandeDue> parNumero = new LinkedHashMap<>();
                    List<AvisNouveau> nouveaux = new ArrayList<>(page.size());
                    for (DemandeDue d : page) {
                        parNumero.put(d.numeroUnique(), d);
                        nouveaux.add(new AvisNouveau(d.numeroUnique(), Avis.AVIS, smtp != null && d.email() != null
                                ? Avis.EMAIL : Avis.COURRIER, d.guichet(), d.finValidite(), d.version(), null));
                    }
                    List<Avis> reserves = chrono("réservation", () -> store.reserver(campagne.id(), nouveaux));
                    List<Avis> aEnvoyer = reserves.stream().filter(a -> Avis.EMAIL.equals(a.canal())).toList();
                    lettres += reserves.size() - aEnvoyer.size();
                    envoyer(smtp, aEnvoyer, parNumero);
                    chrono("bail", this::prolonger);
                    progres();
                }
            }
        }

        /**
         * Sends a page's e-mails by groups of {@code smtp.groupe}, one group going out over the parallel connections
         * while the next one's links are recorded and the previous one is marked sent. A group's links are recorded in
         * one statement before any of its e-mails goes out: a crash from there until it is marked (one statement)
         * leaves them INCERTAIN on the resume, never sent again — at most two groups, the one going out and the next.
         * A refused address sends its notice by letter. If the server fails, what did not go out is given back
         * (reserved again on the resume) and the failure stops the run.
         */
        private void envoyer(EnvoisParalleles smtp, List<Avis> aEnvoyer, Map<String, DemandeDue> demandes) {
            int taille = reglages.groupeCourriels();
            List<Avis> enVol = List.of();
            EnvoisParalleles.Lancement lancement = null;
            // one pass more than there are groups: the last one has no group of its own, it settles the one in flight
            for (int debut = 0; debut < aEnvoyer.size() + taille; debut += taille) {
                List<Avis> groupe = aEnvoyer.subList(Math.min(debut, aEnvoyer.size()),
                        Math.min(debut + taille, aEnvoyer.size()));
                List<org.registrehub.api.messagerie.Courriel> courriels = groupe.isEmpty() ? List.of()
                        : liens(groupe, demandes);
                List<Long> envoyes = new ArrayList<>(enVol.size());
                List<Long> aRendre = new ArrayList<>();
                EnvoisParalleles.Lancement precedent = lancement;
                RuntimeException panne = precedent == null ? null
                        : regler(enVol, chrono("envois SMTP", precedent::attendre), envoyes, aRendre);
                lancement = panne == null && !groupe.isEmpty() ? smtp.lancer(courriels) : null;
                if (precedent != null) {
                    marquerEnvoyes(envoyes);
                }
                if (panne != null) {
                    // nothing of this group or the next ones went out: reserved again on the resume
                    aEnvoyer.subList(Math.min(debut, aEnvoyer.size()), aEnvoyer.size())
                            .forEach(a -> aRendre.add(a.id()));
                    store.liberer(aRendre);
                    throw panne;
                }
                enVol = groupe;
            }
        }

        /** A group's one-time links, recorded in one statement, and its e-mails carrying them. */
        private List<org.registrehub.api.messagerie.Courriel> liens(List<Avis> groupe,
                                                                     Map<String, DemandeDue> demandes) {
            Instant expire = clock.instant().plus(reglages.lienDuree());
            List<CampagneStore.Jeton> jetons = new ArrayList<>(groupe.size());
            List<org.registrehub.api.messagerie.Courriel> courriels = new ArrayList<>(groupe.size());
            for (Avis a : groupe) {
                String jeton = jeton();
                jetons.add(new CampagneStore.Jeton(RenouvellementEnLigneImpl.empreinte(jeton), a.id(),
                        a.numeroUnique(), expire, null));
                courriels.add(CourrielAvis.courriel(a, demandes.get(a.numeroUnique()),
                        reglages.lienBase() + "?jeton=" + jeton, expire, reglages.zone()));
            }
            chrono("liens", () -> store.enregistrerJetons(jetons));
            return courriels;
        }

        /**
         * What became of a group: the notices sent go to {@code envoyes}, those to give back to {@code aRendre}; a
         * refused address sends its notice by letter.
         *
         * @return the failure that stops the run, if any
         */
        private RuntimeException regler(List<Avis> groupe, List<EnvoisParalleles.Resultat> resultats,
                                        List<Long> envoyes, List<Long> aRendre) {
            RuntimeException panne = null;
            for (int i = 0; i < groupe.size(); i++) {
                Avis a = groupe.get(i);
                EnvoisParalleles.Resultat r = resultats.get(i);
                switch (r.issue()) {
                    case ENVOYE -> envoyes.add(a.id());
                    case ADRESSE_REFUSEE -> {
                        LOG.info("Avis {} de la demande {} : {} ; avis par courrier", a.id(), a.numeroUnique(),
                                r.cause().getMessage());
                        store.versCourrier(a.id());
                        lettres++;
                    }
                    case NON_ENVOYE -> {
                        aRendre.add(a.id());
                        panne = panne == null ? r.echec() : panne;
                    }
                    // it may have gone out: left with its link, counted INCERTAIN on the resume
                    case INCERTAIN -> panne = panne == null ? r.echec() : panne;
                }
            }
            return panne;
        }

        private void marquerEnvoyes(List<Long> envoyes) {
            chrono("marquage", () -> store.marquer(envoyes, "ENVOYE", jour, null));
            courriels += envoyes.size();
        }

        private void radier(String territoire) {
            ReglesRenouvellement r = calendrier.regles(territoire);
            Contexte ctx = contexteCampagne(territoire);
            DemandeARadier apres = null;
            while (true) {
                List<DemandeARadier> page = store.expirees(territoire, jour, jour.minusMonths(r.preavisMois()),
                        apres, reglages.lot());
                if (page.isEmpty()) {
                    break;
                }
                apres = page.get(page.size() - 1);
                for (DemandeARadier d : page) {
                    radier(d, MotifRadiation.NON_RENOUVELLEMENT, "Non renouvelée avant le " + Formats.DATE.format(
                            d.finValidite()) + " malgré l'avis de renouvellement (campagne du " + jour + ")", ctx);
                }
                prolonger();
                progres();
            }
            apres = null;
            while (true) {
                List<DemandeARadier> page = store.sansReponse(territoire, envoiLettreAuPlusTard(r, jour), apres,
                        reglages.lot());
                if (page.isEmpty()) {
                    break;
                }
                apres = page.get(page.size() - 1);
                for (DemandeARadier d : page) {
                    radier(d, MotifRadiation.NON_REPONSE, "Sans réponse au courrier recommandé dans le délai de "
                            + r.nonReponseMois() + " mois (campagne du " + jour + ")", ctx);
                }
                prolonger();
                progres();
            }
        }

        private void radier(DemandeARadier d, MotifRadiation motif, String commentaire, Contexte ctx) {
            try {
                registre.radier(d.numeroUnique(), d.version(), new DemandeRadiation(motif, null, null, commentaire),
                        ctx);
                store.radiee(campagne.id(), d.numeroUnique(), motif.name(), d.guichet());
                radiations++;
            } catch (VersionObsoleteException | TransitionInterditeException | DemandeIntrouvableException e) {
                // changed since it was read (renewed, radiated elsewhere): not the campaign's to radiate any more
                LOG.info("Demande {} non radiée par la campagne ({}) : {}", d.numeroUnique(), motif, e.getMessage());
            }
        }

        private void imprimer() {
            Set<String> pris = new java.util.HashSet<>();
            store.lots(campagne.id()).forEach(l -> pris.add(java.nio.file.Path.of(l.fichier()).getFileName()
                    .toString()));
            for (String guichet : store.prendreCourriers(campagne.id(), clock.instant())) {
                for (String nature : List.of(Avis.AVIS, Avis.NON_REPONSE)) {
                    List<Lettre> lot = store.courriers(campagne.id(), guichet, nature);
                    if (lot.isEmpty()) {
                        continue;
                    }
                    String nom = nomLot(guichet, nature, pris);
                    java.nio.file.Path fichier = reglages.lettres().resolve(nom);
                    int pages = pdf.ecrire(fichier, guichet, nature, jour, lot, new CourrierAvis(calendrier, jour));
                    BigDecimal cout = Avis.NON_REPONSE.equals(nature)
                            ? reglages.tarifRecommande().multiply(BigDecimal.valueOf(pages))
                            : reglages.tarifLettre().multiply(BigDecimal.valueOf(pages));
                    store.lotEcrit(campagne.id(), new LotCourrier(guichet, nature, fichier.toString(), pages, cout),
                            lot.stream().map(l -> l.avis().id()).toList(), jour);
                    dire("Lot " + fichier.getFileName() + " : " + pages + " lettre(s), affranchissement estimé "
                            + cout + " €");
                    prolonger();
                }
            }
        }

        /**
         * A batch name of its own in this campaign (a resumed campaign may add a second batch for a guichet), among
         * those already taken ({@code pris}, which it joins).
         */
        private String nomLot(String guichet, String nature, Set<String> pris) {
            String base = "courriers-" + jour + "-" + guichet + "-" + (Avis.AVIS.equals(nature) ? "avis"
                    : "recommandes");
            String nom = base + ".pdf";
            for (int n = 2; pris.contains(nom); n++) {
                nom = base + "-" + n + ".pdf";
            }
            pris.add(nom);
            return nom;
        }
    }

    private String jeton() {
        byte[] octets = new byte[32];
        aleatoire.nextBytes(octets);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(octets);
    }

    /** The campaign acts on a territory as a manager of it, on its own channel. */
    static Contexte contexteCampagne(String territoire) {
        return new Contexte(new Identite(ACTEUR, new Organisation("CAMPAGNE", TypeOrganisation.HUB,
                "Campagne de renouvellement", null, true, Set.of(territoire)), Set.of(Role.GESTIONNAIRE)),
                Canal.CAMPAGNE);
    }

    // ------------------------------------------------------------------ rapports

    @Override
    public Optional<BilanCampagne> rapport(LocalDate jour, Contexte contexte) {
        exiger(contexte, PILOTES, "le rapport de la campagne de renouvellement");
        return rapport(jour);
    }

    private Optional<BilanCampagne> rapport(LocalDate jour) {
        return store.campagne(jour).map(this::bilan);
    }

    private BilanCampagne bilan(Campagne c) {
        List<ApercuGuichet> guichets = store.comptes(c.id()).stream().map(k -> new ApercuGuichet(k.guichet(),
                k.courriels(), k.lettres(), k.recommandes(), k.radiationsNonRenouvellement(),
                k.radiationsNonReponse(), k.affranchissement() == null ? BigDecimal.ZERO : k.affranchissement()))
                .toList();
        return new BilanCampagne(c.id(), c.jour(), c.etat(), c.noeud(), c.debut(), c.fin(), guichets, c.incertains(),
                c.echecs(), store.lots(c.id()), c.erreur());
    }

    @Override
    public List<BilanCampagne> rapports(int nombre, Contexte contexte) {
        exiger(contexte, PILOTES, "les rapports des campagnes de renouvellement");
        return store.campagnes(Math.max(1, Math.min(nombre, 366))).stream().map(this::bilan).toList();
    }

    // ------------------------------------------------------------------ non-réponse

    @Override
    public Avis engagerNonReponse(String numeroUnique, String objet, Contexte contexte) {
        exiger(contexte, ENGAGEURS, "l'envoi d'un courrier recommandé (procédure de non-réponse)");
        if (objet == null || objet.isBlank() || objet.strip().length() > 500) {
            throw new org.registrehub.api.DemandeInvalideException(List.of(new org.registrehub.api.ErreurChamp(
                    "objet", "obligatoire", objet, "ce que le courrier demande au demandeur, 1 à 500 caractères")));
        }
        Demande d = registre.consulter(numeroUnique, contexte).orElseThrow(() ->
                new DemandeIntrouvableException(numeroUnique));
        if (d.statut() != Statut.ACTIVE) {
            throw new TransitionInterditeException("La demande " + d.numeroUnique() + " est radiée : pas de courrier"
                    + " de non-réponse.");
        }
        Avis avis = store.engagerNonReponse(new AvisNouveau(d.numeroUnique(), Avis.NON_REPONSE, Avis.COURRIER,
                d.guichet(), d.dateValidite(), d.version(), objet.strip())).orElseThrow(() ->
                new TransitionInterditeException("Une procédure de non-réponse est déjà ouverte pour la demande "
                        + d.numeroUnique() + " (registre:campagne-avis " + d.numeroUnique() + ")."));
        LOG.info("Procédure de non-réponse ouverte pour {} par {} (avis {})", d.numeroUnique(), contexte.acteur(),
                avis.id());
        return avis;
    }

    @Override
    public List<Avis> avis(String numeroUnique, Contexte contexte) {
        registre.consulter(numeroUnique, contexte).orElseThrow(() -> new DemandeIntrouvableException(numeroUnique));
        return store.avisDe(numeroUnique.strip());
    }

    private static void exiger(Contexte contexte, Set<Role> roles, String operation) {
        if (roles.stream().noneMatch(contexte.identite()::a)) {
            throw new AccesRefuseException("Accès refusé : " + operation + " exige le rôle "
                    + String.join(" ou ", roles.stream().map(Role::nom).toList()) + " ; « "
                    + contexte.acteur() + " » ne l'a pas.");
        }
    }
}
