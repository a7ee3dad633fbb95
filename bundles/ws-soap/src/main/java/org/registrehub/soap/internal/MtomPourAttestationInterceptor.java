package org.registrehub.soap.internal;

import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;

/**
 * MTOM only where there is something to attach: the answer to {@code attestationDemande} carries the PDF as an
 * attachment, every other answer (and every fault) stays a plain {@code text/xml} envelope, which the historical
 * departmental systems read without a MIME parser.
 */
public class MtomPourAttestationInterceptor extends AbstractPhaseInterceptor<Message> {

    static final String OPERATION = "attestationDemande";

    public MtomPourAttestationInterceptor() {
        super(Phase.SETUP);
    }

    @Override
    public void handleMessage(Message message) {
        Exchange exchange = message.getExchange();
        BindingOperationInfo operation = exchange == null ? null : exchange.getBindingOperationInfo();
        boolean attestation = operation != null && (OPERATION.equals(operation.getName().getLocalPart())
                || "lirePiece".equals(operation.getName().getLocalPart())) && exchange.getOutFaultMessage() != message;
        message.put(Message.MTOM_ENABLED, attestation);
    }
}
