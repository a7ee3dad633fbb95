package org.registrehub.acces.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.Canal;
import org.registrehub.api.acces.AuthentificationService;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.SessionWeb;
import org.registrehub.api.acces.SessionsWeb;
import org.registrehub.api.acces.spi.AuditStore;
import org.registrehub.api.spi.BaseDeDonnees;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff's web sessions in PostgreSQL ({@code session_web}, V34): a random 256-bit token in the browser's cookie,
 * its SHA-256 in the table; the CSRF token is derived from the token, so that nothing else needs keeping. Each read
 * re-reads the identity (a user disabled, or who lost a role, loses it at the next request) and extends the
 * inactivity delay, never past the session's maximum end ({@code sessionWeb.*} of {@code org.registrehub.acces}).
 */
@Component(service = SessionsWeb.class, configurationPid = "org.registrehub.acces")
public class SessionsWebPostgres implements SessionsWeb {

    private static final Logger LOG = LoggerFactory.getLogger(SessionsWebPostgres.class);
    private static final SecureRandom HASARD = new SecureRandom();

    private final BaseDeDonnees.Sessions base;
    private final AuthentificationService authentification;
    private final AuditStore audit;
    private final Clock horloge;
    private volatile Duration inactivite;
    private volatile Duration dureeMax;

    @Activate
    public SessionsWebPostgres(@Reference BaseDeDonnees base, @Reference AuthentificationService authentification,
                               @Reference AuditStore audit, SecuriteConfig config) {
        this(base, authentification, audit, Clock.systemUTC(),
                Duration.ofMinutes(Math.max(1, config.sessionWeb_inactiviteMinutes())),
                Duration.ofHours(Math.max(1, config.sessionWeb_dureeMaxHeures())));
    }

    public SessionsWebPostgres(BaseDeDonnees base, AuthentificationService authentification, AuditStore audit,
                               Clock horloge, Duration inactivite, Duration dureeMax) {
        this.base = base.sessions(AccesMapper.class);
        this.authentification = authentification;
        this.audit = audit;
        this.horloge = horloge;
        this.inactivite = inactivite;
        this.dureeMax = dureeMax;
    }

    @Modified
    void modifier(SecuriteConfig config) {
        inactivite = Duration.ofMinutes(Math.max(1, config.sessionWeb_inactiviteMinutes()));
        dureeMax = Duration.ofHours(Math.max(1, config.sessionWeb_dureeMaxHeures()));
    }

    @Override
    public SessionWeb ouvrir(Identite identite, String adresseClient) {
        byte[] octets = new byte[32];
        HASARD.nextBytes(octets);
        String jeton = Base64.getUrlEncoder().withoutPadding().encodeToString(octets);
        Instant maintenant = horloge.instant();
        Instant finMax = maintenant.plus(dureeMax);
        Instant expire = min(maintenant.plus(inactivite), finMax);
        String adresse = adresseClient == null ? null : adresseClient.substring(0, Math.min(64, adresseClient.length()));
        base.executer("ouverture d'une session web", AccesMapper.class, m -> {
            m.purgerSessionsWeb(maintenant);
            m.insererSessionWeb(sha256(jeton), identite.identifiant(), adresse, maintenant, expire, finMax);
            return m.auditer(new EntreeAudit(maintenant, identite.identifiant(), identite.organisation().code(),
                    Canal.WEB, "CONNEXION_WEB", null, null, adresse == null ? null : "adresse " + adresse));
        });
        LOG.info("Session web ouverte pour {} ({})", identite.identifiant(), identite.organisation().code());
        return new SessionWeb(jeton, csrf(jeton), identite, maintenant, expire);
    }

    @Override
    public Optional<SessionWeb> session(String jeton) {
        if (jeton == null || jeton.length() != 43) {
            return Optional.empty();
        }
        Instant maintenant = horloge.instant();
        Map<String, Object> l = base.executer("lecture d'une session web", AccesMapper.class,
                m -> m.toucherSessionWeb(sha256(jeton), maintenant, maintenant.plus(inactivite)));
        if (l == null) {
            return Optional.empty();
        }
        String identifiant = (String) l.get("identifiant");
        Optional<Identite> identite = authentification.identite(identifiant);
        if (identite.isEmpty()) {
            // disabled since the session opened: the session ends now
            fermer(jeton);
            return Optional.empty();
        }
        return Optional.of(new SessionWeb(jeton, csrf(jeton), identite.get(), instant(l.get("ouverte_le")),
                instant(l.get("expire_le"))));
    }

    @Override
    public void fermer(String jeton) {
        if (jeton == null || jeton.length() != 43) {
            return;
        }
        Instant maintenant = horloge.instant();
        String identifiant = base.executer("fermeture d'une session web", AccesMapper.class,
                m -> m.supprimerSessionWeb(sha256(jeton)));
        if (identifiant != null) {
            String organisation = authentification.identite(identifiant).map(i -> i.organisation().code())
                    .orElse(null);
            audit.auditer(new EntreeAudit(maintenant, identifiant, organisation, Canal.WEB, "DECONNEXION_WEB", null,
                    null, null));
        }
    }

    /** The CSRF token of a session: derived from its token, useless without it, never equal to it. */
    static String csrf(String jeton) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                digest(("csrf:" + jeton).getBytes(StandardCharsets.UTF_8)));
    }

    static String sha256(String jeton) {
        return HexFormat.of().formatHex(digest(jeton.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] digest(byte[] octets) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(octets);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant instant(Object o) {
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof OffsetDateTime d) {
            return d.toInstant();
        }
        if (o instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("horodatage illisible : " + o);
    }
}
