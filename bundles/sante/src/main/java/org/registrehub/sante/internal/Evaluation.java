package org.registrehub.sante.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.registrehub.api.EtatSante;
import org.registrehub.api.EtatSante.Statut;
import org.registrehub.api.SanteHub.Sante;

/**
 * The rule of the hub's health, apart from OSGi: the expected components (declared by installed bundles) against the
 * reported ones. A declared component that no service reports is not ready: STARTING while its bundle starts or
 * restarts it, DOWN when an administrator stopped the bundle. The hub is UP only when every component is UP.
 */
final class Evaluation {

    /** The state of the bundle that declares a component. */
    enum EtatBundle {
        /** Active: the component should be there (it is starting, or restarting after a change). */
        ACTIF,
        /** Installed, resolved or starting, never stopped on purpose: it is on its way. */
        EN_DEMARRAGE,
        /** Stopped by an administrator (bundle:stop): it will not come back by itself. */
        ARRETE
    }

    /**
     * A component an installed bundle declares.
     *
     * @param composant   its name
     * @param bundle      symbolic name of the bundle (what an administrator types: bundle ids change between installs)
     * @param etat        the bundle's state
     * @param dejaPublie  whether the component was registered before (so its absence is a restart)
     * @param absentDepuis since when it is missing
     */
    record Attendu(String composant, String bundle, EtatBundle etat, boolean dejaPublie,
                   Instant absentDepuis) {
    }

    private Evaluation() {
    }

    /** The hub's health from what is expected and what is reported (a reported component wins over its absence). */
    static Sante evaluer(Collection<Attendu> attendus, Collection<EtatSante> publies) {
        Map<String, EtatSante> parNom = new TreeMap<>();
        for (EtatSante e : publies) {
            parNom.merge(e.composant(), e, Evaluation::pire);
        }
        for (Attendu a : attendus) {
            parNom.putIfAbsent(a.composant(), absent(a));
        }
        List<EtatSante> tries = new ArrayList<>(parNom.values());
        tries.sort(Comparator.comparing(EtatSante::composant));
        if (tries.isEmpty()) {
            return new Sante(Statut.STARTING, tries);
        }
        boolean down = tries.stream().anyMatch(e -> e.statut() == Statut.DOWN);
        boolean starting = tries.stream().anyMatch(e -> e.statut() == Statut.STARTING);
        return new Sante(down ? Statut.DOWN : starting ? Statut.STARTING : Statut.UP, tries);
    }

    /** What a declared but unregistered component reports, in French, with what an administrator can do. */
    static EtatSante absent(Attendu a) {
        return switch (a.etat()) {
            case ARRETE -> new EtatSante(a.composant(), Statut.DOWN, "arrêté : le bundle " + a.bundle()
                    + " a été arrêté (bundle:start " + a.bundle() + " pour le relancer)", a.absentDepuis());
            case EN_DEMARRAGE -> new EtatSante(a.composant(), Statut.STARTING, "en démarrage : le bundle "
                    + a.bundle() + " n'est pas encore démarré", a.absentDepuis());
            case ACTIF -> new EtatSante(a.composant(), Statut.STARTING, a.dejaPublie()
                    ? "redémarre (configuration modifiée, mise à jour ou service requis momentanément absent) ;"
                    + " réessayez dans quelques secondes"
                    : "en démarrage : le bundle " + a.bundle() + " attend les services dont il a besoin",
                    a.absentDepuis());
        };
    }

    /** Two registrations of one name (a component being replaced): the less available one speaks. */
    private static EtatSante pire(EtatSante a, EtatSante b) {
        return rang(b.statut()) > rang(a.statut()) ? b : a;
    }

    private static int rang(Statut s) {
        return switch (s) {
            case UP -> 0;
            case STARTING -> 1;
            case DOWN -> 2;
        };
    }
}
