package org.registrehub.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.osgi.service.component.annotations.Component;
import org.registrehub.api.acces.CompteInterne;

/** The hub's internal broker account: a fresh random secret at each start of the hub, in memory only. */
@Component(service = CompteInterne.class, immediate = true)
public class CompteInterneAleatoire implements CompteInterne {

    /** The login, reserved: access management refuses it to users of the register. */
    static final String IDENTIFIANT = "hub.interne";

    /**
     * Where the secret lives for the life of the JVM: an update of this bundle (bundle:update, feature upgrade) keeps
     * it, so that the routes already connected with it keep working; a restart of the hub draws another. Never written
     * to disk; visible to administrators only (system properties).
     */
    static final String PROPRIETE = "registre.compteInterne.secret";

    private final String motDePasse = secret();

    private static synchronized String secret() {
        String existant = System.getProperty(PROPRIETE);
        if (existant == null || existant.length() < 40) {
            existant = MotsDePasse.aleatoire() + MotsDePasse.aleatoire();
            System.setProperty(PROPRIETE, existant);
        }
        return existant;
    }

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
