package org.registrehub.soap.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import org.registrehub.api.Canal;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreService;
import org.registrehub.api.Typologie;
import org.registrehub.soap.internal.v1.Demande;
import org.registrehub.soap.internal.v1.DetailErreur;
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
    private final DatatypeFactory datatypes;

    public RegistreSoap(RegistreService registre) {
        this.registre = registre;
        try {
            this.datatypes = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Demande enregistrerDemande(SaisieDemande saisie) throws ErreurRegistreFault {
        List<ErreurChamp> erreursLecture = new ArrayList<>();
        NouvelleDemande demande = saisie == null ? null : lire(saisie, erreursLecture);
        try {
            return versSoap(registre.enregistrer(demande, Canal.SOAP));
        } catch (DemandeInvalideException e) {
            throw faute(new DemandeInvalideException(fusionner(erreursLecture, e.getErreurs())));
        } catch (RuntimeException e) {
            throw faute(e);
        }
    }

    @Override
    public Demande consulterDemande(String numeroUnique) throws ErreurRegistreFault {
        try {
            return versSoap(registre.consulter(numeroUnique)
                    .orElseThrow(() -> new DemandeIntrouvableException(numeroUnique)));
        } catch (RuntimeException e) {
            throw faute(e);
        }
    }

    private static NouvelleDemande lire(SaisieDemande s, List<ErreurChamp> erreurs) {
        LocalDate naissance = null;
        if (s.getDateNaissance() != null && !s.getDateNaissance().isBlank()) {
            try {
                naissance = LocalDate.parse(s.getDateNaissance().strip());
            } catch (DateTimeParseException e) {
                erreurs.add(new ErreurChamp("dateNaissance", "format", s.getDateNaissance(),
                        "date invalide ; format attendu AAAA-MM-JJ"));
            }
        }
        Typologie typologie = null;
        if (s.getTypologie() != null && !s.getTypologie().isBlank()) {
            typologie = Typologie.parse(s.getTypologie()).orElse(null);
            if (typologie == null) {
                erreurs.add(new ErreurChamp("typologie", "valeur-autorisee", s.getTypologie(),
                        "valeur non autorisée ; valeurs permises : CHAMBRE, T1, T2, T3, T4, T5, T6_PLUS"));
            }
        }
        return new NouvelleDemande(s.getNom(), s.getPrenom(), naissance, s.getCommune(), typologie, s.getGuichet());
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

    private Demande versSoap(org.registrehub.api.Demande d) {
        Demande s = new Demande();
        s.setNumeroUnique(d.numeroUnique());
        s.setNom(d.nom());
        s.setPrenom(d.prenom());
        s.setDateNaissance(date(d.dateNaissance()));
        s.setCommune(d.commune());
        s.setTypologie(d.typologie().name());
        s.setGuichet(d.guichet());
        s.setDateDepot(date(d.dateDepot()));
        s.setStatut(d.statut().name());
        s.setVersion(d.version());
        return s;
    }

    private XMLGregorianCalendar date(LocalDate date) {
        return datatypes.newXMLGregorianCalendarDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
                DatatypeConstants.FIELD_UNDEFINED);
    }
}
