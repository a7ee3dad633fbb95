package org.registrehub.dossier.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreService;
import org.registrehub.api.Statut;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.Role;
import org.registrehub.api.dossier.CategoriePiece;
import org.registrehub.api.dossier.ContenuPiece;
import org.registrehub.api.dossier.Piece;
import org.registrehub.api.dossier.PieceRefuseeException;
import org.registrehub.api.dossier.PiecesService;
import org.registrehub.api.spi.BaseDeDonnees;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dossier unique. The right on a demand is the register's: {@link RegistreService#consulter} answers for the
 * caller (territory, role; its read audited), and only a guichet or a gestionnaire (the applicant on the portal acts
 * as the portal's guichet) adds, replaces or withdraws. Each upload, read and withdrawal writes an audit line in the
 * same transaction as its change.
 */
@Component(service = PiecesService.class, configurationPid = DossierConfig.PID)
@Designate(ocd = DossierConfig.class)
public class PiecesServiceImpl implements PiecesService {

    private static final Logger LOG = LoggerFactory.getLogger(PiecesServiceImpl.class);

    private final BaseDeDonnees.Sessions base;
    private final RegistreService registre;
    private final Clock clock;
    private volatile VerificationPiece verification;
    private volatile int piecesMax;

    @Activate
    public PiecesServiceImpl(@Reference BaseDeDonnees base, @Reference RegistreService registre,
                             DossierConfig config) {
        this(base, registre, Clock.systemUTC(), config.piece_tailleMaxOctets(), config.image_pixelsMax(),
                config.pdf_pagesMax(), config.demande_piecesMax());
    }

    PiecesServiceImpl(BaseDeDonnees base, RegistreService registre, Clock clock, long tailleMax, long pixelsMax,
                      int pagesMax, int piecesMax) {
        this.base = base.sessions(DossierMapper.class);
        this.registre = registre;
        this.clock = clock;
        regler(tailleMax, pixelsMax, pagesMax, piecesMax);
    }

    @Modified
    void modifier(DossierConfig c) {
        regler(c.piece_tailleMaxOctets(), c.image_pixelsMax(), c.pdf_pagesMax(), c.demande_piecesMax());
    }

    private void regler(long tailleMax, long pixelsMax, int pagesMax, int piecesMax) {
        this.verification = new VerificationPiece(Math.max(1024, tailleMax), Math.max(1_000_000, pixelsMax),
                Math.max(1, pagesMax));
        this.piecesMax = Math.max(1, piecesMax);
    }

    /** The demand as the caller may read it (the register checks and audits), or unknown. */
    private Demande demande(String numero, Contexte contexte) {
        return registre.consulter(numero, contexte).orElseThrow(() -> new DemandeIntrouvableException(numero));
    }

    private static void exigerEnregistreur(Contexte contexte, String quoi) {
        if (!contexte.identite().a(Role.GUICHET) && !contexte.identite().a(Role.GESTIONNAIRE)) {
            throw new AccesRefuseException("Accès refusé : " + quoi + " est réservé aux guichets et gestionnaires"
                    + " (et au demandeur sur le portail) ; un bailleur lit les pièces.");
        }
    }

    @Override
    public Piece deposer(String numeroUnique, CategoriePiece categorie, String nomFichier, String typeMedia,
                         byte[] contenu, Long remplace, Contexte contexte) {
        exigerEnregistreur(contexte, "le dépôt d'une pièce");
        if (categorie == null) {
            throw new PieceRefuseeException("categorie", "Choisissez ce que la pièce justifie (catégorie).");
        }
        Demande d = demande(numeroUnique, contexte);
        if (d.statut() != Statut.ACTIVE) {
            throw new TransitionInterditeException("La demande " + numeroUnique + " est radiée : on n'y dépose plus"
                    + " de pièce.");
        }
        String type = verification.verifier(nomFichier, typeMedia, contenu);
        Instant maintenant = clock.instant();
        Piece p = new Piece(0, numeroUnique, categorie, VerificationPiece.nomPropre(nomFichier), type, contenu.length,
                sha256(contenu), maintenant, contexte.acteur());
        int max = piecesMax;
        Piece enregistree = base.executer("dépôt d'une pièce", DossierMapper.class, m -> {
            long id = m.inserer(p, contenu, contexte.canal().name());
            if (remplace != null && m.retirer(numeroUnique, remplace, contexte.acteur(), id) != 1) {
                throw new DemandeIntrouvableException(numeroUnique + " (pièce " + remplace + ")");
            }
            if (m.nombre(numeroUnique) > max) {
                throw new PieceRefuseeException("nombre", "La demande a déjà " + max + " pièces : retirez-en une"
                        + " avant d'en déposer une autre.");
            }
            m.auditer(audit(maintenant, contexte, remplace == null ? "PIECE_DEPOT" : "PIECE_REMPLACEMENT",
                    numeroUnique, d.territoire(), "pièce " + id + " (" + categorie + ", " + type + ", "
                            + contenu.length + " octets" + (remplace == null ? "" : ", remplace " + remplace) + ")"));
            return new Piece(id, p.numeroUnique(), p.categorie(), p.nomFichier(), p.typeMedia(), p.taille(),
                    p.sha256(), p.deposeLe(), p.deposePar());
        });
        LOG.info("Pièce {} déposée pour la demande {} ({}, {} octets, canal {})", enregistree.id(), numeroUnique,
                categorie, contenu.length, contexte.canal());
        return enregistree;
    }

    @Override
    public List<Piece> pieces(String numeroUnique, Contexte contexte) {
        demande(numeroUnique, contexte);
        return base.executer("liste des pièces", DossierMapper.class, m -> m.pieces(numeroUnique));
    }

    @Override
    public ContenuPiece lire(String numeroUnique, long id, Contexte contexte) {
        Demande d = demande(numeroUnique, contexte);
        Instant maintenant = clock.instant();
        DossierMapper.LigneContenu l = base.executer("lecture d'une pièce", DossierMapper.class, m -> {
            DossierMapper.LigneContenu c = m.contenu(numeroUnique, id);
            if (c != null) {
                m.auditer(audit(maintenant, contexte, "PIECE_LECTURE", numeroUnique, d.territoire(), "pièce " + id
                        + " (" + c.piece().categorie() + ")"));
            }
            return c;
        });
        if (l == null) {
            throw new DemandeIntrouvableException(numeroUnique + " (pièce " + id + ")");
        }
        if (!sha256(l.contenu()).equals(l.piece().sha256())) {
            LOG.error("Pièce {} de la demande {} : empreinte SHA-256 différente de celle du dépôt", id, numeroUnique);
            throw new RegistreException("PIECE_ALTEREE", "La pièce " + id + " est altérée (son empreinte ne"
                    + " correspond plus à celle du dépôt) : elle n'est pas remise ; prévenez l'exploitant du hub.");
        }
        return new ContenuPiece(l.piece(), l.contenu());
    }

    @Override
    public void retirer(String numeroUnique, long id, Contexte contexte) {
        exigerEnregistreur(contexte, "le retrait d'une pièce");
        Demande d = demande(numeroUnique, contexte);
        Instant maintenant = clock.instant();
        base.executer("retrait d'une pièce", DossierMapper.class, m -> {
            if (m.retirer(numeroUnique, id, contexte.acteur(), null) != 1) {
                throw new DemandeIntrouvableException(numeroUnique + " (pièce " + id + ")");
            }
            m.auditer(audit(maintenant, contexte, "PIECE_RETRAIT", numeroUnique, d.territoire(), "pièce " + id));
            return null;
        });
    }

    private static EntreeAudit audit(Instant quand, Contexte c, String operation, String numero, String territoire,
                                     String details) {
        return new EntreeAudit(quand, c.acteur(), c.organisation(), c.canal(), operation, numero, territoire, details);
    }

    static String sha256(byte[] contenu) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(contenu));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String texte) {
        return sha256(texte.getBytes(StandardCharsets.UTF_8));
    }
}
