package org.registrehub.campagne.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * STARTTLS is required when asked for (the default of {@code smtp.starttls}): a server that does not offer it gets no
 * notice at all — nothing goes in clear — and the error says why; with {@code smtp.starttls = false} the same server
 * gets it.
 */
public class MessagerieTest {

    private GreenMail smtp;

    @Before
    public void demarrer() {
        // GreenMail's SMTP server does not offer STARTTLS
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        smtp.start();
    }

    @After
    public void arreter() {
        smtp.stop();
    }

    private Messagerie messagerie(boolean starttls) {
        return new Messagerie("127.0.0.1", smtp.getSmtp().getPort(), "", "", starttls, "registre@example.org", 5000);
    }

    private static org.registrehub.api.messagerie.Courriel avis() {
        return new org.registrehub.api.messagerie.Courriel("demandeur@example.org", "Renouvelez votre demande", "Bonjour", "<avis-1@test>");
    }

    @Test
    public void sansStarttlsChezLeServeurRienNePartEnClair() {
        try (Messagerie.Connexion c = messagerie(true).ouvrir()) {
            org.registrehub.api.messagerie.ServeurInjoignable refus = assertThrows(org.registrehub.api.messagerie.ServeurInjoignable.class,
                    () -> c.envoyer(avis()));
            assertTrue(refus.getMessage(), refus.getMessage().contains("STARTTLS"));
        }
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    public void starttlsDesactiveExplicitementLeServeurRecoitLAvis() throws Exception {
        try (Messagerie.Connexion c = messagerie(false).ouvrir()) {
            c.envoyer(avis());
        }
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    public void leLienParDefautEstEnHttps() throws Exception {
        // the defaults of the configuration PID, when etc/org.registrehub.campagne.cfg does not set them
        assertTrue(((String) CampagneConfig.class.getMethod("lien_base").getDefaultValue()).startsWith("https://"));
        assertEquals(Boolean.TRUE, CampagneConfig.class.getMethod("smtp_starttls").getDefaultValue());
    }
}
