package org.registrehub.national.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.ws.Holder;
import javax.xml.ws.WebServiceException;

import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.registrehub.api.Attribution;
import org.registrehub.api.Demande;
import org.registrehub.api.MotifIrrecevabilite;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.Personne;
import org.registrehub.api.Statut;
import org.registrehub.api.national.DoublonNational;
import org.registrehub.api.national.EtatNational;
import org.registrehub.api.national.MouvementNational;
import org.registrehub.api.national.Page;
import org.registrehub.api.national.RadiationNationale;
import org.registrehub.api.national.RecoursDalo;
import org.registrehub.api.national.RefusNationalException;
import org.registrehub.api.national.RegistreNationalIndisponibleException;
import org.registrehub.api.planification.Duree;
import org.registrehub.national.internal.v1.Accuse;
import org.registrehub.national.internal.v1.Demandeur;
import org.registrehub.national.internal.v1.Doublon;
import org.registrehub.national.internal.v1.ErreurNationalFault;
import org.registrehub.national.internal.v1.Mouvement;
import org.registrehub.national.internal.v1.RegistreNationalPortType;
import org.registrehub.national.internal.v1.TypeMouvement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * The national register's SOAP client (contract {@code docs/national/registre-national-v1.wsdl}), behind a circuit
 * breaker: after repeated failures it stops calling the national side for a while and fails at once (numbering,
 * sending and pulls then report "registre national indisponible" without waiting for timeouts), then lets one call
 * through to see whether it is back. HTTP errors, timeouts and the national fault ERREUR_INTERNE count as failures;
 * the other national faults are refusals of the request, not of the service.
 */
public class ClientNational implements org.registrehub.api.national.RegistreNational {

    private static final Logger LOG = LoggerFactory.getLogger(ClientNational.class);

    private final RegistreNationalPortType port;
    private final CircuitBreaker disjoncteur;
    private final String adresse;
    private final DatatypeFactory xml;

    /**
     * @param adresse        URL of the national SOAP endpoint
     * @param utilisateur    the hub's login on the national register (HTTP Basic), empty for none
     * @param connexionSecondes connection timeout in seconds (key national.connexionSecondes, decimal allowed)
     * @param reponseSecondes   reply timeout in seconds (key national.reponseSecondes)
     * @param seuilEchecs    failure rate (%) over the last {@code fenetre} calls that opens the circuit
     * @param ouvertSecondes how long the open circuit refuses calls before it tries one again
     */
    public ClientNational(String adresse, String utilisateur, String motDePasse, String connexionSecondes,
                          String reponseSecondes, int seuilEchecs, int fenetre, long ouvertSecondes) {
        this.adresse = adresse;
        try {
            this.xml = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
        this.port = configure() ? creerPort(adresse, utilisateur, motDePasse,
                Duree.millisecondes("national.connexionSecondes", connexionSecondes),
                Duree.millisecondes("national.reponseSecondes", reponseSecondes)) : null;
        this.disjoncteur = CircuitBreaker.of("registre-national", CircuitBreakerConfig.custom()
                .failureRateThreshold(seuilEchecs)
                .slidingWindowSize(fenetre)
                .minimumNumberOfCalls(Math.min(fenetre, 3))
                .waitDurationInOpenState(Duration.ofSeconds(ouvertSecondes))
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(e -> e instanceof RegistreNationalIndisponibleException)
                .build());
        disjoncteur.getEventPublisher().onStateTransition(t -> LOG.warn("Registre national ({}) : circuit {} -> {}",
                adresse, t.getStateTransition().getFromState(), t.getStateTransition().getToState()));
    }

    private static RegistreNationalPortType creerPort(String adresse, String utilisateur, String motDePasse,
                                                      long connexionMs, long reponseMs) {
        Thread thread = Thread.currentThread();
        ClassLoader avant = thread.getContextClassLoader();
        thread.setContextClassLoader(ClientNational.class.getClassLoader());
        try {
            JaxWsProxyFactoryBean fabrique = new JaxWsProxyFactoryBean();
            fabrique.setServiceClass(RegistreNationalPortType.class);
            fabrique.setAddress(adresse);
            fabrique.setWsdlURL(ClientNational.class.getResource("/wsdl/registre-national-v1.wsdl").toString());
            RegistreNationalPortType port = (RegistreNationalPortType) fabrique.create();
            Client client = ClientProxy.getClient(port);
            HTTPConduit conduit = (HTTPConduit) client.getConduit();
            HTTPClientPolicy politique = new HTTPClientPolicy();
            politique.setConnectionTimeout(connexionMs);
            politique.setReceiveTimeout(reponseMs);
            politique.setAllowChunking(false);
            conduit.setClient(politique);
            if (utilisateur != null && !utilisateur.isBlank()) {
                AuthorizationPolicy auth = new AuthorizationPolicy();
                auth.setUserName(utilisateur);
                auth.setPassword(motDePasse);
                auth.setAuthorizationType("Basic");
                conduit.setAuthorization(auth);
            }
            return port;
        } finally {
            thread.setContextClassLoader(avant);
        }
    }

    /** False when no national URL is set: nothing is sent nor pulled, the numbering cannot be national. */
    public boolean configure() {
        return adresse != null && !adresse.isBlank();
    }

    /** State of the circuit breaker: CLOSED, OPEN or HALF_OPEN. */
    public String circuit() {
        return configure() ? disjoncteur.getState().name() : "NON_CONFIGURE";
    }

    public String adresse() {
        return adresse;
    }

    @Override
    public String obtenirNumero(String territoire, String guichet, LocalDate dateDepot, Personne demandeur) {
        return appeler("obtention d'un numéro national", () -> port.obtenirNumero(territoire, guichet,
                xml(dateDepot), demandeur(demandeur)));
    }

    @Override
    public boolean transmettre(MouvementNational m) {
        return appeler("transmission du mouvement " + m.evenementId(),
                () -> port.transmettreMouvement(mouvement(m))) == Accuse.ACCEPTE;
    }

    @Override
    public Page<RadiationNationale> radiations(String territoire, Instant depuis, int max) {
        return this.<org.registrehub.national.internal.v1.RadiationNationale, RadiationNationale>lister(
                "liste des radiations", (l, s) -> port.listerRadiations(territoire, xml(depuis), max, l, s),
                n -> new RadiationNationale(n.getNumeroUnique(), MotifRadiation.valueOf(n.getMotif().value()),
                        date(n.getDateRadiation()), n.getOrigine(), n.getCommentaire(),
                        n.getAttribution() == null ? null : new Attribution(n.getAttribution().getBailleur(),
                                n.getAttribution().getIdentifiantRpls(), n.getAttribution().getReservataire(),
                                n.getAttribution().isDalo()),
                        n.getMotifIrrecevabilite() == null ? null
                                : MotifIrrecevabilite.valueOf(n.getMotifIrrecevabilite()),
                        instant(n.getHorodatage())));
    }

    @Override
    public Page<DoublonNational> doublons(String territoire, Instant depuis, int max) {
        return this.<Doublon, DoublonNational>lister("liste des doublons", (l, s) -> port.listerDoublons(territoire, xml(depuis), max, l, s),
                d -> new DoublonNational(d.getNumeroUnique(), d.getNumeroDoublon(), d.getCritere(),
                        instant(d.getHorodatage())));
    }

    @Override
    public Page<RecoursDalo> recoursDalo(String territoire, Instant depuis, int max) {
        return this.<org.registrehub.national.internal.v1.RecoursDalo, RecoursDalo>lister(
                "liste des recours DALO", (l, s) -> port.listerRecoursDalo(territoire, xml(depuis), max, l, s),
                d -> new RecoursDalo(d.getNumeroUnique(), date(d.getDateRecours()), d.getDecision(), d.getOrigine(),
                        instant(d.getHorodatage())));
    }

    @Override
    public Page<EtatNational> etats(String territoire, String apres, int max) {
        return this.<org.registrehub.national.internal.v1.EtatNational, EtatNational>lister(
                "états nationaux", (l, s) -> port.listerEtats(territoire, apres, max, l, s),
                e -> new EtatNational(e.getNumeroUnique(), Statut.valueOf(e.getStatut().value()), e.getVersion()));
    }

    /** A national list call: its page of elements and whether more follow come back in the two holders. */
    @FunctionalInterface
    private interface ListeSoap<T> {
        void appeler(Holder<List<T>> elements, Holder<Boolean> suite) throws ErreurNationalFault;
    }

    private <T, R> Page<R> lister(String quoi, ListeSoap<T> liste, java.util.function.Function<T, R> conversion) {
        Holder<List<T>> elements = new Holder<>();
        Holder<Boolean> suite = new Holder<>();
        appeler(quoi, () -> {
            liste.appeler(elements, suite);
            return null;
        });
        return new Page<>(valeurs(elements).stream().map(conversion).toList(), Boolean.TRUE.equals(suite.value));
    }

    private static <T> List<T> valeurs(Holder<List<T>> h) {
        return h.value == null ? List.of() : h.value;
    }

    /** A call through the circuit breaker, its failures translated into the register's exceptions. */
    private <T> T appeler(String quoi, AppelSoap<T> appel) {
        if (port == null) {
            throw new RegistreNationalIndisponibleException("Registre national non configuré (national.url dans"
                    + " etc/org.registrehub.national.cfg) : " + quoi + " impossible.", null);
        }
        Supplier<T> protege = CircuitBreaker.decorateSupplier(disjoncteur, () -> {
            try {
                return appel.executer();
            } catch (ErreurNationalFault f) {
                String code = f.getFaultInfo() == null ? "ERREUR_INTERNE" : f.getFaultInfo().getCode();
                String message = f.getFaultInfo() == null ? f.getMessage() : f.getFaultInfo().getMessage();
                if ("ERREUR_INTERNE".equals(code)) {
                    throw new RegistreNationalIndisponibleException("Registre national en erreur pendant " + quoi
                            + " : " + message, f);
                }
                throw new RefusNationalException(code, "Refus du registre national (" + code + ") : " + message);
            } catch (WebServiceException e) {
                throw new RegistreNationalIndisponibleException("Registre national injoignable (" + adresse + ")"
                        + " pendant " + quoi + " : " + racine(e), e);
            }
        });
        try {
            return protege.get();
        } catch (CallNotPermittedException e) {
            throw new RegistreNationalIndisponibleException("Registre national indisponible : après des échecs"
                    + " répétés, les appels sont suspendus (circuit ouvert) ; nouvel essai automatique sous peu.", e);
        }
    }

    @FunctionalInterface
    private interface AppelSoap<T> {
        T executer() throws ErreurNationalFault;
    }

    private static String racine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private Mouvement mouvement(MouvementNational m) {
        Demande d = m.demande();
        Mouvement x = new Mouvement();
        x.setEvenementId(m.evenementId().toString());
        x.setType(TypeMouvement.fromValue(m.operation().name()));
        x.setNumeroUnique(d.numeroUnique());
        x.setVersion(d.version());
        x.setHorodatage(xml(m.horodatage()));
        x.setStatut(org.registrehub.national.internal.v1.Statut.fromValue(d.statut().name()));
        x.setTerritoire(d.territoire());
        x.setGuichet(d.guichet());
        x.setDateDepot(xml(d.dateDepot()));
        x.setDateValidite(xml(d.dateValidite()));
        x.setDemandeur(demandeur(d.dossier().demandeur()));
        if (d.radiation() != null) {
            x.setMotifRadiation(org.registrehub.national.internal.v1.MotifRadiation.fromValue(
                    d.radiation().motif().name()));
            x.setDateRadiation(xml(d.radiation().date()));
            Attribution a = d.radiation().attribution();
            if (a != null) {
                org.registrehub.national.internal.v1.Attribution b =
                        new org.registrehub.national.internal.v1.Attribution();
                b.setBailleur(a.bailleur());
                b.setIdentifiantRpls(a.identifiantRpls());
                b.setReservataire(a.reservataire());
                b.setDalo(Boolean.TRUE.equals(a.dalo()));
                x.setAttribution(b);
            }
            if (d.radiation().motifIrrecevabilite() != null) {
                x.setMotifIrrecevabilite(d.radiation().motifIrrecevabilite().name());
            }
        }
        return x;
    }

    private Demandeur demandeur(Personne p) {
        Demandeur d = new Demandeur();
        d.setNom(p.nom());
        d.setPrenoms(p.prenoms());
        d.setDateNaissance(xml(p.dateNaissance()));
        d.setNir(p.nir());
        return d;
    }

    private XMLGregorianCalendar xml(LocalDate d) {
        return d == null ? null : xml.newXMLGregorianCalendar(d.toString());
    }

    private XMLGregorianCalendar xml(Instant i) {
        return xml.newXMLGregorianCalendar(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.atOffset(ZoneOffset.UTC)));
    }

    private static LocalDate date(XMLGregorianCalendar c) {
        return c == null ? null : LocalDate.of(c.getYear(), c.getMonth(), c.getDay());
    }

    /** An xs:dateTime to the microsecond (the calendar's own conversion drops what is below the millisecond). */
    static Instant instant(XMLGregorianCalendar c) {
        String texte = c.toXMLFormat();
        return c.getTimezone() == DatatypeConstants.FIELD_UNDEFINED
                ? java.time.LocalDateTime.parse(texte).toInstant(ZoneOffset.UTC)
                : java.time.OffsetDateTime.parse(texte).toInstant();
    }
}
