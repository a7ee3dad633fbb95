package org.registrehub.campagne.internal;

import java.util.Properties;

import javax.mail.Address;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.SendFailedException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.registrehub.api.messagerie.AdresseRefusee;
import org.registrehub.api.messagerie.Courriel;
import org.registrehub.api.messagerie.MessagerieService;
import org.registrehub.api.messagerie.ServeurInjoignable;

/**
 * Sends e-mails through an SMTP server (JavaMail), on one connection for a batch. Without a host ({@code smtp.hote}
 * empty) there is no e-mail: every notice goes by letter. The hub's SMTP server is configured once, in this
 * capability's PID; {@link MessagerieDuHub} publishes it to the other capabilities as the {@link MessagerieService}.
 */
public class Messagerie implements MessagerieService {

    private final String hote;
    private final int port;
    private final String utilisateur;
    private final String motDePasse;
    private final boolean starttls;
    private final InternetAddress expediteur;
    private final int delaiMs;

    public Messagerie(String hote, int port, String utilisateur, String motDePasse, boolean starttls,
                      String expediteur, int delaiMs) {
        this.hote = hote == null ? "" : hote.strip();
        this.port = port;
        this.utilisateur = utilisateur == null ? "" : utilisateur.strip();
        this.motDePasse = motDePasse == null ? "" : motDePasse;
        this.starttls = starttls;
        try {
            this.expediteur = new InternetAddress(expediteur, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("smtp.expediteur : adresse invalide « " + expediteur + " »", e);
        }
        this.delaiMs = delaiMs;
    }

    /** From the configuration PID ({@code smtp.*}). */
    public static Messagerie depuis(CampagneConfig c) {
        return new Messagerie(c.smtp_hote(), c.smtp_port(), c.smtp_utilisateur(), c.smtp_motDePasse(),
                c.smtp_starttls(), c.smtp_expediteur(), c.smtp_delaiSecondes() * 1000);
    }

    @Override
    public boolean active() {
        return !hote.isEmpty();
    }

    @Override
    public String cible() {
        return active() ? hote + ":" + port : "aucun serveur SMTP (smtp.hote vide) : avis par courrier";
    }

    /** One SMTP connection. */
    public final class Connexion implements MessagerieService.Connexion {
        private final Session session;
        private Transport transport;

        private Connexion(Session session) {
            this.session = session;
        }

        @Override
        public void envoyer(Courriel courriel) throws AdresseRefusee {
            InternetAddress a;
            try {
                a = new InternetAddress(courriel.destinataire(), true);
            } catch (AddressException e) {
                throw new AdresseRefusee("adresse électronique invalide « " + courriel.destinataire() + " »", e);
            }
            // JavaMail and the activation framework find the handler of text/plain (mailcap) through the context
            // class loader: JavaMail's own bundle's, under OSGi
            Thread t = Thread.currentThread();
            ClassLoader avant = t.getContextClassLoader();
            t.setContextClassLoader(Session.class.getClassLoader());
            try {
                MimeMessage m = new MessageIdentifie(session, courriel.messageId());
                m.setFrom(expediteur);
                m.setRecipient(Message.RecipientType.TO, a);
                m.setSubject(courriel.sujet(), "UTF-8");
                if (courriel.piecesJointes().isEmpty()) {
                    m.setText(courriel.texte(), "UTF-8");
                } else {
                    javax.mail.internet.MimeMultipart parties = new javax.mail.internet.MimeMultipart();
                    javax.mail.internet.MimeBodyPart texte = new javax.mail.internet.MimeBodyPart();
                    texte.setText(courriel.texte(), "UTF-8");
                    parties.addBodyPart(texte);
                    for (Courriel.PieceJointe pj : courriel.piecesJointes()) {
                        javax.mail.internet.MimeBodyPart piece = new javax.mail.internet.MimeBodyPart();
                        piece.setDataHandler(new javax.activation.DataHandler(
                                new javax.mail.util.ByteArrayDataSource(pj.contenu(), pj.typeMedia())));
                        piece.setFileName(pj.nom());
                        piece.setDisposition(javax.mail.Part.ATTACHMENT);
                        parties.addBodyPart(piece);
                    }
                    m.setContent(parties);
                }
                m.setSentDate(new java.util.Date());
                m.saveChanges();
                if (transport == null || !transport.isConnected()) {
                    transport = session.getTransport("smtp");
                    if (utilisateur.isEmpty()) {
                        transport.connect();
                    } else {
                        transport.connect(hote, port, utilisateur, motDePasse);
                    }
                }
                transport.sendMessage(m, new Address[] {a});
            } catch (SendFailedException e) {
                if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
                    throw new AdresseRefusee("adresse refusée par le serveur SMTP : " + e.getMessage(), e);
                }
                fermer();
                throw new ServeurInjoignable("envoi refusé par le serveur SMTP " + cible() + " : " + e.getMessage(),
                        e);
            } catch (MessagingException e) {
                fermer();
                throw new ServeurInjoignable("serveur SMTP " + cible() + " injoignable ou en erreur : "
                        + e.getMessage() + (starttls ? " (STARTTLS exigé : smtp.starttls)" : ""), e);
            } finally {
                t.setContextClassLoader(avant);
            }
        }

        private void fermer() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    // the connection is already gone: nothing more to release
                }
                transport = null;
            }
        }

        @Override
        public void close() {
            fermer();
        }
    }

    @Override
    public Connexion ouvrir() {
        Properties p = new Properties();
        p.put("mail.smtp.host", hote);
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.connectiontimeout", Integer.toString(delaiMs));
        p.put("mail.smtp.timeout", Integer.toString(delaiMs));
        p.put("mail.smtp.writetimeout", Integer.toString(delaiMs));
        p.put("mail.smtp.auth", Boolean.toString(!utilisateur.isEmpty()));
        p.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
        p.put("mail.smtp.starttls.required", Boolean.toString(starttls));
        // the server's certificate must name the host it was reached by (JavaMail does not check it by default)
        p.put("mail.smtp.ssl.checkserveridentity", Boolean.toString(starttls));
        // JavaMail finds its SMTP provider through the context class loader: its own bundle's, under OSGi
        Thread t = Thread.currentThread();
        ClassLoader avant = t.getContextClassLoader();
        t.setContextClassLoader(Session.class.getClassLoader());
        try {
            return new Connexion(Session.getInstance(p));
        } finally {
            t.setContextClassLoader(avant);
        }
    }

    /** A message whose Message-ID is the notice's (the same notice always has the same Message-ID). */
    private static final class MessageIdentifie extends MimeMessage {
        private final String id;

        MessageIdentifie(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
