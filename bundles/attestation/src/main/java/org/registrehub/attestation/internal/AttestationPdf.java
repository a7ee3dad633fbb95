package org.registrehub.attestation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.registrehub.api.AttestationService;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.Dossier;
import org.registrehub.api.Personne;
import org.registrehub.api.RegistreService;
import org.registrehub.api.Statut;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.registre.spi.DemandeStore;

/**
 * Writes the attestation d'enregistrement on one A4 page: the numéro unique, the filing date (ancienneté), the validity
 * and how to renew, the household and the wishes, the registering guichet and the guichets of the territory.
 */
@Component(service = AttestationService.class, configurationPid = "org.registrehub.attestation")
@Designate(ocd = AttestationConfig.class)
public class AttestationPdf implements AttestationService {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    private static final float MARGE = 56;
    private static final float LARGEUR = PDRectangle.A4.getWidth() - 2 * MARGE;

    private final RegistreService registre;
    private final Function<String, List<String>> guichets;
    private final String emetteur;
    private final Clock clock;

    @Activate
    public AttestationPdf(@Reference RegistreService registre, @Reference DemandeStore store,
                          AttestationConfig config) {
        this(registre, store::guichets, config.emetteur(), Clock.system(ZoneId.of(config.fuseau())));
    }

    /** @param guichets the guichets of a territory */
    AttestationPdf(RegistreService registre, Function<String, List<String>> guichets, String emetteur, Clock clock) {
        this.registre = registre;
        this.guichets = guichets;
        this.emetteur = emetteur;
        this.clock = clock;
    }

    @Override
    public byte[] attestation(String numeroUnique, Contexte contexte) {
        Demande d = registre.consulter(numeroUnique, contexte)
                .orElseThrow(() -> new DemandeIntrouvableException(numeroUnique));
        if (d.statut() == Statut.RADIEE) {
            throw new TransitionInterditeException("La demande " + d.numeroUnique() + " est radiée ("
                    + d.radiation().motif() + " le " + d.radiation().date() + ") : elle n'a plus d'attestation.");
        }
        return pdf(d, guichets.apply(d.territoire()), LocalDate.now(clock));
    }

    byte[] pdf(Demande d, List<String> guichets, LocalDate emission) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream sortie = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Attestation d'enregistrement " + d.numeroUnique());
            info.setAuthor(emetteur);
            info.setCreator("Registre Hub");
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream contenu = new PDPageContentStream(document, page)) {
                Ecriture e = new Ecriture(contenu, PDRectangle.A4.getHeight() - MARGE);
                e.ligne(gras(), 10, emetteur.toUpperCase(Locale.FRANCE));
                e.espace(18);
                e.paragraphe(gras(), 16, "Attestation d'enregistrement d'une demande de logement social");
                e.paragraphe(normal(), 9, "Article L. 441-2-1 du code de la construction et de l'habitation");
                e.espace(14);
                e.ligne(normal(), 11, "Numéro unique départemental");
                e.ligne(gras(), 20, groupe(d.numeroUnique()));
                e.espace(10);
                Dossier x = d.dossier();
                e.champ("Demandeur", personne(x.demandeur()));
                if (x.coDemandeur() != null) {
                    e.champ("Co-demandeur", personne(x.coDemandeur().personne()));
                }
                if (x.contact() != null) {
                    e.champ("Adresse", x.contact().adresse() + ", " + x.contact().codePostal() + " "
                            + x.contact().ville());
                }
                e.champ("Composition du ménage", x.tailleMenage() + " personne(s)");
                e.champ("Logement recherché", x.logementRecherche().typologies().stream().map(Enum::name)
                        .collect(Collectors.joining(", ")) + " ; communes (INSEE) : "
                        + String.join(", ", x.logementRecherche().communes()));
                e.espace(8);
                e.champ("Date de dépôt", DATE.format(d.dateDepot()) + " (ancienneté de la demande)");
                if (d.dateDernierRenouvellement() != null) {
                    e.champ("Dernier renouvellement", DATE.format(d.dateDernierRenouvellement()));
                }
                e.champ("Valable jusqu'au", DATE.format(d.dateValidite()));
                e.espace(8);
                e.paragraphe(normal(), 10, "Votre demande doit être renouvelée chaque année avant sa date de fin de "
                        + "validité ; un avis vous sera adressé au moins un mois avant. Sans renouvellement, elle est "
                        + "radiée. Le renouvellement conserve votre numéro unique et la date de dépôt.");
                e.paragraphe(normal(), 10, "Ce numéro unique vous identifie auprès de tous les bailleurs sociaux et "
                        + "guichets du département : indiquez-le à chaque démarche. Signalez tout changement de "
                        + "situation (ménage, ressources, adresse) à un guichet enregistreur.");
                e.espace(8);
                e.champ("Guichet enregistreur", d.guichet());
                e.champ("Guichets du territoire " + d.territoire(), guichets.isEmpty() ? d.guichet()
                        : String.join(", ", guichets));
                e.espace(14);
                e.ligne(normal(), 9, "Attestation émise le " + DATE.format(emission) + " par Registre Hub.");
            }
            document.save(sortie);
            return sortie.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Attestation de " + d.numeroUnique() + " impossible à produire", e);
        }
    }

    /**
     * The letter that tells an applicant their demand is radiated, and why (CCH R441-2-8): one A4 page, the address
     * in the window of the envelope.
     */
    byte[] lettreRadiation(Demande d, LocalDate emission) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream sortie = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle("Radiation de la demande " + d.numeroUnique());
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream contenu = new PDPageContentStream(document, page)) {
                Ecriture e = new Ecriture(contenu, PDRectangle.A4.getHeight() - MARGE);
                e.ligne(gras(), 10, emetteur.toUpperCase(Locale.FRANCE));
                e.espace(40);
                for (String ligne : TextesAvis.adresse(d)) {
                    e.ligne(normal(), 11, ligne);
                }
                e.espace(30);
                e.ligne(normal(), 10, "Le " + DATE.format(emission));
                e.espace(10);
                e.paragraphe(gras(), 12, TextesAvis.objetRadiation(d));
                for (String paragraphe : TextesAvis.radiation(d)) {
                    e.paragraphe(normal(), 11, paragraphe);
                }
            }
            document.save(sortie);
            return sortie.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Lettre de radiation de " + d.numeroUnique() + " impossible à produire", e);
        }
    }

    /** {@code 0441126000001G1104} as printed: {@code 044 11 26 000001 G1104}. */
    static String groupe(String numero) {
        return numero.substring(0, 3) + " " + numero.substring(3, 5) + " " + numero.substring(5, 7) + " "
                + numero.substring(7, 13) + " " + numero.substring(13);
    }

    private static String personne(Personne p) {
        return p.nom().toUpperCase(Locale.FRANCE) + " " + p.prenoms() + ", né(e) le " + DATE.format(p.dateNaissance());
    }

    private static PDFont normal() {
        return new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    }

    private static PDFont gras() {
        return new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    }

    /** Writes lines top-down, wrapping paragraphs to the page width. */
    private static final class Ecriture {
        private final PDPageContentStream contenu;
        private float y;

        Ecriture(PDPageContentStream contenu, float y) {
            this.contenu = contenu;
            this.y = y;
        }

        void espace(float hauteur) {
            y -= hauteur;
        }

        void ligne(PDFont police, float taille, String texte) throws IOException {
            y -= taille * 1.35f;
            contenu.beginText();
            contenu.setFont(police, taille);
            contenu.newLineAtOffset(MARGE, y);
            contenu.showText(texte);
            contenu.endText();
        }

        void paragraphe(PDFont police, float taille, String texte) throws IOException {
            for (String ligne : couper(police, taille, texte)) {
                ligne(police, taille, ligne);
            }
            y -= taille * 0.4f;
        }

        void champ(String libelle, String valeur) throws IOException {
            paragraphe(normal(), 11, libelle + " : " + valeur);
        }

        private static List<String> couper(PDFont police, float taille, String texte) throws IOException {
            List<String> lignes = new ArrayList<>();
            StringBuilder courante = new StringBuilder();
            for (String mot : texte.split(" ")) {
                String essai = courante.length() == 0 ? mot : courante + " " + mot;
                if (police.getStringWidth(essai) / 1000 * taille > LARGEUR && courante.length() > 0) {
                    lignes.add(courante.toString());
                    courante = new StringBuilder(mot);
                } else {
                    courante = new StringBuilder(essai);
                }
            }
            if (courante.length() > 0) {
                lignes.add(courante.toString());
            }
            return lignes;
        }
    }
}
