package org.registrehub.api.acces;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/** Logging in through the JAAS realm of the register, as every channel does. */
public final class Royaume {

    /** Name of the realm (published by the bundle registre-acces). */
    public static final String NOM = "registre";

    private Royaume() {
    }

    /**
     * The identity of this login, checked by the realm.
     *
     * @throws LoginException refused (unknown login, wrong password, disabled account), or unable to check: then
     *                        its cause is the register's error (the database is unreachable, for example)
     */
    public static Identite connecter(String identifiant, char[] motDePasse) throws LoginException {
        return connecter(identifiant, motDePasse, null, null);
    }

    /**
     * The same, telling the realm the channel and the client's address (for the brakes on password guessing).
     *
     * @throws javax.security.auth.login.AccountLockedException when the login or the address is locked after too
     *                                                          many failures; its cause says until when
     */
    public static Identite connecter(String identifiant, char[] motDePasse, org.registrehub.api.Canal canal,
                                     String adresse) throws LoginException {
        if (javax.security.auth.login.Configuration.getConfiguration().getAppConfigurationEntry(NOM) == null) {
            // the security bundle is (re)starting: unavailable for a moment, not a refused login
            LoginException absent = new LoginException("royaume " + NOM + " absent");
            absent.initCause(new org.registrehub.api.RegistreIndisponibleException("L'authentification du registre"
                    + " redémarre ; réessayez dans quelques secondes.", null));
            throw absent;
        }
        Subject sujet = new Subject();
        LoginContext login = new LoginContext(NOM, sujet, callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof NameCallback n) {
                    n.setName(identifiant);
                } else if (c instanceof PasswordCallback p) {
                    p.setPassword(motDePasse);
                } else if (c instanceof ProvenanceCallback p) {
                    p.renseigner(canal, adresse);
                }
            }
        });
        login.login();
        return sujet.getPrincipals(Identite.class).stream().findFirst()
                .orElseThrow(() -> new LoginException("ce compte n'est pas un compte du registre"));
    }
}
