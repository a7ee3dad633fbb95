package org.registrehub.api.spi;

import java.time.Duration;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The cluster's leases (published by the store bundle, on the register's database): a job that must run on one hub
 * node at a time (the national sending and pulls, a departmental import, ...) takes the lease of its name before it
 * starts, extends it while it works and gives it back at the end. A lease is free, expired, or held by one node; a
 * node restarted after a crash takes its own back at once (its name survives restarts). The time is the database's,
 * the same for every node.
 */
@ProviderType
public interface BauxCluster {

    /** A lease as the database holds it. */
    record Bail(String nom, String noeud, java.time.Instant jusqua) {
    }

    /** This hub node's name: {@code karaf.name@host}, the same after a restart. */
    String noeud();

    /**
     * Takes the lease {@code nom} for {@code duree} if it is free, expired, or already {@code noeud}'s.
     *
     * @return whether {@code noeud} holds it now
     */
    boolean prendre(String nom, String noeud, Duration duree);

    /**
     * Extends the lease for {@code duree} from now, if {@code noeud} still holds it.
     *
     * @return false when another node took it meanwhile (this node's lease had expired)
     */
    boolean prolonger(String nom, String noeud, Duration duree);

    /** Gives the lease back, if {@code noeud} holds it. */
    void rendre(String nom, String noeud);

    /** The lease of that name, whoever holds it, expired or not. */
    Optional<Bail> bail(String nom);
}
