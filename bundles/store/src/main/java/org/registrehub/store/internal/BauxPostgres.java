package org.registrehub.store.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.spi.BauxCluster;
import org.registrehub.api.spi.BaseDeDonnees;

/**
 * The cluster's leases on the register's database ({@code BailMapper.xml}, table {@code bail_cluster}): one service
 * for every job that must run on one node at a time. Each call is its own short transaction.
 */
@Component(service = BauxCluster.class)
public class BauxPostgres implements BauxCluster {

    private final BaseDeDonnees.Sessions base;
    private final String noeud;

    @Activate
    public BauxPostgres(@Reference BaseDeDonnees base) {
        this.base = base.sessions(BailMapper.class);
        this.noeud = nomDuNoeud();
    }

    /** {@code karaf.name@host}: the same after a restart, so a node takes its own leases back at once. */
    static String nomDuNoeud() {
        String hote;
        try {
            hote = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            hote = "localhost";
        }
        return System.getProperty("karaf.name", "hub") + "@" + hote;
    }

    @Override
    public String noeud() {
        return noeud;
    }

    @Override
    public boolean prendre(String nom, String noeud, Duration duree) {
        return base.executer("bail " + nom, BailMapper.class,
                m -> m.prendre(nom, noeud, secondes(duree))) == 1;
    }

    @Override
    public boolean prolonger(String nom, String noeud, Duration duree) {
        return base.executer("prolongation du bail " + nom, BailMapper.class,
                m -> m.prolonger(nom, noeud, secondes(duree))) == 1;
    }

    @Override
    public void rendre(String nom, String noeud) {
        base.executer("fin du bail " + nom, BailMapper.class, m -> m.rendre(nom, noeud));
    }

    @Override
    public Optional<Bail> bail(String nom) {
        return Optional.ofNullable(base.executer("lecture du bail " + nom, BailMapper.class, m -> m.bail(nom)));
    }

    private static long secondes(Duration duree) {
        return Math.max(1, duree.toSeconds());
    }
}
