package org.registrehub.store.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.registrehub.api.EtatSante;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the database: runs the migrations as soon as PostgreSQL answers, then checks it periodically. While the
 * database is unreachable it retries with an exponential backoff (never a crash loop) and reports {@code DOWN}; when it
 * comes back the hub serves again without a restart. State changes are logged once, with a reminder every few
 * minutes while the outage lasts.
 */
final class SurveillanceBase {

    private static final Logger LOG = LoggerFactory.getLogger(SurveillanceBase.class);
    static final String COMPOSANT = "base-de-donnees";
    private static final Duration RAPPEL = Duration.ofMinutes(5);

    /** What the watcher does with the database; implemented by the store. */
    interface Operations {
        /** Runs pending migrations; returns the schema version now in place. */
        String migrer() throws Exception;

        /** Checks that a connection can be opened and answers. */
        void verifier() throws Exception;

        /** Creates the database if it does not exist and auto-creation is allowed; true if created. */
        boolean creerBase(Exception cause);
    }

    private final Operations operations;
    private final String cible;
    private volatile Duration periode;
    private volatile Duration delaiMax;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean verificationPlanifiee = new AtomicBoolean();

    private volatile EtatSante etat;
    private volatile boolean schemaPret;
    private volatile String versionSchema = "?";
    private Duration delai = Duration.ofSeconds(1);
    private Instant dernierRappel = Instant.EPOCH;
    private boolean creationTentee;

    SurveillanceBase(Operations operations, String cible, Duration periode, Duration delaiMax, Clock clock) {
        this.operations = operations;
        this.cible = cible;
        this.periode = periode;
        this.delaiMax = delaiMax;
        this.clock = clock;
        this.etat = new EtatSante(COMPOSANT, EtatSante.Statut.STARTING,
                "connexion à PostgreSQL en cours (" + cible + ")", clock.instant());
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "registre-store-surveillance");
            t.setDaemon(true);
            return t;
        });
    }

    /** New periods from a configuration change; they apply from the next check on, without a restart. */
    void regler(Duration periode, Duration delaiMax) {
        this.periode = periode;
        this.delaiMax = delaiMax;
    }

    void demarrer() {
        planifier(Duration.ZERO);
    }

    void arreter() {
        executor.shutdownNow();
    }

    EtatSante etat() {
        return etat;
    }

    boolean schemaPret() {
        return schemaPret;
    }

    /** Called by the store when a request failed because the database is unreachable: check again now. */
    void signalerEchec(Throwable cause, boolean schemaPerdu) {
        if (schemaPerdu) {
            schemaPret = false;
        }
        if (etat.statut() == EtatSante.Statut.UP) {
            passerDown(cause);
        }
        planifier(Duration.ZERO);
    }

    private void planifier(Duration dans) {
        if (executor.isShutdown()) {
            return;
        }
        if (dans.isZero() && !verificationPlanifiee.compareAndSet(false, true)) {
            return;
        }
        executor.schedule(this::tour, dans.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tour() {
        verificationPlanifiee.set(false);
        Duration prochain;
        try {
            if (!schemaPret) {
                versionSchema = operations.migrer();
                schemaPret = true;
            } else {
                operations.verifier();
            }
            passerUp();
            delai = Duration.ofSeconds(1);
            prochain = periode;
        } catch (Exception e) {
            if (!creationTentee && Indisponibilite.aEtat(e, Indisponibilite.BASE_ABSENTE)) {
                creationTentee = true;
                if (operations.creerBase(e)) {
                    planifier(Duration.ZERO);
                    return;
                }
            }
            if (Indisponibilite.aEtat(e, Indisponibilite.TABLE_ABSENTE)) {
                schemaPret = false;
            }
            passerDown(e);
            prochain = delai;
            delai = delai.multipliedBy(2).compareTo(delaiMax) > 0 ? delaiMax : delai.multipliedBy(2);
        } catch (Error e) {
            LOG.error("Erreur grave pendant la vérification de la base {}", cible, e);
            prochain = delaiMax;
        }
        if (!executor.isShutdown()) {
            executor.schedule(this::tour, prochain.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void passerUp() {
        if (etat.statut() != EtatSante.Statut.UP) {
            etat = new EtatSante(COMPOSANT, EtatSante.Statut.UP,
                    "PostgreSQL disponible (" + cible + "), schéma version " + versionSchema, clock.instant());
            LOG.info("Base de données disponible : {} (schéma version {})", cible, versionSchema);
        }
    }

    private synchronized void passerDown(Throwable e) {
        boolean injoignable = Indisponibilite.estIndisponibilite(e);
        String message = injoignable ? "PostgreSQL injoignable (" + cible + ") : " + Indisponibilite.cause(e)
                : "schéma de la base en échec (" + cible + ") : " + Indisponibilite.cause(e)
                        + " — une intervention est nécessaire (voir le journal)";
        Instant now = clock.instant();
        if (etat.statut() == EtatSante.Statut.DOWN) {
            if (Duration.between(dernierRappel, now).compareTo(RAPPEL) >= 0) {
                dernierRappel = now;
                LOG.warn("{} — toujours injoignable depuis {} ; nouvelle tentative dans {} s", message, etat.depuis(),
                        delai.toSeconds());
            }
            etat = new EtatSante(COMPOSANT, EtatSante.Statut.DOWN, message, etat.depuis());
            return;
        }
        etat = new EtatSante(COMPOSANT, EtatSante.Statut.DOWN, message, now);
        dernierRappel = now;
        if (injoignable) {
            LOG.warn("{} — le registre répond « indisponible » (HTTP 503) jusqu'au retour de la base ; "
                    + "nouvelle tentative dans {} s", message, delai.toSeconds());
            LOG.debug("Cause de l'indisponibilité", e);
        } else {
            LOG.error("{} ; le registre répond « indisponible » (HTTP 503) ; nouvelle tentative dans {} s", message,
                    delai.toSeconds(), e);
        }
    }
}
