package org.registrehub.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.osgi.service.component.annotations.Component;
import org.registrehub.api.acces.CompteInterne;

/**
 * The hub's internal broker account: a fresh random secret at each activation, in this component's memory only — never
 * on disk, never in a system property (those are readable over JMX). An update of this bundle draws another: the
 * routes' connections already open stay open, and their connection factories ask this service for the secret at each
 * new connection.
 */
@Component(service = CompteInterne.class, immediate = true)
public class CompteInterneAleatoire implements CompteInterne {

    /** The login, reserved: access management refuses it to users of the register. */
    static final String IDENTIFIANT = "hub.interne";

    private final String motDePasse = MotsDePasse.aleatoire() + MotsDePasse.aleatoire();

    @Override
    public String identifiant() {
        return IDENTIFIANT;
    }

    @Override
    public String motDePasse() {
        return motDePasse;
    }

    /** Constant-time check of a login and password against this account. */
    boolean reconnait(String identifiant, char[] secret) {
        if (!IDENTIFIANT.equals(identifiant) || secret == null) {
            return false;
        }
        return MessageDigest.isEqual(motDePasse.getBytes(StandardCharsets.UTF_8),
                new String(secret).getBytes(StandardCharsets.UTF_8));
    }
}
