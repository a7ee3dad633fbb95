package org.registrehub.acces.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.RegistreException;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.acces.spi.IdentiteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No default credentials: at the first start (no active administrator in the database), creates the organisation
 * {@code HUB} and the administrator with a random password, written to a file only its owner can read, and says
 * where in the log. Waits for the database if it is not there yet. Several nodes starting together create one
 * administrator: the second insert finds the login taken and writes nothing.
 */
@Component(immediate = true, configurationPid = "org.registrehub.acces")
public class AdministrateurInitial {

    private static final Logger LOG = LoggerFactory.getLogger(AdministrateurInitial.class);
    static final String ORGANISATION = "HUB";

    private final IdentiteStore store;
    private final MotsDePasse motsDePasse;
    private final String identifiant;
    private final Path fichier;
    private final ScheduledExecutorService planificateur = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "registre-administrateur-initial");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public AdministrateurInitial(@Reference IdentiteStore store, SecuriteConfig config) {
        this(store, new MotsDePasse(config.bcrypt_cout()), config.admin_identifiant(), fichier(config));
        planificateur.execute(this::essayer);
    }

    AdministrateurInitial(IdentiteStore store, MotsDePasse motsDePasse, String identifiant, Path fichier) {
        this.store = store;
        this.motsDePasse = motsDePasse;
        this.identifiant = identifiant;
        this.fichier = fichier;
    }

    static Path fichier(SecuriteConfig config) {
        if (!config.admin_fichierSecret().isBlank()) {
            return Path.of(config.admin_fichierSecret());
        }
        return Path.of(System.getProperty("karaf.data", "data"), "registre", "admin.secret");
    }

    @Deactivate
    void arreter() {
        planificateur.shutdownNow();
    }

    private void essayer() {
        try {
            creerSiAbsent();
        } catch (RegistreException e) {
            LOG.info("Administrateur initial : base indisponible ({}), nouvel essai dans 5 s", e.getMessage());
            planificateur.schedule(this::essayer, 5, TimeUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            LOG.error("Administrateur initial non créé : {}", e.getMessage(), e);
        }
    }

    /** Creates the administrator when there is none; true when it did. */
    boolean creerSiAbsent() throws IOException {
        if (store.utilisateursActifs(Role.ADMIN) > 0) {
            return false;
        }
        store.creerOrganisation(new Organisation(ORGANISATION, TypeOrganisation.HUB, "Exploitant du hub", null, true,
                Set.of()), null); // a bootstrap, not a change by a user: logged below
        String motDePasse = MotsDePasse.aleatoire();
        if (!store.creerUtilisateur(identifiant, "Administrateur du hub", ORGANISATION, EnumSet.of(Role.ADMIN),
                motsDePasse.empreinte(motDePasse.toCharArray()), null)) {
            LOG.warn("Aucun administrateur actif, mais l'identifiant « {} » existe (désactivé ?) : réactivez-le ou créez"
                    + " un administrateur ; aucun mot de passe n'a été écrit.", identifiant);
            return false;
        }
        ecrire(motDePasse);
        LOG.warn("Premier démarrage : administrateur « {} » créé ; son mot de passe est dans {} (lisible par le seul"
                + " compte système du hub). Changez-le dès la première connexion puis supprimez ce fichier.", identifiant,
                fichier.toAbsolutePath());
        return true;
    }

    private void ecrire(String motDePasse) throws IOException {
        Files.createDirectories(fichier.toAbsolutePath().getParent());
        Files.deleteIfExists(fichier);
        try {
            Files.createFile(fichier, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(fichier); // not a POSIX file system
        }
        Files.writeString(fichier, "# Registre Hub : administrateur créé le " + Instant.now() + "\n"
                + "identifiant=" + identifiant + "\nmotDePasse=" + motDePasse + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    Path fichier() {
        return fichier;
    }
}
