package org.registrehub.portail.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * The portal's secrets: random tokens (links, sessions) and codes, their SHA-256 (what the database keeps), and the
 * applicants' passwords, hashed with bcrypt under the same rules as the staff accounts (12 characters at least, 72
 * bytes at most, not containing the address).
 */
final class Secrets {

    static final int LONGUEUR_MIN = 12;
    static final int LONGUEUR_MAX = 72;
    private static final SecureRandom HASARD = new SecureRandom();

    private final int cout;

    Secrets(int cout) {
        if (cout < 4 || cout > 31) {
            throw new IllegalArgumentException("coût bcrypt entre 4 et 31 : " + cout);
        }
        this.cout = cout;
    }

    /** 256 random bits, URL-safe (43 characters). */
    static String jeton() {
        byte[] b = new byte[32];
        HASARD.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A one-time code of 8 digits. */
    static String code() {
        return String.format("%08d", HASARD.nextInt(100_000_000));
    }

    static String sha256(String texte) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(texte.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 absent de la JVM", e);
        }
    }

    /** The CSRF token of a session: derived from its token, so that the database, which has only its hash, cannot. */
    static String csrf(String jetonSession) {
        return sha256("csrf\u0000" + jetonSession).substring(0, 43);
    }

    String empreinte(char[] motDePasse) {
        byte[] sel = new byte[16];
        HASARD.nextBytes(sel);
        return OpenBSDBCrypt.generate("2y", motDePasse, sel, cout);
    }

    boolean verifier(String empreinte, char[] motDePasse) {
        try {
            return empreinte != null && OpenBSDBCrypt.checkPassword(empreinte, motDePasse);
        } catch (IllegalArgumentException | org.bouncycastle.crypto.DataLengthException e) {
            return false;
        }
    }

    /** Why a chosen password is refused, or null when it is acceptable. */
    static String refus(char[] motDePasse, String email) {
        String m = motDePasse == null ? "" : new String(motDePasse);
        if (m.length() < LONGUEUR_MIN) {
            return "au moins " + LONGUEUR_MIN + " caractères";
        }
        if (m.getBytes(StandardCharsets.UTF_8).length > LONGUEUR_MAX) {
            return "au plus " + LONGUEUR_MAX + " octets";
        }
        if (email != null && !email.isBlank() && m.toLowerCase().contains(email.toLowerCase())) {
            return "ne doit pas contenir l'adresse électronique";
        }
        String local = email == null ? "" : email.toLowerCase().replaceAll("@.*$", "");
        if (local.length() >= 4 && m.toLowerCase().contains(local)) {
            return "ne doit pas contenir l'identifiant de l'adresse électronique";
        }
        return null;
    }
}
