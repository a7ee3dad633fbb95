package org.registrehub.dossier.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.registrehub.api.dossier.PieceRefuseeException;

/**
 * What a file must be to enter a dossier: PDF, JPEG or PNG, as its first bytes say (never as its name or the
 * browser say: a name or a declared type that disagrees with the content is refused), not over the maximum size; a PDF
 * that PDFBox opens, not encrypted, with pages; an image whose header gives dimensions within the limit (a
 * decompression bomb is refused before any pixel is decoded) and that then decodes entirely.
 */
final class VerificationPiece {

    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    private static final byte[] MAGIE_PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] MAGIE_JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] MAGIE_PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Map<String, String> EXTENSIONS = Map.of("pdf", PDF, "jpg", JPEG, "jpeg", JPEG, "png", PNG);

    private final long tailleMax;
    private final long pixelsMax;
    private final int pagesMax;

    VerificationPiece(long tailleMax, long pixelsMax, int pagesMax) {
        this.tailleMax = tailleMax;
        this.pixelsMax = pixelsMax;
        this.pagesMax = pagesMax;
    }

    /** The media type the content proves, after every check; a refusal names the rule otherwise. */
    String verifier(String nomFichier, String typeDeclare, byte[] contenu) {
        if (contenu == null || contenu.length == 0) {
            throw new PieceRefuseeException("taille", "Le fichier est vide.");
        }
        if (contenu.length > tailleMax) {
            throw new PieceRefuseeException("taille", "Le fichier fait " + megaoctets(contenu.length) + " : "
                    + megaoctets(tailleMax) + " au plus par pièce.");
        }
        String type = typeDuContenu(contenu);
        if (type == null) {
            throw new PieceRefuseeException("type", "Le fichier n'est ni un PDF, ni une image JPEG ou PNG (d'après son"
                    + " contenu) : seuls ces formats sont acceptés.");
        }
        String extension = extension(nomFichier);
        if (extension != null && EXTENSIONS.containsKey(extension) && !EXTENSIONS.get(extension).equals(type)) {
            throw new PieceRefuseeException("type", "Le fichier « " + nomFichier + " » se dit " + extension
                    .toUpperCase(Locale.ROOT) + " mais son contenu est " + nom(type) + " : rien n'a été enregistré.");
        }
        if (extension == null || !EXTENSIONS.containsKey(extension)) {
            throw new PieceRefuseeException("type", "Le nom du fichier doit finir par .pdf, .jpg, .jpeg ou .png.");
        }
        String declare = typeDeclare == null ? "" : typeDeclare.strip().toLowerCase(Locale.ROOT);
        int pv = declare.indexOf(';');
        declare = pv < 0 ? declare : declare.substring(0, pv).strip();
        if (!declare.isEmpty() && !"application/octet-stream".equals(declare) && !declare.equals(type)
                && !("image/jpg".equals(declare) && JPEG.equals(type))) {
            throw new PieceRefuseeException("type", "Le fichier est déclaré " + declare + " mais son contenu est "
                    + nom(type) + " : rien n'a été enregistré.");
        }
        if (PDF.equals(type)) {
            pdf(contenu);
        } else {
            image(contenu, type);
        }
        return type;
    }

    static String typeDuContenu(byte[] c) {
        if (commence(c, MAGIE_PDF)) {
            return PDF;
        }
        if (commence(c, MAGIE_JPEG)) {
            return JPEG;
        }
        if (commence(c, MAGIE_PNG)) {
            return PNG;
        }
        return null;
    }

    private void pdf(byte[] contenu) {
        try (PDDocument d = Loader.loadPDF(new RandomAccessReadBuffer(contenu))) {
            if (d.isEncrypted()) {
                throw new PieceRefuseeException("contenu", "Le PDF est protégé par un mot de passe ou chiffré : les"
                        + " guichets et bailleurs ne pourraient pas le lire. Déposez-le sans protection.");
            }
            int pages = d.getNumberOfPages();
            if (pages == 0) {
                throw new PieceRefuseeException("contenu", "Le PDF n'a aucune page.");
            }
            if (pages > pagesMax) {
                throw new PieceRefuseeException("contenu", "Le PDF a " + pages + " pages : " + pagesMax
                        + " au plus par pièce.");
            }
            // every page's resources read: a truncated or damaged file fails here rather than at a landlord's
            d.getPages().forEach(p -> p.getResources());
        } catch (IOException | RuntimeException e) {
            if (e instanceof PieceRefuseeException r) {
                throw r;
            }
            throw new PieceRefuseeException("contenu", "Le PDF est endommagé ou illisible : rien n'a été enregistré."
                    + " Enregistrez-le de nouveau depuis le logiciel qui l'a produit.");
        }
    }

    private void image(byte[] contenu, String type) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(contenu))) {
            Iterator<ImageReader> lecteurs = ImageIO.getImageReaders(in);
            if (!lecteurs.hasNext()) {
                throw illisible(type);
            }
            ImageReader lecteur = lecteurs.next();
            try {
                lecteur.setInput(in, true, true);
                // the header's dimensions, before any pixel: a small file may announce a huge image (bomb)
                long largeur = lecteur.getWidth(0);
                long hauteur = lecteur.getHeight(0);
                if (largeur <= 0 || hauteur <= 0 || largeur * hauteur > pixelsMax) {
                    throw new PieceRefuseeException("contenu", "L'image annonce " + largeur + " × " + hauteur
                            + " pixels : " + (pixelsMax / 1_000_000) + " millions de pixels au plus.");
                }
                // every byte decoded, at most about 4 million pixels in memory (one pixel in n² kept)
                javax.imageio.ImageReadParam param = lecteur.getDefaultReadParam();
                int n = (int) Math.max(1, Math.ceil(Math.sqrt(largeur * hauteur / 4_000_000.0)));
                param.setSourceSubsampling(n, n, 0, 0);
                if (lecteur.read(0, param) == null) {
                    throw illisible(type);
                }
            } finally {
                lecteur.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PieceRefuseeException r) {
                throw r;
            }
            throw illisible(type);
        }
    }

    private static PieceRefuseeException illisible(String type) {
        return new PieceRefuseeException("contenu", "L'image " + nom(type) + " est endommagée ou illisible : rien n'a"
                + " été enregistré.");
    }

    private static boolean commence(byte[] c, byte[] magie) {
        return c.length >= magie.length && Arrays.equals(c, 0, magie.length, magie, 0, magie.length);
    }

    static String extension(String nom) {
        if (nom == null) {
            return null;
        }
        int p = nom.lastIndexOf('.');
        return p < 0 ? null : nom.substring(p + 1).toLowerCase(Locale.ROOT);
    }

    static String nom(String type) {
        return switch (type) {
            case PDF -> "PDF";
            case JPEG -> "JPEG";
            case PNG -> "PNG";
            default -> type;
        };
    }

    static String megaoctets(long octets) {
        return String.format(Locale.FRANCE, "%.1f Mo", octets / 1_048_576.0);
    }

    /** The file's name without any path, control character or quote, 200 characters at most. */
    static String nomPropre(String nom) {
        String n = nom == null ? "" : nom.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>]", "").strip();
        if (n.isEmpty()) {
            n = "piece";
        }
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }
}
