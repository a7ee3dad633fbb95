package org.registrehub.attribution.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.registrehub.api.attribution.Commission;
import org.registrehub.api.attribution.FicheCandidat;
import org.registrehub.api.attribution.LogementOffert;
import org.registrehub.api.attribution.PointOrdreDuJour;

/**
 * The capability's documents (Apache PDFBox, A4): the commission's agenda — every dwelling and its ranked candidates,
 * one line each —, the candidates' sheets, one page per candidate, with what the members weigh: household, resources,
 * effort rate for the dwelling, cotation, ancienneté, priority categories; and the day's letters to applicants.
 */
final class PdfCommission {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    private static final float MARGE = 50;
    private static final float HAUT = PDRectangle.A4.getHeight() - MARGE;
    private static final PDFont NORMAL = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDFont GRAS = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private PdfCommission() {
    }

    static byte[] ordreDuJour(Commission c) {
        return document("Ordre du jour de la commission " + c.id(), doc -> {
            Page p = new Page(doc);
            entete(p, c);
            p.ligne(GRAS, 13, "Ordre du jour");
            for (PointOrdreDuJour point : c.ordreDuJour()) {
                LogementOffert l = point.logement();
                p.espace(8);
                p.ligne(GRAS, 11, point.ordre() + ". Logement " + l.identifiantRpls() + " — " + l.typologie() + ", "
                        + l.surface().toPlainString() + " m², " + l.adresse() + " (" + l.commune() + ")");
                p.ligne(NORMAL, 10, "   " + l.financement() + ", loyer " + l.loyer().toPlainString() + " € + charges "
                        + l.charges().toPlainString() + " €, réservataire " + l.reservataire().type() + " "
                        + l.reservataire().organisation() + ", disponible le " + DATE.format(l.dateDisponibilite()));
                if (point.motifMoinsDeTrois() != null) {
                    p.ligne(NORMAL, 10, "   Moins de trois candidats : " + point.motifMoinsDeTrois());
                }
                for (FicheCandidat f : point.candidats()) {
                    p.ligne(NORMAL, 10, "   Rang " + f.rang() + " : " + f.numeroUnique() + " — " + f.nom() + ", "
                            + f.composition() + ", effort " + (f.tauxEffort() == null ? "-" : f.tauxEffort()
                            .toPlainString() + " %") + ", " + f.points() + " point(s)" + (f.decision() == null ? ""
                            : " — décision : " + f.decision()));
                }
            }
            p.fermer();
        });
    }

    static byte[] fiches(Commission c) {
        return document("Fiches des candidats de la commission " + c.id(), doc -> {
            for (PointOrdreDuJour point : c.ordreDuJour()) {
                for (FicheCandidat f : point.candidats()) {
                    Page p = new Page(doc);
                    entete(p, c);
                    LogementOffert l = point.logement();
                    p.ligne(GRAS, 13, "Fiche du candidat de rang " + f.rang());
                    p.ligne(NORMAL, 10, "Logement " + l.identifiantRpls() + " : " + l.typologie() + " à " + l.commune()
                            + ", " + l.financement() + ", loyer + charges " + l.depenseMensuelle().toPlainString()
                            + " €");
                    p.espace(8);
                    p.champ("Demande", f.numeroUnique());
                    p.champ("Demandeur", f.nom());
                    p.champ("Ménage", f.composition() + " (" + f.tailleMenage() + " personne(s))");
                    p.champ("Ressources mensuelles", f.ressourcesMensuelles().toPlainString() + " €");
                    p.champ("Revenu fiscal de référence N-2", f.revenuFiscal() == null ? "non déclaré"
                            : f.revenuFiscal() + " €");
                    p.champ("Taux d'effort pour ce logement", f.tauxEffort() == null ? "incalculable (aucune"
                            + " ressource déclarée)" : f.tauxEffort().toPlainString() + " %");
                    p.champ("Cotation", f.points() + " point(s)");
                    p.champ("Ancienneté", "déposée le " + DATE.format(f.dateDepot()) + " (" + f.ancienneteMois()
                            + " mois)");
                    p.champ("Catégories prioritaires", f.priorites().isEmpty() ? "aucune" : String.join(", ",
                            f.priorites()));
                    p.champ("Reconnu DALO", f.dalo() ? "oui" : "non");
                    p.espace(14);
                    p.ligne(GRAS, 11, "Décision de la commission");
                    p.ligne(NORMAL, 10, f.decision() == null ? "[ ] attribution   [ ] attribution par classement   "
                            + "[ ] sous condition   [ ] non-attribution   [ ] irrecevabilité"
                            : f.decision() + (f.motif() == null ? "" : " — " + f.motif()));
                    p.fermer();
                }
            }
        });
    }

    /** A letter to an applicant: the address block, the subject, the paragraphs. */
    record Lettre(List<String> destinataire, String objet, List<String> paragraphes) {
    }

    /** The day's batch of letters, one page (or more) per letter, ready to print and post. */
    static byte[] lettres(String titre, String expediteur, java.time.LocalDate jour, List<Lettre> lettres) {
        return document(titre, doc -> {
            for (Lettre l : lettres) {
                Page p = new Page(doc);
                p.ligne(GRAS, 10, expediteur);
                p.espace(24);
                for (String ligne : l.destinataire()) {
                    p.ligne(NORMAL, 11, "                                                                          "
                            + ligne);
                }
                p.espace(24);
                p.ligne(NORMAL, 10, "Le " + DATE.format(jour));
                p.espace(12);
                p.ligne(GRAS, 11, "Objet : " + l.objet());
                for (String paragraphe : l.paragraphes()) {
                    p.espace(8);
                    p.ligne(NORMAL, 10, paragraphe);
                }
                p.fermer();
            }
        });
    }

    private static void entete(Page p, Commission c) throws IOException {
        p.ligne(GRAS, 10, "COMMISSION D'ATTRIBUTION DES LOGEMENTS — " + c.bailleur());
        p.ligne(NORMAL, 10, "Séance n° " + c.id() + " du " + DATE.format(c.date()) + (c.lieu() == null ? ""
                : ", " + c.lieu()) + " — document confidentiel, réservé aux membres");
        p.espace(12);
    }

    private interface Contenu {
        void ecrire(PDDocument document) throws IOException;
    }

    private static byte[] document(String titre, Contenu contenu) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream sortie = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle(titre);
            document.getDocumentInformation().setCreator("Registre Hub");
            contenu.ecrire(document);
            if (document.getNumberOfPages() == 0) {
                Page p = new Page(document);
                p.ligne(NORMAL, 11, "Aucun candidat à l'ordre du jour.");
                p.fermer();
            }
            document.save(sortie);
            return sortie.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(titre + " : document impossible à produire", e);
        }
    }

    /** A page written top-down; a line that does not fit starts a new page. */
    private static final class Page {
        private final PDDocument document;
        private PDPageContentStream contenu;
        private float y;

        Page(PDDocument document) throws IOException {
            this.document = document;
            nouvelle();
        }

        private void nouvelle() throws IOException {
            if (contenu != null) {
                contenu.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            contenu = new PDPageContentStream(document, page);
            y = HAUT;
        }

        void espace(float hauteur) {
            y -= hauteur;
        }

        void ligne(PDFont police, float taille, String texte) throws IOException {
            for (String morceau : couper(police, taille, lisible(police, texte))) {
                if (y - taille * 1.4f < MARGE) {
                    nouvelle();
                }
                y -= taille * 1.4f;
                contenu.beginText();
                contenu.setFont(police, taille);
                contenu.newLineAtOffset(MARGE, y);
                contenu.showText(morceau);
                contenu.endText();
            }
        }

        void champ(String libelle, String valeur) throws IOException {
            ligne(NORMAL, 11, libelle + " : " + valeur);
        }

        void fermer() throws IOException {
            contenu.close();
        }

        /** A character the standard font cannot show (a name in another script) is printed as '?'. */
        private static String lisible(PDFont police, String texte) {
            StringBuilder s = new StringBuilder(texte.length());
            texte.codePoints().forEach(c -> {
                String caractere = new String(Character.toChars(c));
                try {
                    police.encode(caractere);
                    s.append(caractere);
                } catch (IOException | IllegalArgumentException e) {
                    s.append('?');
                }
            });
            return s.toString();
        }

        private static List<String> couper(PDFont police, float taille, String texte) throws IOException {
            float largeur = PDRectangle.A4.getWidth() - 2 * MARGE;
            List<String> lignes = new ArrayList<>();
            String reste = texte;
            while (police.getStringWidth(reste) / 1000 * taille > largeur) {
                int coupure = reste.lastIndexOf(' ');
                while (coupure > 0 && police.getStringWidth(reste.substring(0, coupure)) / 1000 * taille > largeur) {
                    coupure = reste.lastIndexOf(' ', coupure - 1);
                }
                if (coupure <= 0) {
                    break;
                }
                lignes.add(reste.substring(0, coupure));
                reste = "      " + reste.substring(coupure + 1);
            }
            lignes.add(reste);
            return lignes;
        }
    }
}
