package org.registrehub.soap.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import org.registrehub.api.Attribution;
import org.registrehub.api.Beneficiaire;
import org.registrehub.api.Changement;
import org.registrehub.api.CoDemandeur;
import org.registrehub.api.Contact;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.Dossier;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.Handicap;
import org.registrehub.api.LienCoDemandeur;
import org.registrehub.api.LienParente;
import org.registrehub.api.LogementActuel;
import org.registrehub.api.LogementRecherche;
import org.registrehub.api.Motif;
import org.registrehub.api.MotifIrrecevabilite;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.Personne;
import org.registrehub.api.PersonneACharge;
import org.registrehub.api.Radiation;
import org.registrehub.api.Ressource;
import org.registrehub.api.RevenuFiscal;
import org.registrehub.api.Sexe;
import org.registrehub.api.SituationFamiliale;
import org.registrehub.api.SituationProfessionnelle;
import org.registrehub.api.StatutLogement;
import org.registrehub.api.TypeRessource;
import org.registrehub.api.Typologie;
import org.registrehub.soap.internal.v1.SaisieDemande;

/**
 * Between the v1 XML types and the API records. Reading never throws: a value that does not parse (date, code,
 * amount, number, boolean) becomes null and an error with the same path as the register's own rules, so that the
 * caller gets one list of field errors.
 */
final class ConversionSoap {

    private final List<ErreurChamp> erreurs = new ArrayList<>();
    private final DatatypeFactory datatypes;

    ConversionSoap() {
        try {
            datatypes = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    List<ErreurChamp> erreurs() {
        return erreurs;
    }

    // ------------------------------------------------------------------ XML -> API

    NouvelleDemande lire(SaisieDemande s) {
        return new NouvelleDemande(s.getGuichet(), s.getDossier() == null ? null : dossier(s.getDossier()),
                s.getJustificationDoublon());
    }

    Dossier dossier(org.registrehub.soap.internal.v1.Dossier x) {
        String p = "dossier.";
        return new Dossier(personne(p + "demandeur.", x.getDemandeur()),
                x.getCoDemandeur() == null ? null : new CoDemandeur(
                        personne(p + "coDemandeur.personne.", x.getCoDemandeur().getPersonne()),
                        code(p + "coDemandeur.lien", x.getCoDemandeur().getLien(), LienCoDemandeur.class)),
                liste(x.getPersonnesACharge(), p + "personnesACharge", (c, e) -> new PersonneACharge(e.getNom(),
                        e.getPrenoms(), date(c + ".dateNaissance", e.getDateNaissance()),
                        code(c + ".sexe", e.getSexe(), Sexe.class), code(c + ".lien", e.getLien(), LienParente.class))),
                contact(x.getContact()),
                code(p + "situationFamiliale", x.getSituationFamiliale(), SituationFamiliale.class),
                liste(x.getRessources(), p + "ressources", (c, r) -> new Ressource(
                        code(c + ".beneficiaire", r.getBeneficiaire(), Beneficiaire.class), entier(c + ".rang", r.getRang()),
                        code(c + ".type", r.getType(), TypeRessource.class),
                        montant(c + ".montantMensuel", r.getMontantMensuel()))),
                x.getRevenuFiscal() == null ? null : new RevenuFiscal(
                        entier(p + "revenuFiscal.anneeN2", x.getRevenuFiscal().getAnneeN2()),
                        entier(p + "revenuFiscal.anneeN1", x.getRevenuFiscal().getAnneeN1())),
                x.getLogementActuel() == null ? null : new LogementActuel(
                        code(p + "logementActuel.statut", x.getLogementActuel().getStatut(), StatutLogement.class),
                        montant(p + "logementActuel.loyer", x.getLogementActuel().getLoyer()),
                        entier(p + "logementActuel.surface", x.getLogementActuel().getSurface()),
                        typologie(p + "logementActuel.typologie", x.getLogementActuel().getTypologie()),
                        entier(p + "logementActuel.nombreOccupants", x.getLogementActuel().getNombreOccupants())),
                liste(x.getMotifs(), p + "motifs", (c, m) -> code(c, m, Motif.class)),
                x.getLogementRecherche() == null ? null : recherche(p + "logementRecherche.", x.getLogementRecherche()),
                x.getHandicap() == null ? null : new Handicap(
                        booleen(p + "handicap.personneHandicapee", x.getHandicap().getPersonneHandicapee()),
                        booleen(p + "handicap.mobiliteReduite", x.getHandicap().getMobiliteReduite()),
                        booleen(p + "handicap.fauteuilRoulant", x.getHandicap().getFauteuilRoulant()),
                        x.getHandicap().getBesoins()));
    }

    DemandeRadiation radiation(org.registrehub.soap.internal.v1.DemandeRadiation x) {
        if (x == null) {
            return null;
        }
        var a = x.getAttribution();
        return new DemandeRadiation(code("radiation.motif", x.getMotif(), MotifRadiation.class),
                a == null ? null : new Attribution(a.getBailleur(), a.getIdentifiantRpls(), a.getReservataire(),
                        booleen("radiation.attribution.dalo", a.getDalo())),
                code("radiation.motifIrrecevabilite", x.getMotifIrrecevabilite(), MotifIrrecevabilite.class),
                x.getCommentaire());
    }

    private Personne personne(String p, org.registrehub.soap.internal.v1.Personne x) {
        if (x == null) {
            return null;
        }
        return new Personne(x.getNom(), x.getPrenoms(), date(p + "dateNaissance", x.getDateNaissance()),
                x.getLieuNaissance(), code(p + "sexe", x.getSexe(), Sexe.class), x.getNationalite(), x.getNir(),
                code(p + "situationProfessionnelle", x.getSituationProfessionnelle(), SituationProfessionnelle.class),
                x.getEmployeur());
    }

    private static Contact contact(org.registrehub.soap.internal.v1.Contact c) {
        return c == null ? null : new Contact(c.getAdresse(), c.getCodePostal(), c.getVille(), c.getTelephone(),
                c.getEmail());
    }

    private LogementRecherche recherche(String p, org.registrehub.soap.internal.v1.LogementRecherche r) {
        return new LogementRecherche(liste(r.getTypologies(), p + "typologies", this::typologie),
                new ArrayList<>(r.getCommunes()), montant(p + "loyerMax", r.getLoyerMax()),
                booleen(p + "ascenseur", r.getAscenseur()), booleen(p + "rezDeChaussee", r.getRezDeChaussee()),
                booleen(p + "parking", r.getParking()));
    }

    private interface Element<X, T> {
        T lire(String chemin, X element);
    }

    private <X, T> List<T> liste(List<X> elements, String chemin, Element<X, T> lecture) {
        List<T> liste = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            liste.add(lecture.lire(chemin + "[" + i + "]", elements.get(i)));
        }
        return liste;
    }

    private LocalDate date(String champ, String valeur) {
        return lire(champ, valeur, v -> LocalDate.parse(v), "format", "date invalide ; format attendu AAAA-MM-JJ");
    }

    private Typologie typologie(String champ, String valeur) {
        if (vide(valeur)) {
            return null;
        }
        return Typologie.parse(valeur).orElseGet(() -> {
            erreurs.add(new ErreurChamp(champ, "valeur-autorisee", valeur, "valeur non autorisée ; valeurs permises : "
                    + permises(Typologie.class)));
            return null;
        });
    }

    private <E extends Enum<E>> E code(String champ, String valeur, Class<E> type) {
        return lire(champ, valeur, v -> Enum.valueOf(type, v), "valeur-autorisee",
                "valeur non autorisée ; valeurs permises : " + permises(type));
    }

    private BigDecimal montant(String champ, String valeur) {
        return lire(champ, valeur, BigDecimal::new, "format", "montant en euros attendu, point décimal (ex. 1850.50)");
    }

    private Integer entier(String champ, String valeur) {
        return lire(champ, valeur, Integer::valueOf, "format", "nombre entier attendu");
    }

    private boolean booleen(String champ, String valeur) {
        Boolean b = lire(champ, valeur, v -> {
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException(v);
            }
            return Boolean.valueOf(v);
        }, "format", "true ou false attendu");
        return Boolean.TRUE.equals(b);
    }

    private <T> T lire(String champ, String valeur, Function<String, T> conversion, String regle, String message) {
        if (vide(valeur)) {
            return null;
        }
        try {
            return conversion.apply(valeur.strip());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            erreurs.add(new ErreurChamp(champ, regle, valeur, message));
            return null;
        }
    }

    private static boolean vide(String valeur) {
        return valeur == null || valeur.isBlank();
    }

    private static String permises(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    // ------------------------------------------------------------------ API -> XML

    org.registrehub.soap.internal.v1.Demande ecrire(org.registrehub.api.Demande d) {
        var x = new org.registrehub.soap.internal.v1.Demande();
        x.setNumeroUnique(d.numeroUnique());
        x.setStatut(d.statut().name());
        x.setGuichet(d.guichet());
        x.setTerritoire(d.territoire());
        x.setDateDepot(date(d.dateDepot()));
        x.setDateValidite(date(d.dateValidite()));
        x.setDateDernierRenouvellement(d.dateDernierRenouvellement() == null ? null
                : date(d.dateDernierRenouvellement()));
        if (d.radiation() != null) {
            Radiation r = d.radiation();
            var xr = new org.registrehub.soap.internal.v1.Radiation();
            xr.setMotif(r.motif().name());
            xr.setDate(date(r.date()));
            if (r.attribution() != null) {
                var a = new org.registrehub.soap.internal.v1.Attribution();
                a.setBailleur(r.attribution().bailleur());
                a.setIdentifiantRpls(r.attribution().identifiantRpls());
                a.setReservataire(r.attribution().reservataire());
                a.setDalo(String.valueOf(r.attribution().dalo()));
                xr.setAttribution(a);
            }
            xr.setMotifIrrecevabilite(texte(r.motifIrrecevabilite()));
            xr.setCommentaire(r.commentaire());
            x.setRadiation(xr);
        }
        x.setVersion(d.version());
        x.setDossier(ecrire(d.dossier()));
        return x;
    }

    org.registrehub.soap.internal.v1.EntreeHistorique ecrire(EntreeHistorique e) {
        var x = new org.registrehub.soap.internal.v1.EntreeHistorique();
        x.setVersion(e.version());
        x.setHorodatage(datatypes.newXMLGregorianCalendar(GregorianCalendar.from(
                e.horodatage().atZone(ZoneOffset.UTC))));
        x.setOperation(e.operation().name());
        x.setActeur(e.acteur());
        x.setCanal(e.canal().name());
        for (Changement c : e.changements()) {
            var xc = new org.registrehub.soap.internal.v1.Changement();
            xc.setChamp(c.champ());
            xc.setAvant(c.avant());
            xc.setApres(c.apres());
            x.getChangement().add(xc);
        }
        x.setCommentaire(e.commentaire());
        return x;
    }

    org.registrehub.soap.internal.v1.Doublon ecrire(org.registrehub.api.Doublon d) {
        var x = new org.registrehub.soap.internal.v1.Doublon();
        x.setNumeroUnique(d.numeroUnique());
        x.setCritere(d.critere());
        x.setGuichet(d.guichet());
        x.setDateDepot(date(d.dateDepot()));
        return x;
    }

    org.registrehub.soap.internal.v1.Piece ecrire(org.registrehub.api.dossier.Piece p) {
        org.registrehub.soap.internal.v1.Piece x = new org.registrehub.soap.internal.v1.Piece();
        x.setId(p.id());
        x.setNumeroUnique(p.numeroUnique());
        x.setCategorie(org.registrehub.soap.internal.v1.CategoriePiece.fromValue(p.categorie().name()));
        x.setNomFichier(p.nomFichier());
        x.setTypeMedia(p.typeMedia());
        x.setTaille(p.taille());
        x.setSha256(p.sha256());
        x.setDeposeLe(datatypes.newXMLGregorianCalendar(GregorianCalendar.from(p.deposeLe().atZone(ZoneOffset.UTC))));
        x.setDeposePar(p.deposePar());
        return x;
    }

    private XMLGregorianCalendar date(LocalDate date) {
        return datatypes.newXMLGregorianCalendarDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
                DatatypeConstants.FIELD_UNDEFINED);
    }

    private static org.registrehub.soap.internal.v1.Dossier ecrire(Dossier d) {
        var x = new org.registrehub.soap.internal.v1.Dossier();
        x.setDemandeur(ecrire(d.demandeur()));
        if (d.coDemandeur() != null) {
            var co = new org.registrehub.soap.internal.v1.CoDemandeur();
            co.setPersonne(ecrire(d.coDemandeur().personne()));
            co.setLien(texte(d.coDemandeur().lien()));
            x.setCoDemandeur(co);
        }
        for (PersonneACharge p : nonNul(d.personnesACharge())) {
            var e = new org.registrehub.soap.internal.v1.PersonneACharge();
            e.setNom(p.nom());
            e.setPrenoms(p.prenoms());
            e.setDateNaissance(texte(p.dateNaissance()));
            e.setSexe(texte(p.sexe()));
            e.setLien(texte(p.lien()));
            x.getPersonnesACharge().add(e);
        }
        if (d.contact() != null) {
            var c = new org.registrehub.soap.internal.v1.Contact();
            c.setAdresse(d.contact().adresse());
            c.setCodePostal(d.contact().codePostal());
            c.setVille(d.contact().ville());
            c.setTelephone(d.contact().telephone());
            c.setEmail(d.contact().email());
            x.setContact(c);
        }
        x.setSituationFamiliale(texte(d.situationFamiliale()));
        for (Ressource r : nonNul(d.ressources())) {
            var e = new org.registrehub.soap.internal.v1.Ressource();
            e.setBeneficiaire(texte(r.beneficiaire()));
            e.setRang(texte(r.rang()));
            e.setType(texte(r.type()));
            e.setMontantMensuel(r.montantMensuel() == null ? null : r.montantMensuel().toPlainString());
            x.getRessources().add(e);
        }
        if (d.revenuFiscal() != null) {
            var r = new org.registrehub.soap.internal.v1.RevenuFiscal();
            r.setAnneeN2(texte(d.revenuFiscal().anneeN2()));
            r.setAnneeN1(texte(d.revenuFiscal().anneeN1()));
            x.setRevenuFiscal(r);
        }
        if (d.logementActuel() != null) {
            var l = new org.registrehub.soap.internal.v1.LogementActuel();
            l.setStatut(texte(d.logementActuel().statut()));
            l.setLoyer(d.logementActuel().loyer() == null ? null : d.logementActuel().loyer().toPlainString());
            l.setSurface(texte(d.logementActuel().surface()));
            l.setTypologie(texte(d.logementActuel().typologie()));
            l.setNombreOccupants(texte(d.logementActuel().nombreOccupants()));
            x.setLogementActuel(l);
        }
        nonNul(d.motifs()).forEach(m -> x.getMotifs().add(texte(m)));
        if (d.logementRecherche() != null) {
            LogementRecherche r = d.logementRecherche();
            var l = new org.registrehub.soap.internal.v1.LogementRecherche();
            nonNul(r.typologies()).forEach(t -> l.getTypologies().add(texte(t)));
            l.getCommunes().addAll(nonNul(r.communes()));
            l.setLoyerMax(r.loyerMax() == null ? null : r.loyerMax().toPlainString());
            l.setAscenseur(String.valueOf(r.ascenseur()));
            l.setRezDeChaussee(String.valueOf(r.rezDeChaussee()));
            l.setParking(String.valueOf(r.parking()));
            x.setLogementRecherche(l);
        }
        if (d.handicap() != null) {
            var h = new org.registrehub.soap.internal.v1.Handicap();
            h.setPersonneHandicapee(String.valueOf(d.handicap().personneHandicapee()));
            h.setMobiliteReduite(String.valueOf(d.handicap().mobiliteReduite()));
            h.setFauteuilRoulant(String.valueOf(d.handicap().fauteuilRoulant()));
            h.setBesoins(d.handicap().besoins());
            x.setHandicap(h);
        }
        return x;
    }

    private static org.registrehub.soap.internal.v1.Personne ecrire(Personne p) {
        if (p == null) {
            return null;
        }
        var x = new org.registrehub.soap.internal.v1.Personne();
        x.setNom(p.nom());
        x.setPrenoms(p.prenoms());
        x.setDateNaissance(texte(p.dateNaissance()));
        x.setLieuNaissance(p.lieuNaissance());
        x.setSexe(texte(p.sexe()));
        x.setNationalite(p.nationalite());
        x.setNir(p.nir());
        x.setSituationProfessionnelle(texte(p.situationProfessionnelle()));
        x.setEmployeur(p.employeur());
        return x;
    }

    private static String texte(Object valeur) {
        if (valeur instanceof Enum<?> e) {
            return e.name();
        }
        return valeur == null ? null : valeur.toString();
    }

    private static <T> List<T> nonNul(List<T> liste) {
        return liste == null ? List.of() : liste;
    }

    /** A demand's cotation as the contract writes it. */
    org.registrehub.soap.internal.v1.Cotation ecrire(org.registrehub.api.attribution.CotationDemande c) {
        org.registrehub.soap.internal.v1.Cotation x = new org.registrehub.soap.internal.v1.Cotation();
        x.setNumeroUnique(c.numeroUnique());
        x.setJour(date(c.jour()));
        x.setTerritoireGrille(c.territoireGrille());
        x.setVersionGrille(c.versionGrille());
        x.setPoints(c.points());
        for (org.registrehub.api.attribution.PointsCritere p : c.detail()) {
            org.registrehub.soap.internal.v1.PointsCritere y = new org.registrehub.soap.internal.v1.PointsCritere();
            y.setCode(p.code());
            y.setLibelle(p.libelle());
            y.setPoints(p.points());
            x.getCritere().add(y);
        }
        x.setCommune(c.commune());
        x.setTypologie(c.typologie());
        x.setPosition(c.position());
        x.setDemandesComparees(c.demandesComparees());
        x.setAttributionsSimilaires(c.attributionsSimilaires());
        x.setDelaiMoyenMois(c.delaiMoyenMois());
        return x;
    }
}
