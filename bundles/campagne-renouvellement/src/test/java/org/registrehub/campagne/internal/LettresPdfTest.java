package org.registrehub.campagne.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.registrehub.api.renouvellement.Avis;
import org.registrehub.api.renouvellement.spi.CampagneStore.DemandeDue;
import org.registrehub.api.renouvellement.spi.CampagneStore.Lettre;

/** A letter batch read back with PDFBox: the paragraphs cut to the page's width, unprintable characters replaced. */
public class LettresPdfTest {

    @Rule
    public TemporaryFolder dossier = new TemporaryFolder();

    private static final String PARAGRAPHE = "Votre demande de logement social est valable jusqu'au 7 janvier 2027."
            + " Pour la garder, avec son numéro et son ancienneté, renouvelez-la avant cette date auprès de tout"
            + " guichet enregistreur du département, ou par le lien reçu par courriel ; sans renouvellement, elle"
            + " sera radiée pour non-renouvellement.";

    private static Lettre lettre(long id, String destinataire) {
        Avis avis = new Avis(id, "044012700000" + id + "G4401", Avis.AVIS, Avis.COURRIER, "G4401",
                LocalDate.of(2027, 1, 7), "A_ENVOYER", null, null, null, null);
        DemandeDue d = new DemandeDue(avis.numeroUnique(), "044", "G4401", LocalDate.of(2026, 1, 7),
                avis.finValidite(), 1, destinataire, null, "3 rue Kervégan", "44000", "Nantes");
        return new Lettre(avis, d);
    }

    private static final LettresPdf.Texte TEXTE = new LettresPdf.Texte() {
        @Override
        public List<String> paragraphes(Avis avis, DemandeDue demande) {
            return List.of(PARAGRAPHE);
        }

        @Override
        public String objet(Avis avis) {
            return "renouvellement de votre demande n° " + avis.numeroUnique();
        }

        @Override
        public boolean recommande(Avis avis) {
            return false;
        }
    };

    @Test
    public void chaqueLettreUnePageAuxParagraphesCoupesSansPerdreUnMot() throws Exception {
        Path fichier = dossier.getRoot().toPath().resolve("lot.pdf");
        int pages = new LettresPdf().ecrire(fichier, "G4401", "avis", LocalDate.of(2026, 12, 7),
                List.of(lettre(1, "Łukasz Nguyễn"), lettre(2, "Élodie Œuvray")), TEXTE);
        assertEquals(2, pages);
        assertFalse(Files.exists(fichier.resolveSibling("lot.pdf.partiel")));
        try (PDDocument pdf = Loader.loadPDF(fichier.toFile())) {
            assertEquals(2, pdf.getNumberOfPages());
            PDFTextStripper t = new PDFTextStripper();
            t.setStartPage(1);
            t.setEndPage(1);
            String premiere = t.getText(pdf);
            // Helvetica prints Latin-1 and a few more (Œ): any other character is printed as « ? »
            assertTrue(premiere, premiere.contains("?ukasz Nguy?n"));
            List<String> lignes = premiere.lines().map(String::strip).toList();
            int debut = lignes.indexOf(lignes.stream().filter(l -> l.startsWith("Votre demande")).findFirst()
                    .orElseThrow());
            int fin = debut;
            while (!lignes.get(fin).endsWith("non-renouvellement.")) {
                fin++;
            }
            assertTrue("le paragraphe tient sur plusieurs lignes : " + lignes, fin - debut >= 2);
            assertEquals("chaque mot une fois, dans l'ordre", PARAGRAPHE, String.join(" ",
                    lignes.subList(debut, fin + 1)));
            lignes.subList(debut, fin + 1).forEach(l -> assertTrue(l, l.length() <= 110));
            t.setStartPage(2);
            t.setEndPage(2);
            assertTrue(t.getText(pdf).contains("Élodie Œuvray"));
        }
    }
}
