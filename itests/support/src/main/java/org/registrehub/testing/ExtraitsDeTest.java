package org.registrehub.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Generated departmental extracts (the CSV format of docs/departemental/format-extrait.md, Latin-1): one demand per
 * line, each of its own applicant (a first name per line), filed 40 days ago; one line in {@code uneInvalideSur}
 * has a wrong postcode (5 digits required), so that it must land in the rejects. Used by the crash test and the
 * import benchmark.
 */
public final class ExtraitsDeTest {

    public static final String ENTETE = "ancien_numero;date_depot;guichet;nom;prenoms;date_naissance;sexe;nationalite;"
            + "situation_professionnelle;situation_familiale;adresse;code_postal;ville;type_revenu;revenu_mensuel;"
            + "statut_logement;typologies;communes;motifs";

    private ExtraitsDeTest() {
    }

    public static void generer(Path fichier, String prefixe, int lignes, int uneInvalideSur) throws IOException {
        String depot = LocalDate.now().minusDays(40).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        try (BufferedWriter w = Files.newBufferedWriter(fichier, StandardCharsets.ISO_8859_1)) {
            w.write(ENTETE + "\r\n");
            StringBuilder prenom = new StringBuilder();
            for (int i = 1; i <= lignes; i++) {
                prenom.setLength(0);
                prenom.append("Élo");
                for (int n = i; n > 0; n /= 26) {
                    prenom.append((char) ('a' + n % 26));
                }
                w.write(prefixe + i + ";" + depot + ";G4401;Lefèvre;" + prenom + ";12/05/1984;F;française;CDI;"
                        + "célibataire;" + i + " rue de Strasbourg;" + (i % uneInvalideSur == 0 ? "4400" : "44000")
                        + ";Nantes;SAL;1500;locataire privé;T2|T3;44109;logement trop cher\r\n");
            }
        }
    }
}
