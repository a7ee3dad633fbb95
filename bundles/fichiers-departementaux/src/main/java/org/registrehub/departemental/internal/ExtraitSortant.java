package org.registrehub.departemental.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.registrehub.api.ExtraitsSortants;
import org.registrehub.api.planification.EcheanceQuotidienne;
import org.registrehub.api.departemental.spi.ExtraitStore;
import org.registrehub.api.departemental.spi.ExtraitStore.ChangementExtrait;
import org.registrehub.api.departemental.spi.ExtraitStore.Extrait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the outbound extracts: {@code changements-AAAAMMJJ-HHMMSS.csv} in the extracts folder, written to a
 * temporary name then renamed (a reader never sees half a file), in the configured encoding. Due once a day at
 * {@code heure}; the changes of the last minute wait for the next extract (a transaction still open then may commit
 * a change dated before its end).
 */
public class ExtraitSortant implements ExtraitsSortants {

    private static final Logger LOG = LoggerFactory.getLogger(ExtraitSortant.class);
    private static final Duration MARGE = Duration.ofMinutes(1);
    private static final DateTimeFormatter NOM = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ExtraitStore store;
    private final Path repertoire;
    private final Charset encodage;
    /** The day's extract is due at its hour ({@code extrait.heure}, {@code extrait.zone}). */
    private final EcheanceQuotidienne echeance;
    private final Clock clock;

    public ExtraitSortant(ExtraitStore store, String repertoire, String encodage, String heure, String zone) {
        this(store, Path.of(repertoire), ImportExtraitsImpl.charset(encodage), LocalTime.parse(heure),
                ZoneId.of(zone), Clock.systemUTC());
    }

    ExtraitSortant(ExtraitStore store, Path repertoire, Charset encodage, LocalTime heure, ZoneId zone, Clock clock) {
        this.store = store;
        this.repertoire = repertoire;
        this.encodage = encodage;
        this.echeance = new EcheanceQuotidienne(heure, zone);
        this.clock = clock;
    }

    /** The timer's tick: produces the day's extract once its hour has come. */
    @Override
    public void produireSiEchu() {
        Instant maintenant = clock.instant();
        if (!echeance.heureVenue(maintenant)) {
            return;
        }
        // an extract covers the changes up to a minute before it was made: the day's covers up to its hour at least
        Instant couvert = store.dernier().map(e -> e.jusqua().plus(MARGE)).orElse(null);
        if (echeance.aFaire(maintenant, couvert, null)) {
            produire();
        }
    }

    @Override
    public String produire() {
        Instant jusqua = clock.instant().minus(MARGE);
        Optional<Extrait> e = store.extraire(jusqua, this::ecrire);
        if (e.isEmpty()) {
            return "Aucun extrait produit : un autre nœud du hub le produit, ou le dernier va déjà jusqu'au "
                    + jusqua;
        }
        String texte = "Extrait des changements du " + e.get().depuis() + " au " + e.get().jusqua() + " : "
                + e.get().lignes() + " ligne(s) dans " + e.get().fichier();
        LOG.info(texte);
        return texte;
    }

    private String ecrire(Instant depuis, Instant jusqua, Iterator<ChangementExtrait> changements) {
        try {
            Files.createDirectories(repertoire);
            Path fichier = repertoire.resolve("changements-" + NOM.format(jusqua.atZone(echeance.zone())) + ".csv");
            Path temporaire = repertoire.resolve("." + fichier.getFileName() + ".tmp");
            Files.deleteIfExists(temporaire);
            Fichiers.creerPrive(temporaire);
            try (Writer w = Files.newBufferedWriter(temporaire, encodage);
                 CSVPrinter p = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader("numero_unique",
                         "ancien_numero", "operation", "horodatage", "canal", "statut", "guichet", "date_depot",
                         "date_validite", "motif_radiation", "date_radiation").get().print(w)) {
                while (changements.hasNext()) {
                    ChangementExtrait c = changements.next();
                    p.printRecord(c.numeroUnique(), Fichiers.cellule(c.ancienNumero()), c.operation(), c.horodatage(),
                            c.canal(),
                            c.statut(), c.guichet(), c.dateDepot(), c.dateValidite(), c.motifRadiation(),
                            c.dateRadiation());
                }
            }
            Files.move(temporaire, fichier, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return fichier.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("extrait impossible à écrire dans " + repertoire, e);
        }
    }
}
