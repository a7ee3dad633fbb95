package org.registrehub.attestation.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.Test;
import org.registrehub.api.Attribution;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.Radiation;
import org.registrehub.api.RegistreException;
import org.registrehub.api.Statut;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.Identites;
import org.registrehub.testing.RegistreServicePartiel;

/** The PDF is read back with PDFBox's own text extraction: what a reader of the attestation sees. */
public class AttestationPdfTest {

    private static final Contexte LECTEUR = Identites.contexte(Identites.bailleur44(), Canal.REST);

    private static final Clock EMISSION = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneId.of("Europe/Paris"));

    private static Demande demande(Statut statut) {
        return new Demande("0441126000001G1104", statut, "G1104", "044", LocalDate.of(2026, 11, 23),
                LocalDate.of(2027, 11, 23), statut == Statut.RADIEE ? null : LocalDate.of(2026, 11, 23),
                statut == Statut.RADIEE ? new Radiation(MotifRadiation.ATTRIBUTION, LocalDate.of(2026, 12, 1),
                        new Attribution("B", "R1", "E", false), null, null) : null, 2, Exemples.dossier("Le Goff"));
    }

    private static AttestationPdf attestations(Demande d) {
        return new AttestationPdf(new RegistreServicePartiel() {
            @Override
            public Optional<Demande> consulter(String numeroUnique, Contexte contexte) {
                return numeroUnique.equals(d.numeroUnique()) ? Optional.of(d) : Optional.empty();
            }
        }, territoire -> territoire.equals("044") ? List.of("G1104", "G4401", "G4402") : List.of(),
                "DDTM de Loire-Atlantique", EMISSION);
    }

    @Test
    public void theAttestationSaysWhatTheLawAsksFor() throws IOException {
        byte[] pdf = attestations(demande(Statut.ACTIVE)).attestation("0441126000001G1104", LECTEUR);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/attestation-exemple.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            assertEquals("Attestation d'enregistrement 0441126000001G1104",
                    document.getDocumentInformation().getTitle());
            String texte = new PDFTextStripper().getText(document);
            for (String attendu : List.of("DDTM DE LOIRE-ATLANTIQUE", "044 11 26 000001 G1104",
                    "Date de dépôt : 23 novembre 2026", "Valable jusqu'au : 23 novembre 2027",
                    "Dernier renouvellement : 23 novembre 2026", "LE GOFF Léa Marie, né(e) le 12 avril 1990",
                    "Guichets du territoire 044 : G1104, G4401, G4402", "Composition du ménage : 3 personne(s)",
                    "T3, T4 ; communes (INSEE) : 44109, 44162", "Attestation émise le 23 novembre 2026")) {
                assertTrue(attendu + " missing in:\n" + texte, texte.contains(attendu));
            }
        }
    }

    @Test
    public void unknownAndRadiatedDemandsHaveNoAttestation() {
        for (String numero : List.of("0441126000009G1104", "0441126000001G1104")) {
            try {
                attestations(demande(Statut.RADIEE)).attestation(numero, LECTEUR);
                fail();
            } catch (RegistreException e) {
                assertEquals(numero.endsWith("9G1104") ? "DEMANDE_INTROUVABLE" : "TRANSITION_INTERDITE", e.getCode());
            }
        }
    }

    @Test
    public void theNumberIsPrintedInItsGroups() {
        assertEquals("02A 01 24 000123 GDPUB", AttestationPdf.groupe("02A0124000123GDPUB"));
    }
}
