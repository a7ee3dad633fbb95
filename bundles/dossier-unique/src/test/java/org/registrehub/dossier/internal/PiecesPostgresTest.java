package org.registrehub.dossier.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreService;
import org.registrehub.api.dossier.CategoriePiece;
import org.registrehub.api.dossier.Piece;
import org.registrehub.api.dossier.PieceRefuseeException;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.HorlogeReglable;
import org.registrehub.testing.Identites;
import org.registrehub.testing.registre.RegistreJetable;

/**
 * The dossier unique on PostgreSQL with the real register: what enters (PDF, JPEG, PNG whose content is what they
 * claim), what is refused with the rule it breaks (a file that lies about its type, a malformed or encrypted PDF, a
 * decompression bomb, an oversize file), replacement and withdrawal, the checksum checked at each read, the rights of
 * guichets, landlords and other territories, every read audited.
 */
public class PiecesPostgresTest {

    @Rule
    public final RegistreJetable base = new RegistreJetable("registre_pieces");

    private static final Contexte GUICHET = new Contexte(Identites.guichet44(), Canal.REST);
    private static final Contexte BAILLEUR = new Contexte(Identites.bailleur44(), Canal.REST);
    private static final Contexte AUTRE_TERRITOIRE = new Contexte(Identites.guichet("agent.g5901", "MAIRIE-LILLE",
            "G5901", "059"), Canal.REST);
    private final HorlogeReglable horloge = new HorlogeReglable(ZoneId.of("Europe/Paris"),
            Instant.parse("2026-12-01T08:00:00Z"));
    private PiecesServiceImpl pieces;
    private String numero;

    @Before
    public void setUp() {
        RegistreService registre = base.base().registre(horloge);
        pieces = new PiecesServiceImpl(base.base().base(), registre, horloge, 10L * 1024 * 1024, 60_000_000L, 100, 40);
        numero = registre.enregistrer(Exemples.nouvelleDemande("Le Goff"), GUICHET).numeroUnique();
    }

    static byte[] pdf(boolean chiffre) throws Exception {
        try (PDDocument d = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            d.addPage(new PDPage());
            if (chiffre) {
                StandardProtectionPolicy p = new StandardProtectionPolicy("proprietaire", "lecteur",
                        new AccessPermission());
                p.setEncryptionKeyLength(128);
                d.protect(p);
            }
            d.save(out);
            return out.toByteArray();
        }
    }

    static byte[] image(String format, int largeur, int hauteur) throws Exception {
        BufferedImage i = new BufferedImage(largeur, hauteur, BufferedImage.TYPE_INT_RGB);
        i.setRGB(0, 0, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(i, format, out));
        return out.toByteArray();
    }

    /** A small PNG whose header announces width × height (its IHDR and CRC rewritten): a decompression bomb. */
    static byte[] bombePng(int largeur, int hauteur) throws Exception {
        byte[] png = image("png", 8, 8);
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, largeur);
        b.putInt(20, hauteur);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17); // "IHDR" and its 13 bytes
        b.putInt(29, (int) crc.getValue());
        return png;
    }

    private PieceRefuseeException refus(String nom, String type, byte[] contenu) {
        return assertThrows(PieceRefuseeException.class, () -> pieces.deposer(numero, CategoriePiece.IDENTITE, nom,
                type, contenu, null, GUICHET));
    }

    @Test
    public void unPdfUnJpegEtUnPngEntrentAvecLeurEmpreinte() throws Exception {
        byte[] pdf = pdf(false);
        Piece p = pieces.deposer(numero, CategoriePiece.AVIS_IMPOSITION, "C:\\Users\\lea\\avis 2025.pdf",
                "application/pdf", pdf, null, GUICHET);
        assertEquals("avis 2025.pdf", p.nomFichier());
        assertEquals(PiecesServiceImpl.sha256(pdf), p.sha256());
        pieces.deposer(numero, CategoriePiece.IDENTITE, "cni.jpg", "image/jpeg", image("jpg", 40, 30), null, GUICHET);
        pieces.deposer(numero, CategoriePiece.LOGEMENT_ACTUEL, "quittance.PNG", "", image("png", 40, 30), null,
                GUICHET);
        List<Piece> liste = pieces.pieces(numero, BAILLEUR);
        assertEquals(List.of(CategoriePiece.IDENTITE, CategoriePiece.AVIS_IMPOSITION, CategoriePiece.LOGEMENT_ACTUEL),
                liste.stream().map(Piece::categorie).toList());
        assertEquals(List.of("image/jpeg", "application/pdf", "image/png"),
                liste.stream().map(Piece::typeMedia).toList());
        // a landlord of the territory reads it, the read audited
        assertArrayEquals(pdf, pieces.lire(numero, p.id(), BAILLEUR).contenu());
        assertEquals(1, base.db().count("SELECT count(*) FROM audit WHERE operation = 'PIECE_LECTURE' AND acteur ="
                + " 'bailleur.nmh' AND numero_unique = '" + numero + "'"));
        assertEquals(3, base.db().count("SELECT count(*) FROM audit WHERE operation = 'PIECE_DEPOT'"));
    }

    @Test
    public void unFichierQuiMentSurSonTypeEstRefuse() throws Exception {
        assertEquals("type", refus("cni.pdf", "application/pdf", image("png", 4, 4)).regle());
        assertEquals("type", refus("avis.pdf", "image/png", pdf(false)).regle());
        assertEquals("type", refus("photo.png", "image/png",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)).regle());
        assertEquals("type", refus("programme.pdf", "application/pdf", new byte[] {'M', 'Z', 0, 0, 1, 2}).regle());
        assertEquals("type", refus("page.html", "text/html",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)).regle());
        assertEquals("type", refus("sans-extension", "application/pdf", pdf(false)).regle());
        assertEquals(0, base.db().count("SELECT count(*) FROM piece_demande"));
    }

    @Test
    public void unContenuMalformeUnPdfChiffreEtUneBombeSontRefuses() throws Exception {
        PieceRefuseeException e = refus("avis.pdf", "application/pdf",
                "%PDF-1.7\n1 0 obj << /Type /Catalog >> tronqué".getBytes(StandardCharsets.US_ASCII));
        assertEquals("contenu", e.regle());
        assertTrue(e.getMessage(), e.getMessage().contains("endommagé"));
        assertEquals("contenu", refus("avis.pdf", "application/pdf", pdf(true)).regle());
        byte[] jpeg = image("jpg", 40, 30);
        assertEquals("contenu", refus("cni.jpg", "image/jpeg", Arrays.copyOf(jpeg, 40)).regle());
        // 100 000 × 100 000 pixels announced by a file of a few hundred bytes: refused before decoding
        byte[] bombe = bombePng(100_000, 100_000);
        assertTrue(bombe.length < 1000);
        e = refus("photo.png", "image/png", bombe);
        assertEquals("contenu", e.regle());
        assertTrue(e.getMessage(), e.getMessage().contains("100000 × 100000"));
        assertEquals("taille", refus("gros.pdf", "application/pdf", Arrays.copyOf(pdf(false), 10 * 1024 * 1024 + 1))
                .regle());
        assertEquals("taille", refus("vide.pdf", "application/pdf", new byte[0]).regle());
        assertEquals(0, base.db().count("SELECT count(*) FROM piece_demande"));
    }

    @Test
    public void remplacerEtRetirerGardentLaTraceSansLeContenu() throws Exception {
        Piece a = pieces.deposer(numero, CategoriePiece.RESSOURCES, "bulletin-octobre.pdf", "application/pdf",
                pdf(false), null, GUICHET);
        Piece b = pieces.deposer(numero, CategoriePiece.RESSOURCES, "bulletin-novembre.pdf", "application/pdf",
                pdf(false), a.id(), GUICHET);
        assertEquals(List.of(b.id()), pieces.pieces(numero, GUICHET).stream().map(Piece::id).toList());
        assertThrows(DemandeIntrouvableException.class, () -> pieces.lire(numero, a.id(), GUICHET));
        pieces.retirer(numero, b.id(), GUICHET);
        assertEquals(List.of(), pieces.pieces(numero, GUICHET));
        assertEquals(2, base.db().count("SELECT count(*) FROM piece_demande WHERE contenu IS NULL AND retire_le IS"
                + " NOT NULL"));
        assertEquals(1, base.db().count("SELECT count(*) FROM piece_demande WHERE remplacee_par = " + b.id()));
        assertThrows(DemandeIntrouvableException.class, () -> pieces.retirer(numero, b.id(), GUICHET));
        // the landlords of the territory are told, in order, what the dossier became (never the content)
        assertEquals(List.of("demandeEnregistree", "pieceDeposee", "pieceDeposee", "pieceRetiree", "pieceRetiree"),
                base.db().texts("SELECT type FROM outbox WHERE numero_unique = '" + numero + "' ORDER BY id"));
        assertEquals(String.valueOf(b.id()), base.db().text("SELECT contenu->'piece'->>'remplaceePar' FROM outbox"
                + " WHERE type = 'pieceRetiree' AND (contenu->'piece'->>'id')::bigint = " + a.id()));
        com.networknt.schema.JsonSchema schema = org.registrehub.testing.SchemasDocumentes.evenement();
        for (String e : base.db().texts("SELECT contenu::text FROM outbox WHERE type LIKE 'piece%'")) {
            assertEquals(e, List.of(), org.registrehub.testing.SchemasDocumentes.erreurs(schema, e));
        }
        assertEquals("a document refused by the same schema", 1, Math.min(1, org.registrehub.testing.SchemasDocumentes
                .erreurs(schema, "{\"versionSchema\":1,\"type\":\"pieceDeposee\"}").size()));
    }

    @Test
    public void lesDroitsSontCeuxDuRegistreEtLEmpreinteEstVerifiee() throws Exception {
        Piece p = pieces.deposer(numero, CategoriePiece.IDENTITE, "cni.pdf", "application/pdf", pdf(false), null,
                GUICHET);
        // a landlord reads but does not upload; another territory does not even list
        assertThrows(AccesRefuseException.class, () -> pieces.deposer(numero, CategoriePiece.IDENTITE, "x.pdf",
                "application/pdf", pdf(false), null, BAILLEUR));
        assertThrows(AccesRefuseException.class, () -> pieces.retirer(numero, p.id(), BAILLEUR));
        assertThrows(RegistreException.class, () -> pieces.pieces(numero, AUTRE_TERRITOIRE));
        assertThrows(RegistreException.class, () -> pieces.lire(numero, p.id(), AUTRE_TERRITOIRE));
        assertThrows(DemandeIntrouvableException.class, () -> pieces.pieces("0441226099999G1104", GUICHET));
        // a content changed in the database behind the hub's back is not handed out
        base.db().execute("UPDATE piece_demande SET contenu = '\\x255044462d'::bytea WHERE id = " + p.id());
        RegistreException e = assertThrows(RegistreException.class, () -> pieces.lire(numero, p.id(), GUICHET));
        assertEquals("PIECE_ALTEREE", e.getCode());
    }
}
