package org.registrehub.simulators.national;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.annotation.Resource;
import javax.jws.WebService;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.ws.Holder;
import javax.xml.ws.WebServiceContext;
import javax.xml.ws.handler.MessageContext;

import org.registrehub.simulators.national.StockageNational.Fait;
import org.registrehub.simulators.national.StockageNational.Issue;
import org.registrehub.simulators.national.StockageNational.Ligne;
import org.registrehub.simulators.national.v1.Accuse;
import org.registrehub.simulators.national.v1.DemandeNationale;
import org.registrehub.simulators.national.v1.Demandeur;
import org.registrehub.simulators.national.v1.Doublon;
import org.registrehub.simulators.national.v1.ErreurNational;
import org.registrehub.simulators.national.v1.ErreurNationalFault;
import org.registrehub.simulators.national.v1.EtatNational;
import org.registrehub.simulators.national.v1.MotifRadiation;
import org.registrehub.simulators.national.v1.Mouvement;
import org.registrehub.simulators.national.v1.RadiationNationale;
import org.registrehub.simulators.national.v1.RecoursDalo;
import org.registrehub.simulators.national.v1.RegistreNationalPortType;
import org.registrehub.simulators.national.v1.Statut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The national contract ({@code docs/national/registre-national-v1.wsdl}) on the simulator's storage. The caller is
 * named by its HTTP Basic login (the origin of what it does); the pulls never list a caller's own acts.
 */
@WebService(serviceName = "RegistreNational", portName = "RegistreNationalPort",
        targetNamespace = "urn:registrehub:national:v1", wsdlLocation = "classpath:wsdl/registre-national-v1.wsdl",
        endpointInterface = "org.registrehub.simulators.national.v1.RegistreNationalPortType")
public class ServiceNational implements RegistreNationalPortType {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceNational.class);
    private static final int MAX_LISTE = 1000;

    private final StockageNational stockage;
    private final Comportement comportement;
    private final DatatypeFactory xml;
    private final java.util.Set<String> attribues = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Resource
    private WebServiceContext contexte;

    public ServiceNational(StockageNational stockage, Comportement comportement) {
        this.stockage = stockage;
        this.comportement = comportement;
        try {
            this.xml = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether this simulator handed out the number (obtenirNumero), as opposed to learning it from a movement. */
    boolean aAttribue(String numero) {
        return attribues.contains(numero);
    }

    @Override
    public String obtenirNumero(String territoire, String guichet, XMLGregorianCalendar dateDepot, Demandeur demandeur)
            throws ErreurNationalFault {
        entree();
        LocalDate depot = date(dateDepot);
        String moisAnnee = depot.format(DateTimeFormatter.ofPattern("MMyy"));
        try {
            long sequence = stockage.suivant(territoire, moisAnnee);
            String numero = territoire + moisAnnee + String.format("%06d", sequence) + guichet;
            stockage.reserver(new Ligne(numero, null, null, territoire, guichet, depot, null, demandeur.getNom(),
                    demandeur.getPrenoms(), date(demandeur.getDateNaissance()), demandeur.getNir(), null, null,
                    appelant()));
            attribues.add(numero);
            LOG.info("numéro national {} attribué à {}", numero, appelant());
            return numero;
        } catch (SQLException e) {
            throw interne(e);
        }
    }

    @Override
    public Accuse transmettreMouvement(Mouvement m) throws ErreurNationalFault {
        entree();
        if (m.getDemandeur() == null || m.getDateDepot() == null || m.getEvenementId() == null) {
            throw faute("MOUVEMENT_INVALIDE", "mouvement incomplet : evenementId, dateDepot et demandeur sont requis");
        }
        Demandeur d = m.getDemandeur();
        Ligne l = new Ligne(m.getNumeroUnique(), m.getStatut().value(), m.getVersion(), m.getTerritoire(),
                m.getGuichet(), date(m.getDateDepot()), date(m.getDateValidite()), d.getNom(), d.getPrenoms(),
                date(d.getDateNaissance()), d.getNir(), m.getMotifRadiation() == null ? null
                : m.getMotifRadiation().value(), date(m.getDateRadiation()), appelant());
        try {
            Issue issue = stockage.appliquer(m.getEvenementId(), m.getType().value(), l, appelant());
            switch (issue) {
                case INCONNUE:
                    throw faute("DEMANDE_INCONNUE", "demande " + m.getNumeroUnique()
                            + " inconnue du registre national : son enregistrement doit être transmis d'abord");
                case ORDRE:
                    throw faute("ORDRE", "mouvement " + m.getType() + " de la demande " + m.getNumeroUnique()
                            + " en version " + m.getVersion() + " : le registre national connaît déjà une version"
                            + " égale ou plus récente");
                case DEJA_RECU:
                    return Accuse.DEJA_RECU;
                default:
                    return Accuse.ACCEPTE;
            }
        } catch (SQLException e) {
            throw interne(e);
        }
    }

    @Override
    public DemandeNationale lireDemande(String numeroUnique) throws ErreurNationalFault {
        entree();
        try {
            Ligne l = stockage.lire(numeroUnique).orElseThrow(() -> faute("DEMANDE_INCONNUE",
                    "demande " + numeroUnique + " inconnue du registre national"));
            DemandeNationale d = new DemandeNationale();
            d.setNumeroUnique(l.numeroUnique());
            d.setStatut(l.statut() == null ? Statut.ACTIVE : Statut.fromValue(l.statut()));
            d.setVersion(l.version() == null ? 0 : l.version());
            d.setTerritoire(l.territoire());
            d.setGuichet(l.guichet());
            d.setDateDepot(xml(l.dateDepot()));
            d.setDateValidite(xml(l.dateValidite()));
            Demandeur dem = new Demandeur();
            dem.setNom(l.nom());
            dem.setPrenoms(l.prenoms());
            dem.setDateNaissance(xml(l.dateNaissance()));
            dem.setNir(l.nir());
            d.setDemandeur(dem);
            d.setMotifRadiation(l.motifRadiation() == null ? null : MotifRadiation.fromValue(l.motifRadiation()));
            d.setDateRadiation(xml(l.dateRadiation()));
            d.setOrigine(l.origine());
            return d;
        } catch (SQLException e) {
            throw interne(e);
        }
    }

    @Override
    public void listerRadiations(String territoire, XMLGregorianCalendar depuis, int max,
                                 Holder<List<RadiationNationale>> radiation, Holder<Boolean> plusDeResultats)
            throws ErreurNationalFault {
        page(faits("RADIATION", territoire, depuis, max), max, radiation, plusDeResultats, f -> {
            RadiationNationale r = new RadiationNationale();
            r.setNumeroUnique(f.numeroUnique());
            r.setMotif(MotifRadiation.fromValue(f.valeur()));
            r.setDateRadiation(xml(f.date()));
            r.setOrigine(f.origine());
            r.setCommentaire(f.detail());
            if (f.bail() != null) {
                org.registrehub.simulators.national.v1.Attribution a = new org.registrehub.simulators.national.v1.Attribution();
                a.setBailleur(f.bail().bailleur());
                a.setIdentifiantRpls(f.bail().identifiantRpls());
                a.setReservataire(f.bail().reservataire());
                a.setDalo(f.bail().dalo());
                r.setAttribution(a);
            }
            r.setMotifIrrecevabilite(f.motifIrrecevabilite());
            r.setHorodatage(xml(f.horodatage()));
            return r;
        });
    }

    /** One page of facts: at most {@code max} of the facts read (one more was read to know if more follow). */
    private static <T> void page(List<Fait> faits, int max, Holder<List<T>> elements, Holder<Boolean> suite,
                                 java.util.function.Function<Fait, T> conversion) {
        elements.value = new ArrayList<>(faits.subList(0, Math.min(faits.size(), borne(max))).stream()
                .map(conversion).toList());
        suite.value = faits.size() > borne(max);
    }

    @Override
    public void listerDoublons(String territoire, XMLGregorianCalendar depuis, int max, Holder<List<Doublon>> doublon,
                               Holder<Boolean> plusDeResultats) throws ErreurNationalFault {
        page(faits("DOUBLON", territoire, depuis, max), max, doublon, plusDeResultats, f -> {
            Doublon d = new Doublon();
            d.setNumeroUnique(f.numeroUnique());
            d.setNumeroDoublon(f.valeur());
            d.setCritere(f.detail());
            d.setHorodatage(xml(f.horodatage()));
            return d;
        });
    }

    @Override
    public Accuse declarerRecoursDalo(String numeroUnique, XMLGregorianCalendar dateRecours, String decision,
                                      String origine) throws ErreurNationalFault {
        entree();
        try {
            if (stockage.lire(numeroUnique).isEmpty()) {
                throw faute("DEMANDE_INCONNUE", "demande " + numeroUnique + " inconnue du registre national");
            }
            stockage.fait("DALO", numeroUnique, decision, origine, date(dateRecours), appelant());
            return Accuse.ACCEPTE;
        } catch (SQLException e) {
            throw interne(e);
        }
    }

    @Override
    public void listerRecoursDalo(String territoire, XMLGregorianCalendar depuis, int max,
                                  Holder<List<RecoursDalo>> recours, Holder<Boolean> plusDeResultats)
            throws ErreurNationalFault {
        page(faits("DALO", territoire, depuis, max), max, recours, plusDeResultats, f -> {
            RecoursDalo r = new RecoursDalo();
            r.setNumeroUnique(f.numeroUnique());
            r.setDateRecours(xml(f.date()));
            r.setDecision(f.valeur());
            r.setOrigine(f.detail() == null ? f.origine() : f.detail());
            r.setHorodatage(xml(f.horodatage()));
            return r;
        });
    }

    @Override
    public void listerEtats(String territoire, String apres, int max, Holder<List<EtatNational>> etat,
                            Holder<Boolean> plusDeResultats) throws ErreurNationalFault {
        entree();
        try {
            List<Ligne> lignes = stockage.etats(territoire, apres, borne(max) + 1);
            List<EtatNational> liste = new ArrayList<>();
            for (Ligne l : lignes.subList(0, Math.min(lignes.size(), borne(max)))) {
                EtatNational e = new EtatNational();
                e.setNumeroUnique(l.numeroUnique());
                e.setStatut(Statut.fromValue(l.statut()));
                e.setVersion(l.version());
                liste.add(e);
            }
            etat.value = liste;
            plusDeResultats.value = lignes.size() > borne(max);
        } catch (SQLException e) {
            throw interne(e);
        }
    }

    private List<Fait> faits(String nature, String territoire, XMLGregorianCalendar depuis, int max)
            throws ErreurNationalFault {
        entree();
        if (depuis == null) {
            throw faute("MOUVEMENT_INVALIDE", "depuis est requis");
        }
        try {
            return stockage.faits(nature, territoire, instant(depuis), appelant(),
                    borne(max) + 1);
        } catch (SQLException e) {
            throw interne(e);
        }
    }

    private static int borne(int max) {
        return Math.max(1, Math.min(max, MAX_LISTE));
    }

    /** Error mode: a SOAP fault (slow and down modes are applied before, by the simulator's HTTP filter). */
    private void entree() throws ErreurNationalFault {
        if (comportement.enErreur()) {
            throw faute("ERREUR_INTERNE", "erreur interne du registre national (simulée)");
        }
    }

    /** The caller's login (HTTP Basic), the origin of what it does. */
    private String appelant() {
        if (contexte == null) {
            return "anonyme";
        }
        @SuppressWarnings("unchecked")
        Map<String, List<String>> entetes = (Map<String, List<String>>) contexte.getMessageContext()
                .get(MessageContext.HTTP_REQUEST_HEADERS);
        if (entetes != null) {
            for (Map.Entry<String, List<String>> e : entetes.entrySet()) {
                if ("authorization".equalsIgnoreCase(e.getKey()) && !e.getValue().isEmpty()
                        && e.getValue().get(0).startsWith("Basic ")) {
                    String decode = new String(Base64.getDecoder().decode(e.getValue().get(0).substring(6).trim()),
                            StandardCharsets.UTF_8);
                    return decode.contains(":") ? decode.substring(0, decode.indexOf(':')) : decode;
                }
            }
        }
        return "anonyme";
    }

    private static ErreurNationalFault faute(String code, String message) {
        ErreurNational e = new ErreurNational();
        e.setCode(code);
        e.setMessage(message);
        return new ErreurNationalFault(message, e);
    }

    private static ErreurNationalFault interne(SQLException e) {
        LOG.error("stockage du simulateur national", e);
        return faute("ERREUR_INTERNE", "stockage du registre national indisponible : " + e.getMessage());
    }

    /** An xs:dateTime to the microsecond (the calendar's own conversion drops what is below the millisecond). */
    static Instant instant(XMLGregorianCalendar c) {
        String texte = c.toXMLFormat();
        return c.getTimezone() == javax.xml.datatype.DatatypeConstants.FIELD_UNDEFINED
                ? java.time.LocalDateTime.parse(texte).toInstant(ZoneOffset.UTC)
                : java.time.OffsetDateTime.parse(texte).toInstant();
    }

    static LocalDate date(XMLGregorianCalendar c) {
        return c == null ? null : LocalDate.of(c.getYear(), c.getMonth(), c.getDay());
    }

    private XMLGregorianCalendar xml(LocalDate d) {
        return d == null ? null : xml.newXMLGregorianCalendar(d.toString());
    }

    private XMLGregorianCalendar xml(Instant i) {
        return xml.newXMLGregorianCalendar(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.atOffset(ZoneOffset.UTC)));
    }
}
