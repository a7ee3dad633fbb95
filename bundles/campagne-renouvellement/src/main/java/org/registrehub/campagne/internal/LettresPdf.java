package org.registrehub.campagne.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.registrehub.api.renouvellement.Avis;
import org.registrehub.api.renouvellement.spi.CampagneStore.DemandeDue;
import org.registrehub.api.renouvellement.spi.CampagneStore.Lettre;

/**
 * A print-ready PDF batch of letters: one A4 page per letter, the applicant's address where a window envelope (DL,
 * window on the right) shows it, the guichet as sender. Written to a temporary file then moved in place, so a batch
 * file is whole or absent; pages are kept on disk while the batch is built (batches of tens of thousands of letters).
 */
final class LettresPdf {

    private static final float MARGE = 56;
    private static final float LARGEUR = PDRectangle.A4.getWidth() - 2 * MARGE;

    private final PDFont normal = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont gras = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    /** By font, whether it can print a character. */
    private final Map<PDFont, Map<Integer, Boolean>> imprimables = new ConcurrentHashMap<>();

    /** What a letter says besides the addressee. */
    interface Texte {
        /** The title (bold) and paragraphs of a letter. */
        List<String> paragraphes(Avis avis, DemandeDue demande);

        String objet(Avis avis);

        /** A traceable letter carries its postal mention. */
        boolean recommande(Avis avis);
    }

    /**
     * Writes the batch of {@code lettres} to {@code fichier}.
     *
     * @return the number of pages written
     */
    int ecrire(Path fichier, String guichet, String nature, LocalDate jour, List<Lettre> lettres, Texte texte) {
        Path temporaire = fichier.resolveSibling(fichier.getFileName() + ".partiel");
        try {
            Files.createDirectories(fichier.getParent());
            try (PDDocument pdf = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
                PDDocumentInformation info = pdf.getDocumentInformation();
                info.setTitle("Lot de courriers " + nature + " du guichet " + guichet + " — "
                        + Formats.DATE.format(jour));
                info.setSubject(lettres.size() + " lettre(s)");
                info.setCreator("Registre Hub — campagne de renouvellement");
                for (Lettre l : lettres) {
                    page(pdf, guichet, jour, l, texte);
                }
                Files.deleteIfExists(temporaire);
                try {
                    // letters carry names and addresses: readable by the hub's account only
                    Files.createFile(temporaire, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(temporaire);
                }
                pdf.save(temporaire.toFile());
            }
            Files.move(temporaire, fichier, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return lettres.size();
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporaire);
            } catch (IOException ignoree) {
                e.addSuppressed(ignoree);
            }
            throw new UncheckedIOException("lot de courriers " + fichier + " non écrit : " + e.getMessage(), e);
        }
    }

    private void page(PDDocument pdf, String guichet, LocalDate jour, Lettre l, Texte texte) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        DemandeDue d = l.demande();
        try (PDPageContentStream c = new PDPageContentStream(pdf, page)) {
            float haut = PDRectangle.A4.getHeight();
            ligne(c, gras, 10, MARGE, haut - 60, "Guichet enregistreur " + guichet);
            ligne(c, normal, 9, MARGE, haut - 73, "Demande de logement social — registre départemental");
            if (texte.recommande(l.avis())) {
                ligne(c, gras, 10, MARGE, haut - 110, "LETTRE RECOMMANDÉE AVEC AVIS DE RÉCEPTION");
            }
            // the window of a DL envelope: right-hand side, about 5 cm from the top
            float x = 320;
            float y = haut - 150;
            for (String ligne : adresse(d)) {
                ligne(c, normal, 11, x, y, ligne);
                y -= 14;
            }
            y = haut - 260;
            ligne(c, normal, 10, MARGE, y, "Le " + Formats.DATE.format(jour));
            y -= 28;
            y = paragraphe(c, gras, 11, y, "Objet : " + texte.objet(l.avis()));
            y -= 8;
            for (String p : texte.paragraphes(l.avis(), d)) {
                y = paragraphe(c, normal, 11, y, p) - 6;
            }
            ligne(c, normal, 8, MARGE, 40, "Avis n° " + l.avis().id() + " — demande " + l.avis().numeroUnique());
        }
    }

    private static List<String> adresse(DemandeDue d) {
        List<String> lignes = new ArrayList<>();
        lignes.add(d == null || d.destinataire().isBlank() ? "Le demandeur" : d.destinataire());
        if (d == null || d.adresse() == null || d.adresse().isBlank()) {
            lignes.add("ADRESSE À COMPLÉTER PAR LE GUICHET");
        } else {
            lignes.add(d.adresse());
            lignes.add(((d.codePostal() == null ? "" : d.codePostal()) + " "
                    + (d.ville() == null ? "" : d.ville().toUpperCase(Locale.FRANCE))).strip());
        }
        return lignes;
    }

    private float paragraphe(PDPageContentStream c, PDFont police, float taille, float y, String texte)
            throws IOException {
        for (String ligne : couper(police, taille, imprimable(police, texte))) {
            ecrire(c, police, taille, MARGE, y, ligne);
            y -= taille * 1.4f;
        }
        return y;
    }

    private void ligne(PDPageContentStream c, PDFont police, float taille, float x, float y, String texte)
            throws IOException {
        ecrire(c, police, taille, x, y, imprimable(police, texte));
    }

    /** Writes a text already reduced to what the font can print. */
    private static void ecrire(PDPageContentStream c, PDFont police, float taille, float x, float y, String texte)
            throws IOException {
        c.beginText();
        c.setFont(police, taille);
        c.newLineAtOffset(x, y);
        c.showText(texte);
        c.endText();
    }

    /**
     * The standard fonts cover Latin-1 and a few more: any other character is printed as « ? ». What a font can print
     * is asked once per character and kept (a batch prints the same few dozen characters tens of thousands of times).
     */
    private String imprimable(PDFont police, String texte) {
        Map<Integer, Boolean> connus = imprimables.computeIfAbsent(police, p -> new ConcurrentHashMap<>());
        StringBuilder b = new StringBuilder(texte.length());
        texte.codePoints().forEach(cp -> {
            if (connus.computeIfAbsent(cp, c -> encodable(police, c))) {
                b.appendCodePoint(cp);
            } else {
                b.append('?');
            }
        });
        return b.toString();
    }

    private static boolean encodable(PDFont police, int cp) {
        try {
            police.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Cuts a paragraph into lines of the page's width, each word's width measured once. */
    private static List<String> couper(PDFont police, float taille, String texte) throws IOException {
        List<String> lignes = new ArrayList<>();
        StringBuilder courante = new StringBuilder();
        float espace = police.getStringWidth(" ") / 1000 * taille;
        float largeur = 0;
        for (String mot : texte.split(" ")) {
            float l = police.getStringWidth(mot) / 1000 * taille;
            if (!courante.isEmpty() && largeur + espace + l > LARGEUR) {
                lignes.add(courante.toString());
                courante.setLength(0);
                courante.append(mot);
                largeur = l;
            } else if (courante.isEmpty()) {
                courante.append(mot);
                largeur = l;
            } else {
                courante.append(' ').append(mot);
                largeur += espace + l;
            }
        }
        if (!courante.isEmpty()) {
            lignes.add(courante.toString());
        }
        return lignes;
    }
}
