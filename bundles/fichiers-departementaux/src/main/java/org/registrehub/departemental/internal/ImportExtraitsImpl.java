package org.registrehub.departemental.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.io.input.BOMInputStream;
import org.registrehub.api.BilanLot;
import org.registrehub.api.Contexte;
import org.registrehub.api.DemandeImportee;
import org.registrehub.api.ImportExtraits;
import org.registrehub.api.ImportService;
import org.registrehub.api.Canal;
import org.registrehub.api.acces.AuthentificationService;
import org.registrehub.api.acces.Role;
import org.registrehub.api.LigneRejetee;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.registre.spi.ImportStore;
import org.registrehub.api.spi.BauxCluster;
import org.registrehub.api.TravailImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports an extract batch by batch: each batch (its demands, its rejects, the import's position) is written in one
 * transaction by the import service, so that an import stopped anywhere (crash, {@code kill -9}, database lost)
 * resumes after its last batch: the lines already handled are skipped by position, and a line imported before is
 * recognised by its departmental number. Progress goes to the log and to the caller (console) every few seconds.
 */
public class ImportExtraitsImpl implements ImportExtraits {

    /** An import's cluster lease: renewed at each batch; another node may resume it once this long has passed. */
    private static final Duration DUREE_BAIL = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(ImportExtraitsImpl.class);

    private final ImportService service;
    private final ImportStore store;
    private final AuthentificationService identites;
    private final int lot;
    private final Path rapports;
    private final long tailleMax;
    private final Duration periodeProgression;
    private final String noeud;
    private final BauxCluster baux;
    /** The imports running in this hub node (by extract fingerprint). */
    private final java.util.Set<String> enCours = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path racine;

    public ImportExtraitsImpl(ImportService service, ImportStore store, BauxCluster baux,
                              AuthentificationService identites, int lot, String racine, String rapports,
                              long tailleMaxMo, long progressionSecondes) {
        this.racine = Path.of(racine).toAbsolutePath().normalize();
        this.service = service;
        this.store = store;
        this.baux = baux;
        this.identites = identites;
        this.lot = lot;
        this.rapports = Path.of(rapports);
        this.tailleMax = tailleMaxMo * 1024 * 1024;
        this.periodeProgression = Duration.ofSeconds(progressionSecondes);
        this.noeud = baux.noeud();
    }

    @Override
    public Path recevoir(String nomFichier, java.io.InputStream contenu, Contexte contexte) {
        String nom = (nomFichier == null ? "" : Path.of(nomFichier.replace('\\', '/')).getFileName().toString())
                .replaceAll("[^A-Za-z0-9._-]", "_");
        if (nom.isBlank() || nom.startsWith(".")) {
            nom = "extrait" + nom;
        }
        try {
            Path dossier = racine.resolve("televerses");
            Files.createDirectories(dossier);
            Path cible = dossier.resolve(java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Paris")).format(
                    java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                    + java.util.UUID.randomUUID().toString().substring(0, 8) + "-" + nom);
            Fichiers.creerPrive(cible);
            long ecrits = 0;
            try (java.io.OutputStream out = Files.newOutputStream(cible)) {
                byte[] tampon = new byte[1 << 16];
                int n;
                while ((n = contenu.read(tampon)) != -1) {
                    ecrits += n;
                    if (ecrits > tailleMax) {
                        out.close();
                        Files.deleteIfExists(cible);
                        throw new IllegalArgumentException("Fichier trop volumineux : plus de " + tailleMax
                                / (1024 * 1024) + " Mo (import.tailleMaxMo)");
                    }
                    out.write(tampon, 0, n);
                }
            }
            LOG.info("Extrait {} reçu de {} ({} octets) : {}", nom, contexte.acteur(), ecrits, cible);
            return cible;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The extract is being imported by another node, or by another thread of this one. */
    static final class ImportOccupe extends IllegalStateException {
        ImportOccupe(String message) {
            super(message);
        }
    }

    @Override
    public TravailImport importer(Path fichier, String encodage, boolean forcer, Contexte contexte,
                                  Consumer<String> progression) {
        Path chemin = confiner(fichier);
        long taille = taille(chemin);
        if (taille > tailleMax) {
            throw new IllegalArgumentException("Fichier trop volumineux : " + taille / (1024 * 1024) + " Mo (au plus "
                    + tailleMax / (1024 * 1024) + " Mo, import.tailleMaxMo)");
        }
        String format = format(chemin);
        String empreinte = empreinte(chemin);
        if (!forcer) {
            var fait = store.dejaTermine(empreinte);
            if (fait.isPresent()) {
                progression.accept("Extrait déjà importé entièrement (import " + fait.get().id() + " du "
                        + fait.get().fin() + ") : rien à faire (--forcer pour le relire)");
                return fait.get();
            }
        }
        if (!enCours.add(empreinte)) {
            throw new ImportOccupe("Cet extrait est déjà en cours d'import sur ce nœud du hub.");
        }
        try {
            return importer(chemin, taille, format, empreinte, encodage, contexte, progression);
        } finally {
            enCours.remove(empreinte);
        }
    }

    private TravailImport importer(Path chemin, long taille, String format, String empreinte, String encodage,
                                   Contexte contexte, Consumer<String> progression) {
        String lu = "XML".equals(format) ? encodageXml(chemin) : encodage == null ? detecter(chemin)
                : charset(encodage).name();
        TravailImport travail = store.ouvrir(chemin.toString(), empreinte, format, lu, contexte.acteur(),
                contexte.canal().name(), Fichiers.enregistrements(chemin, format));
        if (!baux.prendre(bail(travail.id()), noeud, DUREE_BAIL)) {
            throw new ImportOccupe("L'import " + travail.id() + " de cet extrait est en cours sur un autre nœud du"
                    + " hub (position " + travail.position() + ").");
        }
        // read again under the lease: another node may have moved it on, or finished it, meanwhile
        travail = store.travail(travail.id()).orElseThrow();
        if (!TravailImport.EN_COURS.equals(travail.etat())) {
            baux.rendre(bail(travail.id()), noeud);
            return travail;
        }
        if (travail.position() > 0) {
            progression.accept("Reprise de l'import " + travail.id() + " après la ligne " + travail.position()
                    + " (" + travail.importees() + " importée(s), " + travail.rejetees() + " rejetée(s) avant)");
        }
        LOG.info("Import {} de {} ({}, {}, {} octets) par {}{}", travail.id(), chemin, format, lu, taille,
                contexte.acteur(), travail.position() > 0 ? ", reprise après la ligne " + travail.position() : "");
        try {
            return executer(travail, chemin, format, lu, contexte, progression);
        } catch (LecteurExtrait.ExtraitIllisible | IllegalArgumentException | UncheckedIOException e) {
            store.terminer(travail.id(), TravailImport.ECHEC, e.getMessage());
            baux.rendre(bail(travail.id()), noeud);
            LOG.warn("Import {} de {} en échec : {}", travail.id(), chemin, e.getMessage());
            progression.accept("Import " + travail.id() + " en échec : " + e.getMessage());
            return store.travail(travail.id()).orElseThrow();
        }
    }

    private TravailImport executer(TravailImport travail, Path chemin, String format, String encodage,
                                   Contexte contexte, Consumer<String> progression) {
        Avancement a = new Avancement(travail, progression);
        // one writer thread: batch k is written (one transaction) while batch k + 1 is read, checked and numbered
        // here; the writes stay one after the other, in the extract's order
        ExecutorService ecrivain = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "registre-import-" + travail.id() + "-ecriture");
            t.setDaemon(true);
            return t;
        });
        Future<BilanLot> ecriture = null;
        long finEcriture = travail.position();
        try (LecteurExtrait lecteur = lecteur(chemin, format, encodage)) {
            if (lecteur instanceof LecteurCsv csv && !csv.colonnesInconnues().isEmpty()) {
                progression.accept("Colonnes ignorées (inconnues) : " + csv.colonnesInconnues());
            }
            long position = travail.position();
            long sautees = 0;
            while (sautees < position && lecteur.hasNext()) {
                lecteur.next();
                sautees++;
            }
            List<DemandeImportee> demandes = new ArrayList<>(lot);
            List<LigneRejetee> rejets = new ArrayList<>();
            while (lecteur.hasNext()) {
                LigneLue l = lecteur.next();
                if (l.demande() != null) {
                    demandes.add(l.demande());
                } else {
                    rejets.add(l.rejet());
                }
                if (demandes.size() + rejets.size() == lot || !lecteur.hasNext()) {
                    long fin = position + demandes.size() + rejets.size();
                    ImportService.LotPrepare prepare = service.preparerLot(travail.id(), demandes, rejets, fin,
                            contexte);
                    if (ecriture != null) {
                        a.lotEcrit(attendre(ecriture), finEcriture);
                    }
                    ecriture = ecrivain.submit(() -> service.ecrireLot(prepare));
                    finEcriture = fin;
                    position = fin;
                    demandes = new ArrayList<>(lot);
                    rejets = new ArrayList<>();
                }
            }
            if (ecriture != null) {
                Future<BilanLot> derniere = ecriture;
                ecriture = null;
                a.lotEcrit(attendre(derniere), finEcriture);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (ecriture != null) {
                // stopped by an error here: the batch being written commits or rolls back whole before this returns
                try {
                    ecriture.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    LOG.warn("Import {} : le lot en cours d'écriture a échoué aussi : {}", travail.id(),
                            e.getCause().getMessage());
                }
            }
            ecrivain.shutdown();
        }
        store.terminer(travail.id(), TravailImport.TERMINE, null);
        baux.rendre(bail(travail.id()), noeud);
        TravailImport fini = store.travail(travail.id()).orElseThrow();
        Path rapport = ecrireRapport(travail.id(), travail);
        String texte = "Import " + travail.id() + " terminé : " + fini.position() + " ligne(s), " + fini.importees()
                + " importée(s), " + fini.dejaImportees() + " déjà importée(s), " + fini.rejetees()
                + " rejetée(s) (rapport : " + rapport + ") ; " + debit(a.lues, a.debut);
        LOG.info(texte);
        progression.accept(texte);
        return fini;
    }

    /** The result of a batch's write, its failure thrown as it was thrown by the writer thread. */
    private static BilanLot attendre(Future<BilanLot> ecriture) {
        try {
            return ecriture.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Import interrompu pendant l'écriture d'un lot", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The counts of an import as its batches are written, its lease and its progress messages. */
    private final class Avancement {
        private final TravailImport travail;
        private final Consumer<String> progression;
        private final long debut = System.nanoTime();
        private long derniereProgression = debut;
        private long position;
        private long importees;
        private long deja;
        private long rejetees;
        private long lues;

        Avancement(TravailImport travail, Consumer<String> progression) {
            this.travail = travail;
            this.progression = progression;
            this.position = travail.position();
            this.importees = travail.importees();
            this.deja = travail.dejaImportees();
            this.rejetees = travail.rejetees();
        }

        void lotEcrit(BilanLot b, long fin) {
            lues += fin - position;
            position = fin;
            importees += b.importees();
            deja += b.dejaImportees();
            rejetees += b.rejets().size();
            if (!baux.prolonger(bail(travail.id()), noeud, DUREE_BAIL)) {
                // this node stalled past its lease and another took the import: its batches are the other's now (a
                // batch written twice would roll back whole)
                throw new ImportOccupe("L'import " + travail.id() + " a été repris par un autre nœud du hub après la"
                        + " ligne " + position + ".");
            }
            long maintenant = System.nanoTime();
            if (maintenant - derniereProgression >= periodeProgression.toNanos()) {
                derniereProgression = maintenant;
                String texte = progression(travail.id(), position, importees, deja, rejetees, lues, debut);
                LOG.info(texte);
                progression.accept(texte);
            }
        }
    }

    private static String progression(long id, long position, long importees, long deja, long rejetees, long lues,
                                      long debut) {
        return "Import " + id + " : " + position + " ligne(s) traitée(s), " + importees + " importée(s), " + deja
                + " déjà importée(s), " + rejetees + " rejetée(s) ; " + debit(lues, debut);
    }

    private static String debit(long lues, long debut) {
        double secondes = Math.max(1e-3, (System.nanoTime() - debut) / 1e9);
        return String.format(Locale.ROOT, "%.0f lignes/s", lues / secondes);
    }

    private LecteurExtrait lecteur(Path chemin, String format, String encodage) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(chemin), 1 << 16);
        if ("XML".equals(format)) {
            return new LecteurXml(in);
        }
        InputStream sansBom = BOMInputStream.builder().setInputStream(in).get();
        Reader reader = new InputStreamReader(sansBom, charset(encodage).newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        return new LecteurCsv(reader);
    }

    private static String bail(long importId) {
        return "import:" + importId;
    }

    @Override
    public java.util.Optional<String[]> correspondance(String numero, Contexte contexte) {
        java.util.Optional<String[]> c = store.correspondance(numero == null ? "" : numero.strip());
        // the numéro unique starts with its territory: outside the caller's, as unknown
        return c.filter(x -> contexte.identite().a(Role.ADMIN) || contexte.identite().couvre(x[0].substring(0, 3)));
    }

    /**
     * The extract's real path (links followed), which must lie in the import folder; a relative path is taken there.
     */
    Path confiner(Path fichier) {
        try {
            Files.createDirectories(racine);
            Path reelleRacine = racine.toRealPath();
            Path cible = fichier.isAbsolute() ? fichier : racine.resolve(fichier);
            if (!Files.isRegularFile(cible) || !Files.isReadable(cible)) {
                throw new IllegalArgumentException("Fichier introuvable ou illisible : " + cible.normalize());
            }
            Path reelle = cible.toRealPath();
            if (!reelle.startsWith(reelleRacine)) {
                throw new IllegalArgumentException("Fichier hors du dossier d'import " + racine + " : déposez"
                        + " l'extrait dans ce dossier (import.repertoire) puis importez-le par son nom.");
            }
            return reelle;
        } catch (IOException e) {
            throw new IllegalArgumentException("Fichier introuvable ou illisible : " + fichier + " (" + e.getMessage()
                    + ")");
        }
    }

    @Override
    public List<TravailImport> travaux(int max) {
        return store.travaux(max);
    }

    @Override
    public Path rapportRejets(long importId, Contexte contexte) {
        TravailImport t = store.travail(importId).orElseThrow(() -> new IllegalArgumentException(
                "Import " + importId + " inconnu"));
        if (!contexte.identite().a(Role.ADMIN) && !contexte.acteur().equals(t.lancePar())) {
            throw new org.registrehub.api.AccesRefuseException("Accès refusé : le rapport des rejets de l'import "
                    + importId + " est à qui l'a lancé et aux administrateurs.");
        }
        return ecrireRapport(importId, t);
    }

    private Path ecrireRapport(long importId, TravailImport t) {
        try {
            Files.createDirectories(rapports);
            String nom = Path.of(t.fichier()).getFileName().toString();
            Path rapport = rapports.resolve("import-" + importId + "-" + nom + ".rejets.csv");
            Path temporaire = rapports.resolve(rapport.getFileName() + ".tmp");
            Files.deleteIfExists(temporaire);
            Fichiers.creerPrive(temporaire);
            try (Writer w = Files.newBufferedWriter(temporaire, StandardCharsets.UTF_8);
                 CSVPrinter p = CSVFormat.DEFAULT.builder().setDelimiter(';')
                         .setHeader("ligne", "ancien_numero", "champ", "motif").get().print(w)) {
                for (LigneRejetee r : store.rejets(importId)) {
                    p.printRecord(r.ligne(), Fichiers.cellule(r.ancienNumero()), Fichiers.cellule(r.champ()),
                            Fichiers.cellule(r.motif()));
                }
            }
            Files.move(temporaire, rapport, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return rapport;
        } catch (IOException e) {
            throw new UncheckedIOException("rapport des rejets impossible à écrire dans " + rapports, e);
        }
    }

    /**
     * Resumes the imports a stop of the hub interrupted, whose extract is still there, each under the identity that
     * started it as it is now (roles, territories); an import whose user is gone or disabled is not resumed.
     *
     * @param depot the drop folder's own identity, for the extracts dropped there
     */
    @Override
    public void reprendre(Contexte depot) {
        reprendre(depot, texte -> { });
    }

    void reprendre(Contexte depot, Consumer<String> progression) {
        try {
            for (TravailImport t : store.interrompus()) {
                if (enCours.contains(t.empreinte()) || !baux.prendre(bail(t.id()), noeud, DUREE_BAIL)) {
                    continue;
                }
                Path chemin = Path.of(t.fichier());
                if (!Files.isRegularFile(chemin)) {
                    store.terminer(t.id(), TravailImport.ECHEC, "extrait disparu avant la fin de l'import : "
                            + chemin);
                    baux.rendre(bail(t.id()), noeud);
                    continue;
                }
                Optional<Contexte> contexte = contexteDe(t, depot);
                if (contexte.isEmpty()) {
                    String raison = "reprise impossible : le compte « " + t.lancePar() + " » qui a lancé l'import"
                            + " n'existe plus ou est désactivé ; relancez l'import avec un compte actif";
                    store.terminer(t.id(), TravailImport.ECHEC, raison);
                    baux.rendre(bail(t.id()), noeud);
                    LOG.warn("Import {} de {} : {}", t.id(), chemin, raison);
                    progression.accept("Import " + t.id() + " en échec : " + raison);
                    continue;
                }
                LOG.info("Reprise de l'import {} de {} (interrompu après la ligne {}) sous l'identité de {}", t.id(),
                        chemin, t.position(), contexte.get().acteur());
                TravailImport fin = importer(chemin, "XML".equals(t.format()) ? null : t.encodage(), false,
                        contexte.get(), progression);
                ranger(chemin, fin);
            }
        } catch (RegistreIndisponibleException e) {
            LOG.warn("Reprise des imports interrompus remise à plus tard : {}", e.getMessage());
        }
    }

    /** The identity an interrupted import resumes under: whoever started it, with its rights as they are now. */
    private Optional<Contexte> contexteDe(TravailImport t, Contexte depot) {
        if (t.lancePar() == null || t.lancePar().equals(depot.acteur())) {
            // imports from before the column existed were the drop folder's or an administrator's
            return Optional.of(depot);
        }
        Canal canal = t.canal() == null ? Canal.CONSOLE : Canal.valueOf(t.canal());
        return identites.identite(t.lancePar()).map(i -> new Contexte(i, canal));
    }

    /**
     * An extract of the drop directory being imported sits in its {@code .encours} folder: once its import is over
     * it goes to {@code traites} (or {@code erreurs} if it failed), as the route does.
     */
    static void ranger(Path chemin, TravailImport fin) {
        Path dossier = chemin.getParent();
        if (dossier == null || !".encours".equals(String.valueOf(dossier.getFileName()))) {
            return;
        }
        Path cible = dossier.getParent().getParent().resolve(TravailImport.TERMINE.equals(fin.etat()) ? "traites"
                : "erreurs");
        try {
            Files.createDirectories(cible);
            Files.move(chemin, cible.resolve(java.time.LocalDateTime.now().format(
                    java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + chemin.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("Extrait {} non rangé : {}", chemin, e.getMessage());
        }
    }

    /** The encoding an XML extract declares (UTF-8 without a declaration). */
    static String encodageXml(Path chemin) {
        try (LecteurXml l = new LecteurXml(new BufferedInputStream(Files.newInputStream(chemin)))) {
            return l.encodage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String format(Path chemin) {
        String nom = chemin.getFileName().toString().toLowerCase(Locale.ROOT);
        if (nom.endsWith(".xml")) {
            return "XML";
        }
        if (nom.endsWith(".csv") || nom.endsWith(".txt")) {
            return "CSV";
        }
        throw new IllegalArgumentException("Format inconnu pour " + chemin.getFileName() + " : extension .csv, .txt"
                + " ou .xml attendue");
    }

    private static long taille(Path chemin) {
        try {
            return Files.size(chemin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String empreinte(Path chemin) {
        try (InputStream in = Files.newInputStream(chemin)) {
            return DigestUtils.sha256Hex(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Charset charset(String nom) {
        String n = nom.strip().toUpperCase(Locale.ROOT).replace('_', '-');
        if (n.equals("LATIN-1") || n.equals("LATIN1") || n.equals("ISO-8859-15")) {
            n = n.equals("ISO-8859-15") ? n : "ISO-8859-1";
        }
        try {
            Charset c = Charset.forName(n);
            if (!c.equals(StandardCharsets.UTF_8) && !c.equals(StandardCharsets.ISO_8859_1)
                    && !c.name().equals("ISO-8859-15") && !c.name().equals("windows-1252")) {
                throw new IllegalArgumentException("Encodage " + nom + " non pris en charge (UTF-8, ISO-8859-1,"
                        + " ISO-8859-15, windows-1252)");
            }
            return c;
        } catch (java.nio.charset.IllegalCharsetNameException | java.nio.charset.UnsupportedCharsetException e) {
            throw new IllegalArgumentException("Encodage inconnu : " + nom, e);
        }
    }

    /** UTF-8 if the whole file decodes as UTF-8 (a BOM says so at once), Latin-1 otherwise. */
    static String detecter(Path chemin) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(chemin)) {
            byte[] tampon = new byte[1 << 16];
            ByteBuffer octets = ByteBuffer.allocate((1 << 16) + 8);
            CharBuffer caracteres = CharBuffer.allocate(1 << 16);
            int n;
            while ((n = in.read(tampon)) > 0) {
                octets.put(tampon, 0, n);
                octets.flip();
                var r = utf8.decode(octets, caracteres, false);
                if (r.isError()) {
                    return StandardCharsets.ISO_8859_1.name();
                }
                octets.compact();
                caracteres.clear();
            }
            octets.flip();
            var r = utf8.decode(octets, caracteres, true);
            return r.isError() ? StandardCharsets.ISO_8859_1.name() : StandardCharsets.UTF_8.name();
        } catch (CharacterCodingException e) {
            return StandardCharsets.ISO_8859_1.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
