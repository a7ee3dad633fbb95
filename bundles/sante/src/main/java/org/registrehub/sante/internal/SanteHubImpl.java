package org.registrehub.sante.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.util.tracker.BundleTracker;
import org.registrehub.api.EtatSante;
import org.registrehub.api.SanteHub;
import org.registrehub.api.SanteService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks the bundles that declare components (header {@value SanteService#EN_TETE_COMPOSANTS}) and the registered
 * {@link SanteService}s; {@link #etat()} matches them at each call ({@link Evaluation}). Logs each change of the hub's
 * status, with the components that are not ready.
 */
@Component(service = SanteHub.class, immediate = true)
public class SanteHubImpl implements SanteHub {

    private static final Logger LOG = LoggerFactory.getLogger(SanteHubImpl.class);

    /** A bundle and the components its header declares. */
    private record Declaration(Bundle bundle, List<String> composants) {
    }

    private final Clock horloge;
    private final Map<Long, SanteService> services = new ConcurrentHashMap<>();
    private final Map<Long, String> noms = new ConcurrentHashMap<>();
    private final Set<String> dejaPublies = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> absentsDepuis = new ConcurrentHashMap<>();
    private final Set<Long> dejaActifs = ConcurrentHashMap.newKeySet();
    private BundleTracker<Declaration> bundles;
    private volatile EtatSante.Statut dernier;

    public SanteHubImpl() {
        this(Clock.systemUTC());
    }

    SanteHubImpl(Clock horloge) {
        this.horloge = horloge;
    }

    @Activate
    void activer(BundleContext contexte) {
        bundles = new BundleTracker<>(contexte, Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE
                | Bundle.STOPPING, null) {
            @Override
            public Declaration addingBundle(Bundle bundle, BundleEvent event) {
                String entete = bundle.getHeaders("").get(SanteService.EN_TETE_COMPOSANTS);
                if (entete == null || entete.isBlank()) {
                    return null;
                }
                noterActif(bundle);
                Instant maintenant = horloge.instant();
                List<String> composants = Arrays.stream(entete.split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList();
                composants.forEach(c -> absentsDepuis.putIfAbsent(c, maintenant));
                return new Declaration(bundle, composants);
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, Declaration declaration) {
                noterActif(bundle);
            }
        };
        bundles.open();
    }

    @Deactivate
    void desactiver() {
        bundles.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "delier")
    void lier(SanteService service, Map<String, Object> proprietes) {
        long id = (Long) proprietes.get("service.id");
        services.put(id, service);
        Object nom = proprietes.get(SanteService.PROPRIETE_COMPOSANT);
        if (nom != null) {
            noms.put(id, nom.toString());
            dejaPublies.add(nom.toString());
            absentsDepuis.remove(nom.toString());
        }
    }

    void delier(SanteService service, Map<String, Object> proprietes) {
        long id = (Long) proprietes.get("service.id");
        services.remove(id);
        String nom = noms.remove(id);
        if (nom != null && !noms.containsValue(nom)) {
            absentsDepuis.put(nom, horloge.instant());
        }
    }

    @Override
    public Sante etat() {
        List<EtatSante> publies = new ArrayList<>();
        for (SanteService s : services.values()) {
            publies.add(s.etat());
        }
        List<Evaluation.Attendu> attendus = new ArrayList<>();
        for (Declaration d : bundles.getTracked().values()) {
            Evaluation.EtatBundle etat = etatBundle(d.bundle());
            for (String c : d.composants()) {
                attendus.add(new Evaluation.Attendu(c, d.bundle().getSymbolicName(),
                        etat, dejaPublies.contains(c), absentsDepuis.getOrDefault(c, horloge.instant())));
            }
        }
        Sante sante = Evaluation.evaluer(attendus, publies);
        if (sante.statut() != dernier) {
            dernier = sante.statut();
            if (sante.statut() == EtatSante.Statut.UP) {
                LOG.info("Hub prêt : {} composant(s) UP", sante.composants().size());
            } else {
                LOG.info("Hub {} : {}", sante.statut(), sante.nonPrets().stream()
                        .map(e -> e.composant() + " " + e.statut() + " (" + e.message() + ")").toList());
            }
        }
        return sante;
    }

    private void noterActif(Bundle b) {
        if (b.getState() == Bundle.ACTIVE) {
            dejaActifs.add(b.getBundleId());
        }
    }

    /** Stopped on purpose: was active, now resolved and no longer marked to start (bundle:stop, not an update). */
    private Evaluation.EtatBundle etatBundle(Bundle b) {
        int etat = b.getState();
        if (etat == Bundle.ACTIVE) {
            return Evaluation.EtatBundle.ACTIF;
        }
        BundleStartLevel niveau = b.adapt(BundleStartLevel.class);
        boolean arreteExpres = dejaActifs.contains(b.getBundleId()) && etat == Bundle.RESOLVED
                && niveau != null && !niveau.isPersistentlyStarted();
        return arreteExpres ? Evaluation.EtatBundle.ARRETE : Evaluation.EtatBundle.EN_DEMARRAGE;
    }
}
