package org.registrehub.acces.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt hashes of the passwords (Bouncy Castle's OpenBSD bcrypt, {@code $2y$}), random passwords, and the rules a
 * chosen password must follow.
 */
class MotsDePasse {

    /** 2^12 rounds: about a quarter of a second on a 2-core server; verified once, then cached (see Authentification). */
    static final int COUT_PAR_DEFAUT = 12;
    static final int LONGUEUR_MIN = 12;
    static final int LONGUEUR_MAX = 72; // bcrypt reads 72 bytes at most
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom HASARD = new SecureRandom();

    private final int cout;

    MotsDePasse(int cout) {
        if (cout < 4 || cout > 31) {
            throw new IllegalArgumentException("coût bcrypt entre 4 et 31 : " + cout);
        }
        this.cout = cout;
    }

    String empreinte(char[] motDePasse) {
        byte[] sel = new byte[16];
        HASARD.nextBytes(sel);
        return OpenBSDBCrypt.generate("2y", motDePasse, sel, cout);
    }

    boolean verifier(String empreinte, char[] motDePasse) {
        try {
            return OpenBSDBCrypt.checkPassword(empreinte, motDePasse);
        } catch (IllegalArgumentException | org.bouncycastle.crypto.DataLengthException e) {
            return false;
        }
    }

    /** A random password of 20 characters from an alphabet without look-alikes (about 116 bits). */
    static String aleatoire() {
        StringBuilder s = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            s.append(ALPHABET.charAt(HASARD.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    /** Why a chosen password is refused, or null when it is acceptable. */
    static String refus(String motDePasse, String identifiant) {
        if (motDePasse == null || motDePasse.length() < LONGUEUR_MIN) {
            return "au moins " + LONGUEUR_MIN + " caractères";
        }
        if (motDePasse.getBytes(StandardCharsets.UTF_8).length > LONGUEUR_MAX) {
            return "au plus " + LONGUEUR_MAX + " octets";
        }
        if (identifiant != null && motDePasse.toLowerCase().contains(identifiant.toLowerCase())) {
            return "ne doit pas contenir l'identifiant";
        }
        return null;
    }

    /** SHA-256 of the text, to remember a verified password without keeping it. */
    static byte[] condense(byte[] poivre, String identifiant, char[] motDePasse, String empreinte) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(poivre);
            md.update(identifiant.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(new String(motDePasse).getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(empreinte.getBytes(StandardCharsets.UTF_8));
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
