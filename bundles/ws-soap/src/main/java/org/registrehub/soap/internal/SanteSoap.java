package org.registrehub.soap.internal;

import java.time.Instant;

import javax.xml.ws.Endpoint;

import org.registrehub.api.EtatSante;
import org.registrehub.api.SanteService;

/**
 * Component {@code service-soap}: UP while the endpoint {@code /ws/registre/v1} is published; registered by the
 * Blueprint container only while the register's service is there.
 */
public class SanteSoap implements SanteService {

    static final String COMPOSANT = "service-soap";

    private final Endpoint point;
    private final Instant depuis = Instant.now();

    public SanteSoap(Endpoint point) {
        this.point = point;
    }

    @Override
    public EtatSante etat() {
        return point.isPublished()
                ? new EtatSante(COMPOSANT, EtatSante.Statut.UP, "service SOAP /ws/registre/v1 publié", depuis)
                : new EtatSante(COMPOSANT, EtatSante.Statut.STARTING, "service SOAP /ws/registre/v1 pas encore"
                        + " publié", depuis);
    }
}
