package org.registrehub.soap.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;


import javax.activation.DataHandler;

import org.apache.cxf.attachment.ByteDataSource;
import org.registrehub.api.AttestationService;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.DoublonPresumeException;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreService;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.attribution.CotationService;
import org.registrehub.soap.internal.v1.Demande;
import org.registrehub.soap.internal.v1.DetailErreur;
import org.registrehub.soap.internal.v1.EntreeHistorique;
import org.registrehub.soap.internal.v1.ErreurRegistreFault;
import org.registrehub.soap.internal.v1.RegistrePortType;
import org.registrehub.soap.internal.v1.SaisieDemande;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Implements the v1 contract on top of {@link RegistreService}. Values that do not even parse (a date that is not
 * AAAA-MM-JJ, an unknown typology) are reported with the same field-level error shape as the register's own rules.
 */
public class RegistreSoap implements RegistrePortType {

    private static final Logger LOG = LoggerFactory.getLogger(RegistreSoap.class);
    static final String ERREUR_INTERNE = "ERREUR_INTERNE";

    private final RegistreService registre;
    private final List<AttestationService> attestations;
    private final List<CotationService> cotations;
    private final List<org.registrehub.api.dossier.PiecesService> pieces;
    private final Supplier<Identite> identite;

    /** @param attestations the attestation services installed (none without the registre-attestation feature) */
    public RegistreSoap(RegistreService registre, List<AttestationService> attestations,
                        List<CotationService> cotations, List<org.registrehub.api.dossier.PiecesService> pieces) {
        this(registre, attestations, cotations, pieces, AuthentificationSoapInterceptor::identiteCourante);
    }

    RegistreSoap(RegistreService registre, List<AttestationService> attestations, List<CotationService> cotations,
                 Supplier<Identite> identite) {
        this(registre, attestations, cotations, List.of(), identite);
    }

    RegistreSoap(RegistreService registre, List<AttestationService> attestations, List<CotationService> cotations,
                 List<org.registrehub.api.dossier.PiecesService> pieces, Supplier<Identite> identite) {
        this.pieces = pieces;
        this.registre = registre;
        this.attestations = attestations;
        this.cotations = cotations;
        this.identite = identite;
    }

    /**
     * A demand's cotation, from the attribution capability when it is installed (a reference list: never waited for;
     * without it, the fault REGISTRE_INDISPONIBLE names the feature).
     */
    @Override
    public org.registrehub.soap.internal.v1.Cotation cotationDemande(String numeroUnique) throws ErreurRegistreFault {
        try {
            if (cotations == null || cotations.isEmpty()) {
                throw new org.registrehub.api.FonctionnaliteAbsenteException("La cotation", "registre-attribution");
            }
            return new ConversionSoap().ecrire(cotations.get(0).cotation(numeroUnique, contexte()));
        } catch (RuntimeException e) {
            throw faute(e);
        }
    }

    private org.registrehub.api.dossier.PiecesService pieces() {
        if (pieces == null || pieces.isEmpty()) {
            throw new org.registrehub.api.FonctionnaliteAbsenteException("Le dossier unique", "registre-dossier-unique");
        }
        return pieces.get(0);
    }

    @Override
    public List<org.registrehub.soap.internal.v1.Piece> listerPieces(String numeroUnique) throws ErreurRegistreFault {
        try {
            ConversionSoap c = new ConversionSoap();
            return pieces().pieces(numeroUnique, contexte()).stream().map(c::ecrire).toList();
        } catch (RuntimeException e) {
            throw faute(e);
        }
    }

    @Override
    public org.registrehub.soap.internal.v1.PieceEtContenu lirePiece(String numeroUnique, long id)
            throws ErreurRegistreFault {
        try {
            org.registrehub.api.dossier.ContenuPiece lu = pieces().lire(numeroUnique, id, contexte());
            org.registrehub.soap.internal.v1.PieceEtContenu x = new org.registrehub.soap.internal.v1.PieceEtContenu();
            x.setPiece(new ConversionSoap().ecrire(lu.piece()));
            x.setContenu(new DataHandler(new ByteDataSource(lu.contenu(), lu.piece().typeMedia())));
            return x;
        } catch (RuntimeException e) {
            throw faute(e);
        }
    }

    @Override
    public org.registrehub.soap.internal.v1.Piece deposerPiece(String numeroUnique,
                                                               org.registrehub.soap.internal.v1.CategoriePiece categorie,
                                                               String nomFichier, String typeMedia, DataHandler contenu,
                                                               Long remplace) throws ErreurRegistreFault {
        try {
            byte[] octets;
            try (java.io.InputStream in = contenu == null ? java.io.InputStream.nullInputStream()
                    : contenu.getInputStream()) {
                octets = in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new org.registrehub.api.dossier.PieceRefuseeException("contenu", "Le contenu de la pièce n'a pas"
                        + " pu être lu : " + e.getMessage());
            }
            return new ConversionSoap().ecrire(pieces().deposer(numeroUnique, categorie == null ? null
                    : org.registrehub.api.dossier.CategoriePiece.valueOf(categorie.value()), nomFichier, typeMedia,
                    octets, remplace, contexte()));
        } catch (RuntimeException e) {
            throw faute(e);
        }
    }

    /** Who acts: the identity the authentication interceptor found for this call. */
    private Contexte contexte() {
        return new Contexte(identite.get(), Canal.SOAP);
    }

    @Override
    public Demande enregistrerDemande(SaisieDemande saisie) throws ErreurRegistreFault {
        ConversionSoap conversion = new ConversionSoap();
        NouvelleDemande demande = saisie == null ? null : conversion.lire(saisie);
        try {
            if (!conversion.erreurs().isEmpty()) {
                // a value that did not parse was passed as missing: never register such a demand
                throw new DemandeInvalideException(fusionner(conversion.erreurs(), registre.verifier(demande)));
            }
            return conversion.ecrire(registre.enregistrer(demande, contexte()));
        } catch (DemandeInvalideException e) {
            throw faute(new DemandeInvalideException(fusionner(conversion.erreurs(), e.getErreurs())));
        } catch (RuntimeException e) {
            throw faute(e);
        }
    }

    @Override
    public Demande modifierDemande(String numeroUnique, long version, org.registrehub.soap.internal.v1.Dossier dossier)
            throws ErreurRegistreFault {
        ConversionSoap conversion = new ConversionSoap();
        org.registrehub.api.Dossier lu = dossier == null ? null : conversion.dossier(dossier);
        return changer(conversion, () -> registre.modifier(numeroUnique, version, lu, contexte()),
                () -> registre.verifier(new NouvelleDemande("G0000", lu)));
    }

    @Override
    public Demande renouvelerDemande(String numeroUnique, long version,
                                     org.registrehub.soap.internal.v1.Dossier dossier) throws ErreurRegistreFault {
        ConversionSoap conversion = new ConversionSoap();
        org.registrehub.api.Dossier lu = dossier == null ? null : conversion.dossier(dossier);
        return changer(conversion, () -> registre.renouveler(numeroUnique, version, lu, contexte()),
                () -> registre.verifier(new NouvelleDemande("G0000", lu)));
    }

    @Override
    public Demande radierDemande(String numeroUnique, long version,
                                 org.registrehub.soap.internal.v1.DemandeRadiation radiation) throws ErreurRegistreFault {
        ConversionSoap conversion = new ConversionSoap();
        DemandeRadiation lue = conversion.radiation(radiation);
        return changer(conversion, () -> registre.radier(numeroUnique, version, lue, contexte()), List::of);
    }

    @Override
    public Demande reactiverDemande(String numeroUnique, long version) throws ErreurRegistreFault {
        return changer(new ConversionSoap(), () -> registre.reactiver(numeroUnique, version, contexte()), List::of);
    }

    @Override
    public List<EntreeHistorique> historiqueDemande(String numeroUnique) throws ErreurRegistreFault {
        try {
            ConversionSoap conversion = new ConversionSoap();
            return registre.historique(numeroUnique, contexte()).stream().map(conversion::ecrire).toList();
        } catch (RuntimeException e) {
            throw faute(e);
        }
    }

    /**
     * Runs a change; if a value of the request did not parse, nothing is changed and the parse errors are reported
     * with those of the register's rules ({@code regles}).
     */
    private Demande changer(ConversionSoap conversion, Supplier<org.registrehub.api.Demande> changement,
                            Supplier<List<ErreurChamp>> regles) throws ErreurRegistreFault {
        try {
            if (!conversion.erreurs().isEmpty()) {
                throw new DemandeInvalideException(fusionner(conversion.erreurs(), regles.get()));
            }
            return conversion.ecrire(changement.get());
        } catch (DemandeInvalideException e) {
            throw faute(new DemandeInvalideException(fusionner(conversion.erreurs(), e.getErreurs())));
        } catch (RuntimeException e) {
            throw faute(e);
        }
    }

    @Override
    public DataHandler attestationDemande(String numeroUnique) throws ErreurRegistreFault {
        try {
            return new DataHandler(new ByteDataSource(AttestationService.parmi(attestations)
                    .attestation(numeroUnique, contexte()),
                    AttestationService.MEDIA_TYPE));
        } catch (RuntimeException e) {
            throw faute(e);
        }
    }

    @Override
    public Demande consulterDemande(String numeroUnique) throws ErreurRegistreFault {
        try {
            return new ConversionSoap().ecrire(registre.consulter(numeroUnique, contexte())
                    .orElseThrow(() -> new DemandeIntrouvableException(numeroUnique)));
        } catch (RuntimeException e) {
            throw faute(e);
        }
    }

    /** A field that did not parse was passed as missing: its parse error replaces the "obligatoire" one. */
    static List<ErreurChamp> fusionner(List<ErreurChamp> lecture, List<ErreurChamp> regles) {
        List<ErreurChamp> toutes = new ArrayList<>(lecture);
        for (ErreurChamp e : regles) {
            if (lecture.stream().noneMatch(l -> l.champ().equals(e.champ()))) {
                toutes.add(e);
            }
        }
        return toutes;
    }

    ErreurRegistreFault faute(RuntimeException e) {
        DetailErreur detail = new DetailErreur();
        String message;
        if (e instanceof RegistreException registre && !ERREUR_INTERNE.equals(registre.getCode())) {
            detail.setCode(registre.getCode());
            message = registre.getMessage();
            if (e instanceof DoublonPresumeException doublon) {
                ConversionSoap conversion = new ConversionSoap();
                doublon.getDoublons().forEach(d -> detail.getDoublon().add(conversion.ecrire(d)));
            }
            if (e instanceof DemandeInvalideException invalide) {
                for (ErreurChamp erreur : invalide.getErreurs()) {
                    org.registrehub.soap.internal.v1.ErreurChamp x = new org.registrehub.soap.internal.v1.ErreurChamp();
                    x.setChamp(erreur.champ());
                    x.setRegle(erreur.regle());
                    x.setValeurRejetee(erreur.valeurRejetee());
                    x.setMessage(erreur.message());
                    detail.getErreur().add(x);
                }
            }
        } else {
            String incident = UUID.randomUUID().toString();
            LOG.error("Erreur inattendue sur l'appel SOAP (incident {})", incident, e);
            detail.setCode(ERREUR_INTERNE);
            message = "Erreur interne du registre ; rien n'a été enregistré. Incident " + incident
                    + " (à communiquer à l'administrateur).";
        }
        detail.setMessage(message);
        return new ErreurRegistreFault(message, detail);
    }

}
