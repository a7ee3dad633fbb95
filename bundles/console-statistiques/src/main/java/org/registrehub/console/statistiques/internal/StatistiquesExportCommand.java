package org.registrehub.console.statistiques.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.statistiques.Dimension;
import org.registrehub.api.statistiques.DimensionAttribution;
import org.registrehub.api.statistiques.FormatExport;
import org.registrehub.api.statistiques.Granularite;
import org.registrehub.api.statistiques.RapportStatistiques;
import org.registrehub.api.statistiques.TableauDemande;
import org.registrehub.console.commun.Fonctionnalites;
import org.registrehub.console.commun.Sessions;
import org.registrehub.console.commun.Dates;

/**
 * {@code registre:statistiques-exporter FICHIER}: a statistics table (or the whole report) written to a file whose extension
 * gives the format: {@code .csv}, {@code .xlsx}, {@code .svg}, {@code .png} (the table's chart) or {@code .html}
 * (the report page). Without {@code --du}/{@code --au}: the twelve months up to today.
 */
@Service
@Command(scope = "registre", name = "statistiques-exporter", description = "Écrit un tableau statistique (ou le rapport"
        + " complet) dans un fichier : .csv, .xlsx, .svg ou .png (graphique), .html (rapport)")
public class StatistiquesExportCommand extends PeriodeStatistique {

    @Reference(optional = true)
    RapportStatistiques rapport;

    @Argument(index = 0, name = "fichier", required = true, description = "Nom du fichier à écrire dans le dossier"
            + " des exports (export.repertoire ; l'extension donne le"
            + " format)")
    String fichier;

    @Option(name = "--tableau", aliases = "-t", description = "flux (par défaut), repartition, delais, satisfaction,"
            + " attributions (demandes satisfaites), pression (par commune), accords (accords collectifs de l'année"
            + " de --au), series, qualite ou rapport (tous, en .xlsx ou .html)")
    String tableau = "flux";

    @Option(name = "--dimension", aliases = "-d", description = "Pour repartition : TYPOLOGIE (par défaut),"
            + " TAILLE_MENAGE, COMPOSITION, AGE, REVENU_PLAFOND, MUTATION, ANCIENNETE ; pour attributions :"
            + " TYPOLOGIE (par défaut), COMPOSITION, REVENU_PLAFOND, MUTATION, PRIORITE, DELAI, RESERVATAIRE, BAILLEUR")
    String dimension;

    @Option(name = "--departement", description = "Pour series : un département (044), sinon tous")
    String departement;

    @Option(name = "--diffusion", description = "Le fichier sort du cercle des gestionnaires et observateurs (publié,"
            + " envoyé à un partenaire) : les effectifs sous le seuil du secret statistique sont masqués")
    boolean diffusion;

    @Override
    public Object execute() throws IOException {
        Fonctionnalites.exiger(rapport, "L'Infocentre", "registre-statistiques");
        String nom = fichier.strip();
        String extension = nom.contains(".") ? nom.substring(nom.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        LocalDate debut = du == null ? null : Dates.option("--du", du);
        LocalDate fin = au == null ? null : Dates.option("--au", au);
        Granularite g = granularite();
        boolean satisfaites = "attributions".equals(tableau);
        Dimension d = satisfaites ? null : valeur("--dimension", dimension, Dimension.class);
        DimensionAttribution da = satisfaites ? valeur("--dimension", dimension, DimensionAttribution.class) : null;
        Path cible;
        if (extension.equals("html")) {
            if (diffusion) {
                throw new DemandeInvalideException(List.of(new ErreurChamp("--diffusion", "format", nom,
                        "un tableau à diffuser s'exporte en .csv, .xlsx, .svg ou .png (le rapport entier : "
                                + "--tableau rapport en .xlsx)")));
            }
            cible = rapport.deposer(nom, rapport.rapportHtml(debut, fin, g, null, Sessions.contexte())
                    .getBytes(StandardCharsets.UTF_8), Sessions.contexte());
        } else {
            FormatExport format = valeur("fichier", extension, FormatExport.class);
            if (format == null) {
                throw new DemandeInvalideException(List.of(new ErreurChamp("fichier", "extension", nom,
                        ".csv, .xlsx, .svg, .png ou .html")));
            }
            // streamed into the file as it is encoded
            cible = rapport.deposer(nom, rapport.preparer(new TableauDemande(tableau, debut, fin, g, d, departement,
                    diffusion, da), format, Sessions.contexte()), Sessions.contexte());
        }
        System.out.println("Écrit : " + cible + " (" + java.nio.file.Files.size(cible) + " octets)");
        return null;
    }
}
