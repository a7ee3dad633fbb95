package org.registrehub.campagne.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.registrehub.api.messagerie.MessagerieService;

/**
 * The hub's SMTP server ({@code smtp.*} of this capability's PID) published for the other capabilities that write to
 * applicants (the attribution's notifications): one server, configured once. Its absence (this feature not installed)
 * or an empty {@code smtp.hote} means letters only.
 */
@Component(service = MessagerieService.class, configurationPid = CampagneConfig.PID)
public class MessagerieDuHub implements MessagerieService {

    private final Messagerie smtp;

    @Activate
    public MessagerieDuHub(CampagneConfig config) {
        this.smtp = Messagerie.depuis(config);
    }

    @Override
    public boolean active() {
        return smtp.active();
    }

    @Override
    public String cible() {
        return smtp.cible();
    }

    @Override
    public Connexion ouvrir() {
        return smtp.ouvrir();
    }
}
