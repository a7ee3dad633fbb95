package org.registrehub.acces.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Brakes on password guessing, per login and per client address: after {@code echecsParLogin} failed logins in a row
 * (or {@code echecsParAdresse} from one address), that login (or address) is refused without any password check for
 * {@code duree}; each further failure during a lock starts it again. A successful login clears its login's count. A
 * login is counted whether the account exists or not, so that a lock tells nothing of who exists.
 *
 * <p>Kept in this node's memory: on several nodes each counts its own attempts (documented in the manual). A change of
 * the configuration applies in place, the counts kept.
 */
@org.osgi.service.component.annotations.Component(service = Freinage.class,
        configurationPid = "org.registrehub.acces")
public class Freinage {

    /** Failures in a row and, once locked, until when. */
    record Etat(int echecs, Instant dernier, Instant jusqua) {

        boolean verrouille(Instant maintenant) {
            return jusqua != null && jusqua.isAfter(maintenant);
        }
    }

    /** An open lock: what it is on and until when. */
    record Verrou(String cle, Instant jusqua) {
    }

    static final int TAILLE_MAX = 100_000;

    private final ConcurrentMap<String, Etat> parLogin = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Etat> parAdresse = new ConcurrentHashMap<>();
    private volatile int echecsParLogin;
    private volatile int echecsParAdresse;
    private volatile Duration duree;
    private volatile java.util.concurrent.Semaphore verifications;

    @org.osgi.service.component.annotations.Activate
    public Freinage(SecuriteConfig config) {
        this(config.connexion_echecsParIdentifiant(), config.connexion_echecsParAdresse(),
                Duration.ofMinutes(config.connexion_verrouMinutes()), config.connexion_verificationsSimultanees());
    }

    Freinage(int echecsParLogin, int echecsParAdresse, Duration duree, int verificationsSimultanees) {
        regler(echecsParLogin, echecsParAdresse, duree, verificationsSimultanees);
    }

    @org.osgi.service.component.annotations.Modified
    void modifier(SecuriteConfig config) {
        regler(config.connexion_echecsParIdentifiant(), config.connexion_echecsParAdresse(),
                Duration.ofMinutes(config.connexion_verrouMinutes()), config.connexion_verificationsSimultanees());
    }

    private void regler(int login, int adresse, Duration d, int simultanees) {
        this.echecsParLogin = Math.max(1, login);
        this.echecsParAdresse = Math.max(1, adresse);
        this.duree = d.isNegative() || d.isZero() ? Duration.ofMinutes(1) : d;
        this.verifications = new java.util.concurrent.Semaphore(Math.max(1, simultanees), true);
    }

    /**
     * Runs a password check (a bcrypt) once one of the {@code verificationsSimultanees} slots is free: a flood of
     * logins queues here instead of taking every core.
     *
     * @throws org.registrehub.api.RegistreIndisponibleException when no slot came free within 5 seconds
     */
    <T> T verifier(java.util.function.Supplier<T> verification) {
        java.util.concurrent.Semaphore s = verifications;
        boolean pris;
        try {
            pris = s.tryAcquire(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pris = false;
        }
        if (!pris) {
            throw new org.registrehub.api.RegistreIndisponibleException("Trop de vérifications de mot de passe en"
                    + " cours ; réessayez dans quelques secondes.", null);
        }
        try {
            return verification.get();
        } finally {
            s.release();
        }
    }

    /** The lock that refuses this attempt right now, if any (the login's first, then the address's). */
    Optional<Verrou> verrou(String login, String adresse, Instant maintenant) {
        Etat l = parLogin.get(cle(login));
        if (l != null && l.verrouille(maintenant)) {
            return Optional.of(new Verrou("identifiant « " + login + " »", l.jusqua()));
        }
        Etat a = adresse == null ? null : parAdresse.get(adresse);
        if (a != null && a.verrouille(maintenant)) {
            return Optional.of(new Verrou("adresse " + adresse, a.jusqua()));
        }
        return Optional.empty();
    }

    /** Counts a failure; returns the lock it started (for the audit), if this failure started one. */
    Optional<Verrou> echec(String login, String adresse, Instant maintenant) {
        nettoyer(maintenant);
        Etat l = parLogin.compute(cle(login), (k, e) -> compter(e, echecsParLogin, maintenant));
        Optional<Verrou> nouveau = Optional.empty();
        if (l.echecs() == echecsParLogin) {
            nouveau = Optional.of(new Verrou("identifiant « " + login + " »", l.jusqua()));
        }
        if (adresse != null) {
            Etat a = parAdresse.compute(adresse, (k, e) -> compter(e, echecsParAdresse, maintenant));
            if (a.echecs() == echecsParAdresse && nouveau.isEmpty()) {
                nouveau = Optional.of(new Verrou("adresse " + adresse, a.jusqua()));
            }
        }
        return nouveau;
    }

    private Etat compter(Etat e, int seuil, Instant maintenant) {
        // failures older than a lock's duration are forgotten
        int echecs = e == null || e.dernier().plus(duree).isBefore(maintenant) ? 1 : e.echecs() + 1;
        return new Etat(echecs, maintenant, echecs >= seuil ? maintenant.plus(duree) : null);
    }

    void succes(String login) {
        parLogin.remove(cle(login));
    }

    /** Lifts the lock and the count of a login (or of an address); false when there was none. */
    boolean deverrouiller(String loginOuAdresse) {
        return parLogin.remove(cle(loginOuAdresse)) != null | parAdresse.remove(loginOuAdresse) != null;
    }

    /** The locks open now, login's and address's, for the console. */
    Map<String, Instant> verrous(Instant maintenant) {
        Map<String, Instant> ouverts = new java.util.TreeMap<>();
        parLogin.forEach((k, e) -> {
            if (e.verrouille(maintenant)) {
                ouverts.put(k, e.jusqua());
            }
        });
        parAdresse.forEach((k, e) -> {
            if (e.verrouille(maintenant)) {
                ouverts.put(k, e.jusqua());
            }
        });
        return ouverts;
    }

    /** Bounded memory: when too many are counted, those whose last failure is past its duration go. */
    private void nettoyer(Instant maintenant) {
        for (ConcurrentMap<String, Etat> m : java.util.List.of(parLogin, parAdresse)) {
            if (m.size() > TAILLE_MAX) {
                m.values().removeIf(e -> !e.verrouille(maintenant) && e.dernier().plus(duree).isBefore(maintenant));
            }
        }
    }

    private static String cle(String login) {
        return login == null ? "" : login.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
