package org.registrehub.soap.internal;

import java.util.List;

import javax.security.auth.login.LoginException;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Royaume;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * HTTP Basic authentication of every SOAP call through the JAAS realm {@code registre}, before the envelope is even
 * read: an anonymous or refused caller gets HTTP 401 and a {@code soap:Client} fault {@code AUTHENTIFICATION_REQUISE};
 * the identity found travels with the exchange to {@link RegistreSoap}, and the services check its rights.
 * The contract itself ({@code ?wsdl}, {@code ?xsd=...}) stays public.
 */
public class AuthentificationSoapInterceptor extends AbstractPhaseInterceptor<Message> {

    static final String CODE = "AUTHENTIFICATION_REQUISE";
    static final String DEFI = "Basic realm=\"Registre Hub\", charset=\"UTF-8\"";

    public AuthentificationSoapInterceptor() {
        super(Phase.RECEIVE);
    }

    @Override
    public void handleMessage(Message message) {
        String requete = (String) message.get(Message.QUERY_STRING);
        if ("GET".equals(message.get(Message.HTTP_REQUEST_METHOD)) && requete != null
                && requete.toLowerCase().matches("^(wsdl|xsd=[^&]*)$")) {
            return; // the contract is public
        }
        AuthorizationPolicy politique = message.get(AuthorizationPolicy.class);
        if (politique == null || politique.getUserName() == null || politique.getPassword() == null) {
            throw refus("Authentification requise : identifiez-vous (HTTP Basic) avec un compte du registre.");
        }
        try {
            message.getExchange().put(Identite.class, Royaume.connecter(politique.getUserName(),
                    politique.getPassword().toCharArray(), org.registrehub.api.Canal.SOAP, adresse(message)));
        } catch (LoginException e) {
            if (e.getCause() instanceof RegistreIndisponibleException indisponible) {
                throw new Fault(indisponible);
            }
            if (e instanceof javax.security.auth.login.AccountLockedException) {
                throw refus(e.getMessage(), org.registrehub.api.acces.ConnexionVerrouilleeException.CODE);
            }
            throw refus("Identifiant ou mot de passe refusé, ou compte désactivé.");
        }
    }

    /** The client's address, counted by the brakes on password guessing. */
    static String adresse(Message message) {
        Object requete = message.get(org.apache.cxf.transport.http.AbstractHTTPDestination.HTTP_REQUEST);
        return requete instanceof javax.servlet.http.HttpServletRequest http ? http.getRemoteAddr() : null;
    }

    /** A client fault with HTTP status 401 and the register's error detail. */
    static Fault refus(String message) {
        return refus(message, CODE);
    }

    /** A client fault with HTTP status 401 and the register's error detail with this code. */
    static Fault refus(String message, String codeErreur) {
        Fault fault = new Fault(message, java.util.logging.Logger.getLogger(AuthentificationSoapInterceptor.class
                .getName()));
        fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
        fault.setStatusCode(401);
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element detail = doc.createElement("detail");
            Element erreur = doc.createElementNS("urn:registrehub:registre:v1", "erreurRegistre");
            Element code = doc.createElementNS("urn:registrehub:registre:v1", "code");
            code.setTextContent(codeErreur);
            Element texte = doc.createElementNS("urn:registrehub:registre:v1", "message");
            texte.setTextContent(message);
            erreur.appendChild(code);
            erreur.appendChild(texte);
            detail.appendChild(erreur);
            fault.setDetail(detail);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return fault;
    }

    /** The identity of the SOAP call being served. */
    static Identite identiteCourante() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Identite identite = message == null ? null : message.getExchange().get(Identite.class);
        if (identite == null) {
            throw new IllegalStateException("appel SOAP sans identité : l'intercepteur d'authentification n'est pas"
                    + " installé");
        }
        return identite;
    }

    /** The challenge header, added to the 401 answer by {@link FauteClientInterceptor}. */
    static List<String> defi() {
        return List.of(DEFI);
    }

    static boolean estRefus(Fault fault) {
        return fault.getStatusCode() == 401;
    }
}
