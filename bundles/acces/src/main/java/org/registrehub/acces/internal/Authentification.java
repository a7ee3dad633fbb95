package org.registrehub.acces.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.registrehub.api.Canal;
import org.registrehub.api.acces.AuthentificationService;
import org.registrehub.api.acces.ConnexionVerrouilleeException;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.spi.AuditStore;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.acces.spi.IdentiteStore;
import org.registrehub.api.acces.spi.IdentiteStore.Compte;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a login and password against PostgreSQL. The account (active flag, roles, territories) is read at every
 * call, so that a disabled user is refused at its next request; a password already verified by bcrypt is remembered
 * for a few minutes as a salted SHA-256 (never in clear), so that Basic authentication on every REST call does not
 * cost a bcrypt each time.
 */
@Component(service = AuthentificationService.class, configurationPid = "org.registrehub.acces")
@Designate(ocd = SecuriteConfig.class)
public class Authentification implements AuthentificationService {

    private static final Logger LOG = LoggerFactory.getLogger(Authentification.class);

    private final IdentiteStore store;
    private volatile MotsDePasse motsDePasse;
    private volatile Duration memoire;
    private final Clock horloge;
    private final byte[] poivre = new byte[32];
    private volatile String empreinteFactice;
    private final ConcurrentMap<String, Verifie> verifies = new ConcurrentHashMap<>();

    private record Verifie(byte[] condense, Instant jusqua) {
    }

    private final Freinage freinage;
    private final AuditStore audit;

    @Activate
    public Authentification(@Reference IdentiteStore store, @Reference Freinage freinage, @Reference AuditStore audit,
                            SecuriteConfig config) {
        this(store, new MotsDePasse(config.bcrypt_cout()), Duration.ofMinutes(config.verification_cacheMinutes()),
                Clock.systemUTC(), freinage, audit);
    }

    Authentification(IdentiteStore store, MotsDePasse motsDePasse, Duration memoire, Clock horloge) {
        this(store, motsDePasse, memoire, horloge, new Freinage(1_000, 1_000, Duration.ofMinutes(15), 64), null);
    }

    Authentification(IdentiteStore store, MotsDePasse motsDePasse, Duration memoire, Clock horloge, Freinage freinage,
                     AuditStore audit) {
        this.freinage = freinage;
        this.audit = audit;
        this.store = store;
        this.motsDePasse = motsDePasse;
        this.memoire = memoire;
        this.horloge = horloge;
        new SecureRandom().nextBytes(poivre);
        this.empreinteFactice = motsDePasse.empreinte(MotsDePasse.aleatoire().toCharArray());
    }

    /**
     * A change of {@code etc/org.registrehub.acces.cfg} applies in place: the realm, which hands this service to
     * every login, is not restarted, so that no login is refused meanwhile.
     */
    @Modified
    void modifier(SecuriteConfig config) {
        MotsDePasse nouveaux = new MotsDePasse(config.bcrypt_cout());
        empreinteFactice = nouveaux.empreinte(MotsDePasse.aleatoire().toCharArray());
        motsDePasse = nouveaux;
        memoire = Duration.ofMinutes(config.verification_cacheMinutes());
        LOG.info("Configuration de l'authentification appliquée : coût bcrypt {}, mémoire des vérifications {} min",
                config.bcrypt_cout(), config.verification_cacheMinutes());
    }

    @Override
    public Optional<Identite> authentifier(String identifiant, char[] motDePasse) {
        return authentifier(identifiant, motDePasse, null, null);
    }

    @Override
    public Optional<Identite> authentifier(String identifiant, char[] motDePasse, Canal canal, String adresse) {
        if (identifiant == null || identifiant.isBlank() || motDePasse == null || motDePasse.length == 0) {
            return Optional.empty();
        }
        String login = identifiant.strip();
        Optional<Freinage.Verrou> verrou = freinage.verrou(login, adresse, horloge.instant());
        if (verrou.isPresent()) {
            // refused before any password check: a locked login costs no bcrypt
            LOG.info("Authentification refusée sans vérification : {} verrouillé jusqu'à {}",
                    Journal.neutre(verrou.get().cle()), verrou.get().jusqua());
            throw new ConnexionVerrouilleeException(verrou.get().cle(), verrou.get().jusqua());
        }
        Optional<Compte> compte = store.compte(login);
        if (compte.isEmpty()) {
            freinage.verifier(() -> motsDePasse.verifier(empreinteFactice, motDePasse)); // same cost as a known login
            LOG.info("Authentification refusée : identifiant inconnu « {} »", Journal.neutre(login));
            return echec(login, canal, adresse);
        }
        Compte c = compte.get();
        if (!motDePasseVerifie(login, motDePasse, c.empreinte())) {
            LOG.info("Authentification refusée : mot de passe erroné pour « {} »", Journal.neutre(login));
            return echec(login, canal, adresse);
        }
        if (!c.utilisateur().actif()) {
            LOG.info("Authentification refusée : compte « {} » ou son organisation désactivé", login);
            return Optional.empty();
        }
        freinage.succes(login);
        return Optional.of(new Identite(login, c.organisation(), c.utilisateur().roles(), c.communes()));
    }

    /** A failed login is counted; the one that locks its login or address is audited. */
    private Optional<Identite> echec(String login, Canal canal, String adresse) {
        freinage.echec(login, adresse, horloge.instant()).ifPresent(v -> {
            LOG.warn("Trop d'échecs de connexion : {} verrouillé jusqu'à {}", Journal.neutre(v.cle()), v.jusqua());
            if (audit != null) {
                audit.auditer(new EntreeAudit(horloge.instant(), Journal.neutre(login), null,
                        canal == null ? Canal.CONNEXION : canal, "VERROU_CONNEXION", null, null,
                        Journal.neutre(v.cle()) + " verrouillé jusqu'à " + v.jusqua()
                                + (adresse == null ? "" : " (adresse " + adresse + ")")));
            }
        });
        return Optional.empty();
    }

    @Override
    public Optional<Identite> identite(String identifiant) {
        if (identifiant == null || identifiant.isBlank()) {
            return Optional.empty();
        }
        return store.compte(identifiant.strip()).filter(c -> c.utilisateur().actif())
                .map(c -> new Identite(c.utilisateur().identifiant(), c.organisation(), c.utilisateur().roles(),
                        c.communes()));
    }

    @Override
    public Optional<Identite> identiteOrganisation(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return store.organisation(code.strip()).filter(Organisation::active).flatMap(o -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (o.type() == TypeOrganisation.BAILLEUR) {
                roles.add(Role.BAILLEUR);
                if (o.guichet() != null) {
                    roles.add(Role.GUICHET);
                }
            } else if (o.type() == TypeOrganisation.GUICHET) {
                roles.add(Role.GUICHET);
            } else {
                return Optional.empty();
            }
            Set<String> communes = new TreeSet<>();
            for (String territoire : o.territoires()) {
                if (territoire.length() == 9) {
                    store.epci(territoire).ifPresent(e -> communes.addAll(e.communes()));
                }
            }
            return Optional.of(new Identite(IDENTITE_ERP + o.code(), o, roles, communes));
        });
    }

    /** Prefix of the identity an organisation acts with on its ERP queues (history, audit): {@code erp:NMH}. */
    static final String IDENTITE_ERP = "erp:";

    private boolean motDePasseVerifie(String login, char[] motDePasse, String empreinte) {
        byte[] condense = MotsDePasse.condense(poivre, login, motDePasse, empreinte);
        Instant maintenant = horloge.instant();
        Verifie connu = verifies.get(login);
        if (connu != null && connu.jusqua().isAfter(maintenant) && MessageDigest.isEqual(connu.condense(), condense)) {
            return true;
        }
        if (!freinage.verifier(() -> motsDePasse.verifier(empreinte, motDePasse))) {
            return false;
        }
        verifies.put(login, new Verifie(condense, maintenant.plus(memoire)));
        return true;
    }

    /** Forgets what was verified for this login (its password changed). */
    void oublier(String identifiant) {
        verifies.remove(identifiant);
    }

    MotsDePasse motsDePasse() {
        return motsDePasse;
    }
}
