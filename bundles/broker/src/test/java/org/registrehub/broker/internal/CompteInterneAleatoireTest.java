package org.registrehub.broker.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The internal broker secret lives in the component only: nothing of it is readable over JMX. */
public class CompteInterneAleatoireTest {

    @Test
    public void leSecretNEstDansAucuneProprieteSysteme() {
        CompteInterneAleatoire compte = new CompteInterneAleatoire();
        String secret = compte.motDePasse();
        assertTrue(secret.length() >= 40);
        // system properties are what the JVM's RuntimeMXBean publishes over JMX
        assertFalse("secret found in the system properties", System.getProperties().values().stream()
                .anyMatch(v -> String.valueOf(v).contains(secret)));
        assertTrue(compte.identifiant().equals("hub.interne"));
        assertNotEquals("another activation draws another secret", secret, new CompteInterneAleatoire().motDePasse());
    }
}
