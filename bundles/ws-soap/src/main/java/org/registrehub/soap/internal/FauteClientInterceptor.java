package org.registrehub.soap.internal;

import java.util.List;
import java.util.Set;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.DoublonPresumeException;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.VersionObsoleteException;
import org.registrehub.soap.internal.v1.ErreurRegistreFault;

/**
 * Faults caused by the caller's request (invalid data, unknown numéro, stale version, forbidden transition) go out as {@code soap:Client}, the others as
 * {@code soap:Server}, so that a departmental system can tell "fix your request" from "try again later".
 */
public class FauteClientInterceptor extends AbstractPhaseInterceptor<Message> {

    static final Set<String> CODES_CLIENT = Set.of(DemandeInvalideException.CODE, DemandeIntrouvableException.CODE,
            VersionObsoleteException.CODE, TransitionInterditeException.CODE, DoublonPresumeException.CODE,
            AccesRefuseException.CODE, AuthentificationSoapInterceptor.CODE);

    public FauteClientInterceptor() {
        super(Phase.WRITE);
    }

    @Override
    public void handleMessage(Message message) {
        if (message.getContent(Exception.class) instanceof Fault refus && AuthentificationSoapInterceptor.estRefus(refus)) {
            // 401: the challenge
            @SuppressWarnings("unchecked")
            java.util.Map<String, List<String>> entetes = (java.util.Map<String, List<String>>)
                    message.computeIfAbsent(Message.PROTOCOL_HEADERS, k -> new java.util.TreeMap<String, List<String>>(
                            String.CASE_INSENSITIVE_ORDER));
            entetes.put("WWW-Authenticate", AuthentificationSoapInterceptor.defi());
            return;
        }
        if (message.getContent(Exception.class) instanceof Fault fault
                && fault.getCause() instanceof ErreurRegistreFault erreur
                && erreur.getFaultInfo() != null && CODES_CLIENT.contains(erreur.getFaultInfo().getCode())) {
            fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
        }
    }
}
