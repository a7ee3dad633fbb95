package org.registrehub.broker.internal;

import java.security.SecureRandom;

import org.osgi.service.component.annotations.Component;
import org.registrehub.api.acces.CompteInterne;

/**
 * The hub's internal broker account, owned by the broker's bundle: a fresh random secret at each activation, in this
 * component's memory only — never on disk, never in a system property (those are readable over JMX). It lives here,
 * not in the security bundle, because the broker authenticates a session's login again later (its security cache
 * expires): an update of the security bundle must not change the secret under the routes' open sessions, while an
 * update of this bundle restarts the broker's acceptor anyway, and the routes then connect again with the new secret.
 */
@Component(service = CompteInterne.class, immediate = true)
public class CompteInterneAleatoire implements CompteInterne {

    private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom HASARD = new SecureRandom();

    private final String motDePasse = aleatoire(40);

    static String aleatoire(int longueur) {
        char[] c = new char[longueur];
        for (int i = 0; i < longueur; i++) {
            c[i] = ALPHABET[HASARD.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }

    @Override
    public String identifiant() {
        return IDENTIFIANT;
    }

    @Override
    public String motDePasse() {
        return motDePasse;
    }
}
