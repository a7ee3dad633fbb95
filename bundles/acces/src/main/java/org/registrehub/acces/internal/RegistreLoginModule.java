package org.registrehub.acces.internal;

import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.registrehub.api.RegistreException;
import org.registrehub.api.acces.AuthentificationService;
import org.registrehub.api.acces.CompteInterne;
import org.registrehub.api.acces.ConnexionVerrouilleeException;
import org.registrehub.api.acces.ProvenanceCallback;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Role;

/**
 * Logs a user in against the register's identities. The subject gets the user, one role principal per role of the
 * register, the Karaf roles its console needs (administrators: admin, manager, viewer, systembundles, ssh;
 * gestionnaires: ssh, for the registre:* commands only), and the {@link Identite} itself, which the channels hand to the services.
 */
public class RegistreLoginModule implements LoginModule {

    private Subject subject;
    private CallbackHandler callbackHandler;
    private AuthentificationService authentification;
    private java.util.function.Supplier<CompteInterne> interne;
    private Identite identite;
    private boolean compteInterne;
    private final Set<Principal> ajoutes = new LinkedHashSet<>();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
                           Map<String, ?> options) {
        this.subject = subject;
        this.callbackHandler = callbackHandler;
        this.authentification = (AuthentificationService) options.get(RegistreRealm.OPTION_SERVICE);
        Object i = options.get(RegistreRealm.OPTION_INTERNE);
        @SuppressWarnings("unchecked")
        java.util.function.Supplier<CompteInterne> fournisseur = i instanceof java.util.function.Supplier<?> f
                ? (java.util.function.Supplier<CompteInterne>) f : () -> null;
        this.interne = fournisseur;
    }

    @Override
    public boolean login() throws LoginException {
        if (authentification == null || callbackHandler == null) {
            throw new LoginException("royaume registre mal configuré : service d'authentification absent");
        }
        NameCallback nom = new NameCallback("identifiant : ");
        PasswordCallback motDePasse = new PasswordCallback("mot de passe : ", false);
        try {
            callbackHandler.handle(new Callback[] {nom, motDePasse});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("identifiants illisibles : " + e.getMessage());
        }
        char[] secret = motDePasse.getPassword();
        if (CompteInterne.IDENTIFIANT.equals(nom.getName())) {
            // the hub's own broker account: checked in memory only, never against the database
            try {
                compteInterne = reconnait(interne.get(), secret);
            } finally {
                if (secret != null) {
                    Arrays.fill(secret, '\0');
                }
                motDePasse.clearPassword();
            }
            if (!compteInterne) {
                throw new FailedLoginException("identifiant ou mot de passe refusé");
            }
            return true;
        }
        ProvenanceCallback provenance = new ProvenanceCallback();
        try {
            callbackHandler.handle(new Callback[] {provenance});
        } catch (IOException | UnsupportedCallbackException | RuntimeException e) {
            // the SSH console and the broker do not tell where the attempt comes from (and some handlers expect the
            // login and password callbacks only)
        }
        try {
            Optional<Identite> trouvee = authentification.authentifier(nom.getName(), secret, provenance.getCanal(),
                    provenance.getAdresse());
            identite = trouvee.orElseThrow(() -> new FailedLoginException("identifiant ou mot de passe refusé"));
            return true;
        } catch (ConnexionVerrouilleeException e) {
            LoginException verrou = new javax.security.auth.login.AccountLockedException(e.getMessage());
            verrou.initCause(e);
            throw verrou;
        } catch (RegistreException e) {
            LoginException echec = new LoginException("authentification impossible : " + e.getMessage());
            echec.initCause(e); // the channels answer "unavailable" rather than "refused"
            throw echec;
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
            motDePasse.clearPassword();
        }
    }

    @Override
    public boolean commit() {
        if (compteInterne) {
            ajoutes.add(new UserPrincipal(CompteInterne.IDENTIFIANT));
            ajoutes.add(new RolePrincipal("interne"));
            subject.getPrincipals().addAll(ajoutes);
            return true;
        }
        if (identite == null) {
            return false;
        }
        ajoutes.add(new UserPrincipal(identite.identifiant()));
        ajoutes.add(identite);
        for (Role r : identite.roles()) {
            ajoutes.add(new RolePrincipal(r.nom()));
        }
        if (identite.a(Role.BAILLEUR) || identite.a(Role.GUICHET)) {
            // the broker grants an organisation's own ERP queues (registre.erp.<CODE>.*) to this role only
            ajoutes.add(new RolePrincipal(roleErp(identite.organisation().code())));
        }
        if (identite.a(Role.ADMIN)) {
            for (String karaf : new String[] {"admin", "manager", "viewer", "systembundles", "ssh"}) {
                ajoutes.add(new RolePrincipal(karaf));
            }
        } else if (identite.a(Role.GESTIONNAIRE)) {
            // the console for its registre:* commands only (etc/org.apache.karaf.command.acl.registre.cfg); no
            // viewer role, which Karaf's defaults let read JMX and run the read-only commands of every scope
            ajoutes.add(new RolePrincipal("ssh"));
        }
        subject.getPrincipals().addAll(ajoutes);
        return true;
    }

    @Override
    public boolean abort() {
        identite = null;
        compteInterne = false;
        return logout();
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(ajoutes);
        ajoutes.clear();
        return true;
    }

    /** The broker role of an organisation's ERP accounts: {@code erp.<CODE>}. */
    static String roleErp(String organisation) {
        return "erp." + organisation;
    }

    /** Constant-time check of the internal account's secret (none while the broker's bundle is away). */
    static boolean reconnait(CompteInterne compte, char[] secret) {
        if (compte == null || secret == null) {
            return false;
        }
        return java.security.MessageDigest.isEqual(compte.motDePasse().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new String(secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
