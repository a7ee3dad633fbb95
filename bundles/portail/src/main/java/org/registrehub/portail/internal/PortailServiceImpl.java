package org.registrehub.portail.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.registrehub.api.AttestationService;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.Dossier;
import org.registrehub.api.Doublon;
import org.registrehub.api.DoublonPresumeException;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.FonctionnaliteAbsenteException;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.NumerotationService;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.RegistreService;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.messagerie.AdresseRefusee;
import org.registrehub.api.messagerie.Courriel;
import org.registrehub.api.messagerie.MessagerieService;
import org.registrehub.api.messagerie.ServeurInjoignable;
import org.registrehub.api.portail.ConnexionRefuseeException;
import org.registrehub.api.portail.DemandeDejaActiveException;
import org.registrehub.api.portail.LienInvalideException;
import org.registrehub.api.portail.PortailService;
import org.registrehub.api.portail.SessionPortail;
import org.registrehub.api.portail.TropDeTentativesException;
import org.registrehub.api.spi.BaseDeDonnees;
import org.registrehub.api.spi.JsonCodec;
import org.registrehub.portail.internal.PortailMapper.LigneCompte;
import org.registrehub.portail.internal.PortailMapper.LigneContact;
import org.registrehub.portail.internal.PortailMapper.LigneJeton;
import org.registrehub.portail.internal.PortailMapper.LigneSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The applicant portal's service. Secrets (links, codes, session tokens) are kept as SHA-256 only; passwords as
 * bcrypt. Each attempt that could be guessed (a sign-in, a code, a link asked for) is counted per key in PostgreSQL, so
 * that the throttling holds across nodes. The applicant acts on the register as the organisation {@code PORTAIL} with
 * the role of a guichet under the portal's guichet code, on the territory of the demand only, channel
 * {@code EN_LIGNE}; the register's rules, history and audit apply as for any channel.
 *
 * <p>Logs name accounts by their id and demands by their numéro: never an address, a password, a code or a NIR.
 */
@Component(service = PortailService.class, configurationPid = PortailConfig.PID)
@Designate(ocd = PortailConfig.class)
public class PortailServiceImpl implements PortailService {

    private static final Logger LOG = LoggerFactory.getLogger(PortailServiceImpl.class);
    static final String ORGANISATION = "PORTAIL";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern NUMERO = Pattern.compile("^[0-9]{2}[0-9AB][0-9]{10}(G[0-9]{4}|GDPUB)$");
    private static final Pattern CODE = Pattern.compile("^[0-9]{8}$");
    private static final Pattern JETON = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    private final BaseDeDonnees.Sessions base;
    private final RegistreService registre;
    private final JsonCodec json;
    private final Clock clock;
    private volatile Reglages reglages;
    private volatile MessagerieService messagerie;
    private final List<AttestationService> attestations = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile org.registrehub.api.dossier.PiecesService piecesService;
    private volatile org.registrehub.api.AttributionService attributionService;
    private volatile org.registrehub.api.attribution.CotationService cotationService;

    /** The configuration in force. */
    record Reglages(String lienBase, Duration lien, Duration code, Duration inactivite, Secrets secrets,
                    int tentativesMax, int tentativesMaxParAdresse, Duration fenetre, String guichet,
                    int brouillonMax, ZoneId zone, String empreinteFactice) {

        static Reglages de(PortailConfig c) {
            String base = c.lien_base().strip();
            return new Reglages(base.endsWith("/") ? base.substring(0, base.length() - 1) : base,
                    Duration.ofDays(Math.max(1, c.lien_dureeJours())),
                    Duration.ofMinutes(Math.max(1, c.code_dureeMinutes())),
                    Duration.ofMinutes(Math.max(1, c.session_inactiviteMinutes())), new Secrets(c.bcrypt_cout()),
                    Math.max(1, c.tentatives_max()), Math.max(1, c.tentatives_maxParAdresse()),
                    Duration.ofMinutes(Math.max(1, c.tentatives_fenetreMinutes())), c.guichet().strip(),
                    Math.max(1024, c.brouillon_tailleMaxOctets()), ZoneId.of(c.zone()), null);
        }

        Reglages {
            // checked when no account has the address, so that a sign-in takes as long whether it exists or not
            if (empreinteFactice == null) {
                empreinteFactice = secrets.empreinte(Secrets.jeton().toCharArray());
            }
        }
    }

    @Activate
    public PortailServiceImpl(@Reference BaseDeDonnees base, @Reference RegistreService registre,
                              @Reference JsonCodec json, PortailConfig config) {
        this(base, registre, json, Clock.system(ZoneId.of(config.zone())), Reglages.de(config));
    }

    PortailServiceImpl(BaseDeDonnees base, RegistreService registre, JsonCodec json, Clock clock, Reglages reglages) {
        this.base = base.sessions(PortailMapper.class);
        this.registre = registre;
        this.json = json;
        this.clock = clock;
        this.reglages = reglages;
    }

    @Modified
    void modifier(PortailConfig config) {
        this.reglages = Reglages.de(config);
        LOG.info("Configuration du portail appliquée : liens {}, sessions {} min d'inactivité, guichet {}",
                reglages.lienBase(), reglages.inactivite().toMinutes(), reglages.guichet());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "delierMessagerie")
    void lierMessagerie(MessagerieService m) {
        this.messagerie = m;
    }

    void delierMessagerie(MessagerieService m) {
        if (this.messagerie == m) {
            this.messagerie = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "delierSuivi")
    void lierSuivi(org.registrehub.api.AttributionService a) {
        this.attributionService = a;
    }

    void delierSuivi(org.registrehub.api.AttributionService a) {
        if (this.attributionService == a) {
            this.attributionService = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "delierCotation")
    void lierCotation(org.registrehub.api.attribution.CotationService c) {
        this.cotationService = c;
    }

    void delierCotation(org.registrehub.api.attribution.CotationService c) {
        if (this.cotationService == c) {
            this.cotationService = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "delierPieces")
    void lierPieces(org.registrehub.api.dossier.PiecesService p) {
        this.piecesService = p;
    }

    void delierPieces(org.registrehub.api.dossier.PiecesService p) {
        if (this.piecesService == p) {
            this.piecesService = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "delierAttestation")
    void lierAttestation(AttestationService a) {
        attestations.add(a);
    }

    void delierAttestation(AttestationService a) {
        attestations.remove(a);
    }

    // ------------------------------------------------------------------ accounts

    @Override
    public void inscrire(String email, char[] motDePasse, String adresseClient) {
        String adresse = normaliserEmail(email);
        List<ErreurChamp> erreurs = new ArrayList<>();
        if (adresse == null || !EMAIL.matcher(adresse).matches() || adresse.length() > 254) {
            erreurs.add(new ErreurChamp("email", "format", email, "adresse électronique attendue, ex."
                    + " prenom.nom@exemple.fr"));
        }
        String refus = Secrets.refus(motDePasse, adresse);
        if (refus != null) {
            erreurs.add(new ErreurChamp("motDePasse", "robustesse", null, refus));
        }
        if (!erreurs.isEmpty()) {
            throw new DemandeInvalideException("l'inscription", erreurs);
        }
        MessagerieService m = messagerieActive();
        Reglages r = reglages;
        freiner(r, adresseClient, "inscription:" + adresse);
        String empreinte = r.secrets().empreinte(motDePasse);
        String jeton = Secrets.jeton();
        Instant maintenant = clock.instant();
        // null: the address has a confirmed account already (its holder is told, nobody else)
        Long compte = base.executer("inscription d'un demandeur", PortailMapper.class, mp -> {
            compter(mp, r, adresseClient, "inscription:" + adresse, maintenant);
            Long id = mp.creerCompte(adresse, empreinte);
            if (id == null) {
                LigneCompte existant = mp.compte(adresse);
                if (existant.confirmeLe() != null || mp.remplacerEmpreinteNonConfirmee(existant.id(), empreinte) == 0) {
                    auditer(mp, maintenant, "demandeur:compte-" + existant.id(), "PORTAIL_INSCRIPTION", null,
                            "nouvelle inscription d'une adresse déjà confirmée : titulaire prévenu");
                    return null;
                }
                id = existant.id();
            }
            mp.insererJeton(Secrets.sha256(jeton), "CONFIRMATION", id, null, maintenant.plus(r.lien()));
            auditer(mp, maintenant, "demandeur:compte-" + id, "PORTAIL_INSCRIPTION", null,
                    "compte créé, lien de confirmation envoyé");
            return id;
        });
        Courriel c = compte == null
                ? new Courriel(adresse, "Votre compte existe déjà", TextesPortail.compteExistant(r.lienBase()),
                        null)
                : new Courriel(adresse, "Confirmez votre adresse électronique", TextesPortail.confirmation(
                        r.lienBase() + "/confirmer?jeton=" + jeton, r.lien()), null);
        envoyer(m, c);
        LOG.info("Inscription sur le portail : compte {}", compte == null ? "existant (titulaire prévenu)" : compte);
    }

    @Override
    public SessionPortail confirmer(String jeton, String adresseClient) {
        Reglages r = reglages;
        if (jeton == null || !JETON.matcher(jeton).matches()) {
            throw lienInvalide();
        }
        freiner(r, adresseClient, null);
        Instant maintenant = clock.instant();
        SessionPortail ouverte = base.executer("confirmation d'un compte", PortailMapper.class, mp -> {
            LigneJeton j = mp.utiliserJeton(Secrets.sha256(jeton), "CONFIRMATION", maintenant);
            if (j == null) {
                compter(mp, r, adresseClient, null, maintenant);
                return null;
            }
            mp.confirmerCompte(j.compte(), maintenant);
            LigneCompte c = mp.compteParId(j.compte());
            auditer(mp, maintenant, "demandeur:compte-" + c.id(), "PORTAIL_CONFIRMATION", null, "adresse confirmée");
            return ouvrir(mp, r, c.id(), null, c.email(), maintenant);
        });
        if (ouverte == null) {
            throw lienInvalide();
        }
        return ouverte;
    }

    private static LienInvalideException lienInvalide() {
        return new LienInvalideException("Ce lien n'est pas valable : il a déjà servi ou il a expiré. Inscrivez-vous"
                + " de nouveau avec la même adresse pour en recevoir un autre.");
    }

    @Override
    public SessionPortail connecter(String email, char[] motDePasse, String adresseClient) {
        Reglages r = reglages;
        String adresse = normaliserEmail(email);
        String cle = "connexion:" + (adresse == null ? "" : adresse);
        freiner(r, adresseClient, cle);
        LigneCompte c = adresse == null ? null
                : base.executer("lecture d'un compte", PortailMapper.class, mp -> mp.compte(adresse));
        boolean bon = r.secrets().verifier(c == null ? r.empreinteFactice() : c.empreinte(),
                motDePasse == null ? new char[0] : motDePasse) && c != null;
        Instant maintenant = clock.instant();
        if (!bon) {
            base.executer("échec de connexion", PortailMapper.class, mp -> {
                compter(mp, r, adresseClient, cle, maintenant);
                if (c != null) {
                    auditer(mp, maintenant, "demandeur:compte-" + c.id(), "PORTAIL_CONNEXION_REFUSEE", null,
                            "mot de passe incorrect");
                }
                return null;
            });
            throw new ConnexionRefuseeException("Adresse électronique ou mot de passe incorrect.");
        }
        if (c.confirmeLe() == null) {
            throw new ConnexionRefuseeException("Votre adresse n'est pas encore confirmée : ouvrez le lien que nous"
                    + " vous avons envoyé par courriel (ou inscrivez-vous de nouveau pour en recevoir un autre).");
        }
        return base.executer("connexion d'un demandeur", PortailMapper.class, mp -> {
            mp.effacerTentatives(cle);
            mp.noterConnexion(c.id(), maintenant);
            auditer(mp, maintenant, "demandeur:compte-" + c.id(), "PORTAIL_CONNEXION", null, "mot de passe");
            return ouvrir(mp, r, c.id(), null, c.email(), maintenant);
        });
    }

    @Override
    public void envoyerCode(String numeroUnique, String adresseClient) {
        String numero = numeroUnique == null ? "" : numeroUnique.strip().toUpperCase(Locale.ROOT);
        if (!NUMERO.matcher(numero).matches()) {
            throw new DemandeInvalideException("la demande de code", List.of(new ErreurChamp("numeroUnique", "format",
                    numeroUnique, "numéro unique de 18 caractères, ex. 0441126000123G1104")));
        }
        MessagerieService m = messagerieActive();
        Reglages r = reglages;
        String cle = "code:" + numero;
        freiner(r, adresseClient, cle);
        String code = Secrets.code();
        Instant maintenant = clock.instant();
        LigneContact contact = base.executer("envoi d'un code de connexion", PortailMapper.class, mp -> {
            // every code sent counts: nobody floods a demand's mailbox
            compter(mp, r, adresseClient, cle, maintenant);
            LigneContact ct = mp.contactActif(numero);
            if (ct == null || ct.email() == null) {
                return null;
            }
            mp.insererJeton(Secrets.sha256(numero + ":" + code), "CODE", null, numero, maintenant.plus(r.code()));
            auditer(mp, maintenant, "demandeur:code", "PORTAIL_CODE_ENVOYE", numero, "code de connexion envoyé"
                    + " à l'adresse de la demande");
            return ct;
        });
        if (contact != null) {
            envoyer(m, new Courriel(contact.email(), "Votre code de connexion", TextesPortail.code(numero, code,
                    r.code()), null));
        }
        LOG.info("Code de connexion demandé pour la demande {} : {}", numero, contact == null
                ? "aucun envoi (demande inconnue, radiée ou sans adresse)" : "envoyé");
    }

    @Override
    public SessionPortail connecterParCode(String numeroUnique, String code, String adresseClient) {
        Reglages r = reglages;
        String numero = numeroUnique == null ? "" : numeroUnique.strip().toUpperCase(Locale.ROOT);
        String saisi = code == null ? "" : code.replaceAll("\\s", "");
        String cle = "code:" + numero;
        freiner(r, adresseClient, cle);
        Instant maintenant = clock.instant();
        SessionPortail s = base.executer("connexion par code", PortailMapper.class, mp -> {
            LigneJeton j = NUMERO.matcher(numero).matches() && CODE.matcher(saisi).matches()
                    ? mp.utiliserJeton(Secrets.sha256(numero + ":" + saisi), "CODE", maintenant) : null;
            LigneContact ct = j == null ? null : mp.contactActif(numero);
            if (ct == null || ct.email() == null) {
                compter(mp, r, adresseClient, cle, maintenant);
                return null;
            }
            mp.effacerTentatives(cle);
            auditer(mp, maintenant, "demandeur:code", "PORTAIL_CONNEXION", numero, "numéro unique et code");
            return ouvrir(mp, r, null, numero, ct.email(), maintenant);
        });
        if (s == null) {
            throw new ConnexionRefuseeException("Numéro ou code incorrect, ou code expiré : demandez un nouveau code.");
        }
        return s;
    }

    @Override
    public Optional<SessionPortail> session(String jeton) {
        if (jeton == null || !JETON.matcher(jeton).matches()) {
            return Optional.empty();
        }
        Reglages r = reglages;
        Instant maintenant = clock.instant();
        return Optional.ofNullable(base.executer("lecture d'une session", PortailMapper.class, mp -> {
            LigneSession l = mp.toucherSession(Secrets.sha256(jeton), maintenant, maintenant.plus(r.inactivite()));
            if (l == null) {
                return null;
            }
            Set<String> numeros = l.compte() != null ? new LinkedHashSet<>(mp.demandesDuCompte(l.compte()))
                    : Set.of(l.numeroUnique());
            return new SessionPortail(jeton, Secrets.csrf(jeton), l.compte(), l.email(), numeros, l.expireLe());
        }));
    }

    @Override
    public void deconnecter(String jeton) {
        if (jeton == null || !JETON.matcher(jeton).matches()) {
            return;
        }
        base.executer("déconnexion", PortailMapper.class, mp -> mp.supprimerSession(Secrets.sha256(jeton)));
    }

    private SessionPortail ouvrir(PortailMapper mp, Reglages r, Long compte, String numero, String email,
                                  Instant maintenant) {
        mp.purgerSessions(maintenant);
        mp.purgerJetons(maintenant.minus(Duration.ofDays(1)));
        mp.purgerTentatives(maintenant.minus(r.fenetre()));
        String jeton = Secrets.jeton();
        Instant expire = maintenant.plus(r.inactivite());
        mp.insererSession(Secrets.sha256(jeton), compte, numero, email, maintenant, expire);
        Set<String> numeros = compte != null ? new LinkedHashSet<>(mp.demandesDuCompte(compte)) : Set.of(numero);
        return new SessionPortail(jeton, Secrets.csrf(jeton), compte, email, numeros, expire);
    }

    // ------------------------------------------------------------------ throttling

    /** Refuses at once when the address or the key has used its attempts in the window. */
    private void freiner(Reglages r, String adresseClient, String cle) {
        Instant maintenant = clock.instant();
        Instant depuis = maintenant.minus(r.fenetre());
        base.executer("freinage du portail", PortailMapper.class, mp -> {
            refuserSiAtteint(mp.tentatives("ip:" + adresse(adresseClient), depuis), r.tentativesMaxParAdresse(),
                    r.fenetre());
            if (cle != null) {
                refuserSiAtteint(mp.tentatives(cle, depuis), r.tentativesMax(), r.fenetre());
            }
            return null;
        });
    }

    private static void refuserSiAtteint(List<Instant> tentatives, int max, Duration fenetre) {
        if (tentatives.size() >= max) {
            Instant jusqua = tentatives.get(tentatives.size() - max).plus(fenetre);
            throw new TropDeTentativesException("Trop de tentatives : réessayez après "
                    + DateTimeFormatter.ofPattern("HH'h'mm", Locale.FRANCE).withZone(ZoneId.of("Europe/Paris"))
                            .format(jusqua) + ".", jusqua);
        }
    }

    private static void compter(PortailMapper mp, Reglages r, String adresseClient, String cle, Instant maintenant) {
        mp.tenter("ip:" + adresse(adresseClient), maintenant);
        if (cle != null) {
            mp.tenter(cle, maintenant);
        }
    }

    private static String adresse(String adresseClient) {
        return adresseClient == null || adresseClient.isBlank() ? "inconnue" : adresseClient.strip();
    }

    // ------------------------------------------------------------------ draft

    @Override
    public Map<String, List<String>> brouillon(SessionPortail session) {
        if (session.compte() == null) {
            return Map.of();
        }
        String texte = base.executer("lecture d'un brouillon", PortailMapper.class,
                mp -> mp.brouillon(session.compte()));
        if (texte == null) {
            return Map.of();
        }
        Map<?, ?> brut = json.lire(texte, Map.class);
        Map<String, List<String>> valeurs = new LinkedHashMap<>();
        brut.forEach((k, v) -> {
            List<String> l = new ArrayList<>();
            if (v instanceof List<?> liste) {
                liste.forEach(x -> l.add(x == null ? "" : x.toString()));
            }
            valeurs.put(k.toString(), l);
        });
        return valeurs;
    }

    @Override
    public void enregistrerBrouillon(SessionPortail session, Map<String, List<String>> valeurs) {
        if (session.compte() == null) {
            throw new RegistreException("BROUILLON_IMPOSSIBLE", "Un brouillon se garde dans un compte : vous êtes"
                    + " connecté avec le numéro d'une demande déjà enregistrée.");
        }
        String texte = json.ecrire(valeurs);
        if (texte.length() > reglages.brouillonMax()) {
            throw new DemandeInvalideException("le brouillon", List.of(new ErreurChamp("brouillon", "taille",
                    texte.length() + " caractères", "au plus " + reglages.brouillonMax() + " caractères")));
        }
        Instant maintenant = clock.instant();
        base.executer("enregistrement d'un brouillon", PortailMapper.class, mp -> {
            mp.enregistrerBrouillon(session.compte(), texte, maintenant);
            return null;
        });
    }

    // ------------------------------------------------------------------ the applicant's demands

    @Override
    public List<ErreurChamp> verifier(Dossier dossier) {
        return registre.verifier(new NouvelleDemande(reglages.guichet(), dossier));
    }

    @Override
    public Demande deposer(SessionPortail session, Dossier dossier) {
        if (session.compte() == null) {
            throw new RegistreException("DEPOT_IMPOSSIBLE", "Vous êtes connecté avec le numéro d'une demande déjà"
                    + " enregistrée : une personne n'a qu'une demande active. Modifiez-la plutôt.");
        }
        Reglages r = reglages;
        String premiere = dossier == null || dossier.logementRecherche() == null
                || dossier.logementRecherche().communes() == null || dossier.logementRecherche().communes().isEmpty()
                ? null : dossier.logementRecherche().communes().get(0);
        String territoire = premiere == null || premiere.strip().length() != 5 ? null
                : NumerotationService.territoire(premiere.strip());
        Demande d;
        try {
            d = registre.enregistrer(new NouvelleDemande(r.guichet(), dossier), contexte(session, territoire));
        } catch (DoublonPresumeException e) {
            throw dejaActive(session, e.getDoublons());
        }
        Instant maintenant = clock.instant();
        base.executer("lien d'une demande à son compte", PortailMapper.class, mp -> {
            mp.lierDemande(session.compte(), d.numeroUnique());
            mp.supprimerBrouillon(session.compte());
            return null;
        });
        // the attestation leaves by e-mail with the register's notices (avis_demande), whatever the channel
        LOG.info("Demande {} déposée en ligne (compte {})", d.numeroUnique(), session.compte());
        return d;
    }

    /** The applicant already has an active demand: its numéro goes to its own address, never on the screen. */
    private DemandeDejaActiveException dejaActive(SessionPortail session, List<Doublon> doublons) {
        MessagerieService m = messagerie;
        boolean envoye = false;
        for (Doublon x : doublons) {
            LigneContact ct = base.executer("adresse d'une demande", PortailMapper.class,
                    mp -> mp.contactActif(x.numeroUnique()));
            if (ct != null && ct.email() != null && m != null && m.active()) {
                try {
                    envoyer(m, new Courriel(ct.email(), "Votre demande de logement social",
                            TextesPortail.demandeExistante(ct.numeroUnique(), reglages.lienBase()), null));
                    envoye = true;
                } catch (RegistreException e) {
                    LOG.warn("Numéro de la demande {} non envoyé : {}", x.numeroUnique(), e.getMessage());
                }
            }
        }
        Instant maintenant = clock.instant();
        String details = doublons.size() + " demande(s) active(s) à la même identité ; numéro envoyé à leur adresse : "
                + (envoye ? "oui" : "non");
        base.executer("audit d'un doublon en ligne", PortailMapper.class, mp -> {
            auditer(mp, maintenant, session.acteur(), "PORTAIL_DOUBLON", null, details);
            return null;
        });
        return new DemandeDejaActiveException(envoye
                ? "Une demande de logement social est déjà enregistrée à votre nom : nous venons d'envoyer son numéro"
                        + " à l'adresse électronique qu'elle porte. Connectez-vous avec ce numéro pour la consulter,"
                        + " la modifier ou la renouveler ; rien n'a été enregistré."
                : "Une demande de logement social est déjà enregistrée à votre nom, sans adresse électronique :"
                        + " adressez-vous à un guichet pour la retrouver ; rien n'a été enregistré.", envoye);
    }

    @Override
    public List<Demande> demandes(SessionPortail session) {
        List<Demande> l = new ArrayList<>();
        for (String n : session.numeros()) {
            registre.consulter(n, contexte(session, n.substring(0, 3))).ifPresent(l::add);
        }
        return l;
    }

    @Override
    public Demande demande(SessionPortail session, String numeroUnique) {
        return sur(session, numeroUnique, ctx -> registre.consulter(numeroUnique, ctx)
                .orElseThrow(() -> new DemandeIntrouvableException(numeroUnique)));
    }

    @Override
    public List<EntreeHistorique> historique(SessionPortail session, String numeroUnique) {
        return sur(session, numeroUnique, ctx -> registre.historique(numeroUnique, ctx));
    }

    @Override
    public byte[] attestation(SessionPortail session, String numeroUnique) {
        return sur(session, numeroUnique, ctx -> AttestationService.parmi(attestations)
                .attestation(numeroUnique, ctx));
    }

    @Override
    public Demande modifier(SessionPortail session, String numeroUnique, long version, Dossier dossier) {
        return sur(session, numeroUnique, ctx -> registre.modifier(numeroUnique, version, dossier, ctx));
    }

    @Override
    public Demande renouveler(SessionPortail session, String numeroUnique, long version, Dossier dossier) {
        return sur(session, numeroUnique, ctx -> registre.renouveler(numeroUnique, version, dossier, ctx));
    }

    @Override
    public List<org.registrehub.api.SuiviAttribution> suivi(SessionPortail session, String numeroUnique) {
        org.registrehub.api.AttributionService a = attributionService;
        return sur(session, numeroUnique, ctx -> a == null ? List.of() : a.suivi(numeroUnique, ctx));
    }

    @Override
    public Optional<org.registrehub.api.attribution.CotationDemande> cotation(SessionPortail session,
                                                                            String numeroUnique) {
        org.registrehub.api.attribution.CotationService c = cotationService;
        return sur(session, numeroUnique, ctx -> {
            if (c == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(c.cotation(numeroUnique, ctx));
            } catch (RegistreException e) {
                // no grid for the territory (or the demand is radiated): no score to show
                LOG.debug("Pas de cotation pour {} : {}", numeroUnique, e.getMessage());
                return Optional.empty();
            }
        });
    }

    @Override
    public List<org.registrehub.api.dossier.Piece> pieces(SessionPortail session, String numeroUnique) {
        return sur(session, numeroUnique, ctx -> pieces().pieces(numeroUnique, ctx));
    }

    @Override
    public org.registrehub.api.dossier.Piece deposerPiece(SessionPortail session, String numeroUnique,
                                                          org.registrehub.api.dossier.CategoriePiece categorie,
                                                          String nomFichier, String typeMedia, byte[] contenu,
                                                          Long remplace) {
        return sur(session, numeroUnique, ctx -> pieces().deposer(numeroUnique, categorie, nomFichier, typeMedia,
                contenu, remplace, ctx));
    }

    @Override
    public org.registrehub.api.dossier.ContenuPiece piece(SessionPortail session, String numeroUnique, long id) {
        return sur(session, numeroUnique, ctx -> pieces().lire(numeroUnique, id, ctx));
    }

    @Override
    public void retirerPiece(SessionPortail session, String numeroUnique, long id) {
        sur(session, numeroUnique, ctx -> {
            pieces().retirer(numeroUnique, id, ctx);
            return null;
        });
    }

    private org.registrehub.api.dossier.PiecesService pieces() {
        org.registrehub.api.dossier.PiecesService p = piecesService;
        if (p == null) {
            throw new FonctionnaliteAbsenteException("Le dossier unique", "registre-dossier-unique");
        }
        return p;
    }

    /** One of the session's demands, or unknown: another applicant's numéro is answered as one that does not exist. */
    private <T> T sur(SessionPortail session, String numeroUnique, Function<Contexte, T> travail) {
        if (session == null || !session.possede(numeroUnique)) {
            throw new DemandeIntrouvableException(numeroUnique);
        }
        return travail.apply(contexte(session, numeroUnique.substring(0, 3)));
    }

    /** The applicant, as the register sees them: a guichet under the portal's code, on one territory. */
    private Contexte contexte(SessionPortail session, String territoire) {
        Organisation o = new Organisation(ORGANISATION, TypeOrganisation.HUB, "Portail du demandeur",
                reglages.guichet(), true, territoire == null ? Set.of() : Set.of(territoire));
        return new Contexte(new Identite(session.acteur(), o, Set.of(Role.GUICHET)), Canal.EN_LIGNE);
    }

    // ------------------------------------------------------------------ e-mail, audit

    private MessagerieService messagerieActive() {
        MessagerieService m = messagerie;
        if (m == null || !m.active()) {
            throw new FonctionnaliteAbsenteException("L'envoi de courriels (serveur SMTP du hub, smtp.hote de"
                    + " org.registrehub.campagne)", "registre-campagne-renouvellement");
        }
        return m;
    }

    private static void envoyer(MessagerieService m, Courriel c) {
        try (MessagerieService.Connexion cx = m.ouvrir()) {
            cx.envoyer(c);
        } catch (AdresseRefusee e) {
            throw new DemandeInvalideException("l'envoi du courriel", List.of(new ErreurChamp("email", "adresse",
                    null, "adresse refusée par le serveur de messagerie")));
        } catch (ServeurInjoignable e) {
            throw new RegistreIndisponibleException("Le courriel n'a pas pu être envoyé (serveur de messagerie"
                    + " injoignable) : réessayez dans quelques minutes.", e);
        }
    }

    private static void auditer(PortailMapper mp, Instant maintenant, String acteur, String operation, String numero,
                                String details) {
        mp.auditer(new EntreeAudit(maintenant, acteur, ORGANISATION, Canal.EN_LIGNE, operation, numero,
                numero == null ? null : numero.substring(0, 3), details));
    }

    static String normaliserEmail(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** For the tests: today in the portal's zone. */
    LocalDate aujourdhui() {
        return LocalDate.now(clock);
    }
}
