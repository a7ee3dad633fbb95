package org.registrehub.acces.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.Contexte;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.NumerotationService;
import org.registrehub.api.RegistreException;
import org.registrehub.api.acces.AccesService;
import org.registrehub.api.acces.AuditService;
import org.registrehub.api.acces.CriteresAudit;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.Epci;
import org.registrehub.api.acces.Guichet;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.PageAudit;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.acces.Utilisateur;
import org.registrehub.api.acces.spi.AuditStore;
import org.registrehub.api.acces.spi.IdentiteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access management and the reading of the audit trail. Administrators act everywhere; a gestionnaire acts on the
 * organisations whose territories are all within its own, grants only its own territories and never the admin role.
 * Every change is audited (never a password); errors name the field and the rule.
 */
@Component(service = {AccesService.class, AuditService.class}, configurationPid = "org.registrehub.acces")
public class GestionAcces implements AccesService, AuditService {

    private static final Logger LOG = LoggerFactory.getLogger(GestionAcces.class);
    public static final String INTROUVABLE = "INTROUVABLE";
    public static final String EXISTE_DEJA = "EXISTE_DEJA";
    static final Pattern CODE = Pattern.compile("^[A-Z0-9][A-Z0-9_-]{1,19}$");
    static final Pattern IDENTIFIANT = Pattern.compile("^[a-z0-9][a-z0-9._@-]{1,99}$");
    static final Pattern GUICHET = Pattern.compile("^(G[0-9]{4}|GDPUB)$");
    static final Pattern TERRITOIRE = Pattern.compile("^([0-9]{2}[0-9AB]|[0-9]{9})$");
    static final Pattern EPCI = Pattern.compile("^[0-9]{9}$");
    static final Pattern COMMUNE = Pattern.compile("^([0-9]{5}|2[AB][0-9]{3})$");
    static final int TAILLE_MAX = 100;

    private final IdentiteStore store;
    private final AuditStore audit;
    private volatile MotsDePasse motsDePasse;
    private final Clock horloge;
    /** The first administrator's login and the file its password was written to (deleted once it is changed). */
    private volatile String adminInitial;
    private volatile java.nio.file.Path fichierSecret;

    private volatile Freinage freinage = new Freinage(1_000, 1_000, java.time.Duration.ofMinutes(15), 64);

    @Activate
    public GestionAcces(@Reference IdentiteStore store, @Reference AuditStore audit, @Reference Freinage freinage,
                        SecuriteConfig config) {
        this(store, audit, new MotsDePasse(config.bcrypt_cout()), Clock.systemUTC());
        this.freinage = freinage;
        this.adminInitial = config.admin_identifiant();
        this.fichierSecret = AdministrateurInitial.fichier(config);
    }

    GestionAcces(IdentiteStore store, AuditStore audit, MotsDePasse motsDePasse, Clock horloge) {
        this.store = store;
        this.audit = audit;
        this.motsDePasse = motsDePasse;
        this.horloge = horloge;
    }

    /** For the tests: the first administrator and its secret file. */
    void administrateurInitial(String identifiant, java.nio.file.Path fichier) {
        this.adminInitial = identifiant;
        this.fichierSecret = fichier;
    }

    /** A change of the configuration (bcrypt cost of new passwords) applies in place, without a restart. */
    @Modified
    void modifier(SecuriteConfig config) {
        motsDePasse = new MotsDePasse(config.bcrypt_cout());
        adminInitial = config.admin_identifiant();
        fichierSecret = AdministrateurInitial.fichier(config);
    }

    // ------------------------------------------------------------------ organisations

    @Override
    public Organisation creerOrganisation(Organisation o, Contexte contexte) {
        Identite qui = gestionnaireOuAdmin(contexte, "la création d'une organisation");
        List<ErreurChamp> erreurs = new ArrayList<>();
        if (o == null) {
            throw new DemandeInvalideException(List.of(new ErreurChamp("organisation", "obligatoire", null,
                    "organisation attendue")));
        }
        verifier(erreurs, "code", o.code(), CODE, "code de 2 à 20 caractères : majuscules, chiffres, - ou _");
        if (o.type() == null) {
            erreurs.add(new ErreurChamp("type", "obligatoire", null,
                    "type attendu : GUICHET, BAILLEUR, ETAT, OBSERVATOIRE ou HUB"));
        } else if (o.type() == TypeOrganisation.HUB && !qui.a(Role.ADMIN)) {
            erreurs.add(new ErreurChamp("type", "reserve", "HUB", "seul un administrateur crée une organisation HUB"));
        }
        if (o.nom() == null || o.nom().isBlank() || o.nom().length() > 200) {
            erreurs.add(new ErreurChamp("nom", "obligatoire", o.nom(), "nom de 1 à 200 caractères"));
        }
        if (o.guichet() != null && !GUICHET.matcher(o.guichet()).matches()) {
            erreurs.add(new ErreurChamp("guichet", "format", o.guichet(), "code de guichet G suivi de 4 chiffres"));
        }
        int i = 0;
        for (String t : o.territoires()) {
            verifier(erreurs, "territoires[" + i++ + "]", t, TERRITOIRE, "département sur 3 caractères (044, 02A) ou EPCI par son SIREN (9 chiffres)");
        }
        if (o.territoires().isEmpty() && !qui.a(Role.ADMIN)) {
            erreurs.add(new ErreurChamp("territoires", "obligatoire", null, "au moins un territoire"));
        }
        i = 0;
        for (String t : o.territoires()) {
            if (t != null && EPCI.matcher(t).matches() && store.epci(t).isEmpty()) {
                erreurs.add(new ErreurChamp("territoires[" + i + "]", "inconnu", t,
                        "EPCI inconnu : définissez-le d'abord (POST /api/v1/acces/epci)"));
            }
            i++;
        }
        refuserSiErreurs(erreurs);
        exigerTerritoires(qui, o.territoires(), "créer une organisation sur");
        Organisation creee = new Organisation(o.code(), o.type(), o.nom().strip(), o.guichet(), true,
                o.territoires());
        if (!store.creerOrganisation(creee, audit(contexte, "CREATION_ORGANISATION", premier(creee.territoires()),
                "organisation " + creee.code() + " (" + creee.type() + ", territoires " + creee.territoires() + ")"))) {
            throw new RegistreException(EXISTE_DEJA, "Une organisation porte déjà le code " + o.code()
                    + (o.guichet() == null ? "" : " ou le code de guichet " + o.guichet()) + ".");
        }
        LOG.info("Organisation {} créée par {}", creee.code(), contexte.acteur());
        return organisation(creee.code());
    }

    @Override
    public List<Organisation> organisations(Contexte contexte) {
        Identite qui = gestionnaireOuAdmin(contexte, "la liste des organisations");
        return store.organisations().stream().filter(o -> qui.a(Role.ADMIN) || gere(qui, o)).toList();
    }

    @Override
    public Organisation accorderTerritoire(String code, String territoire, Contexte contexte) {
        return territoire(code, territoire, contexte, true);
    }

    @Override
    public Organisation revoquerTerritoire(String code, String territoire, Contexte contexte) {
        return territoire(code, territoire, contexte, false);
    }

    private Organisation territoire(String code, String territoire, Contexte contexte, boolean accorder) {
        Identite qui = gestionnaireOuAdmin(contexte, accorder ? "l'attribution d'un territoire"
                : "le retrait d'un territoire");
        List<ErreurChamp> erreurs = new ArrayList<>();
        verifier(erreurs, "territoire", territoire, TERRITOIRE,
                "département sur 3 caractères (044, 02A) ou EPCI par son SIREN (9 chiffres)");
        if (territoire != null && EPCI.matcher(territoire).matches() && store.epci(territoire).isEmpty()) {
            erreurs.add(new ErreurChamp("territoire", "inconnu", territoire,
                    "EPCI inconnu : définissez-le d'abord (POST /api/v1/acces/epci)"));
        }
        refuserSiErreurs(erreurs);
        Organisation o = organisation(code);
        exigerGestion(qui, o);
        exigerTerritoires(qui, Set.of(territoire), accorder ? "accorder" : "retirer");
        EntreeAudit ligne = audit(contexte, accorder ? "TERRITOIRE_ACCORDE" : "TERRITOIRE_RETIRE", territoire,
                "organisation " + code);
        if (accorder) {
            store.accorderTerritoire(code, territoire, ligne);
        } else {
            store.revoquerTerritoire(code, territoire, ligne);
        }
        return organisation(code);
    }

    @Override
    public Epci definirEpci(Epci epci, Contexte contexte) {
        Identite qui = gestionnaireOuAdmin(contexte, "la définition d'un EPCI");
        if (epci == null) {
            throw new DemandeInvalideException(List.of(new ErreurChamp("epci", "obligatoire", null, "EPCI attendu")));
        }
        List<ErreurChamp> erreurs = new ArrayList<>();
        verifier(erreurs, "code", epci.code(), EPCI, "SIREN de l'EPCI : 9 chiffres");
        if (epci.nom() == null || epci.nom().isBlank() || epci.nom().length() > 200) {
            erreurs.add(new ErreurChamp("nom", "obligatoire", epci.nom(), "nom de 1 à 200 caractères"));
        }
        if (epci.communes().isEmpty()) {
            erreurs.add(new ErreurChamp("communes", "obligatoire", null, "au moins une commune membre"));
        }
        int i = 0;
        for (String c : epci.communes()) {
            verifier(erreurs, "communes[" + i++ + "]", c, COMMUNE, "code commune INSEE : 44109, 2A004");
        }
        refuserSiErreurs(erreurs);
        Set<String> actuelles = store.epci(epci.code()).map(Epci::communes).orElse(Set.of());
        if (!qui.a(Role.ADMIN)) {
            // A redefinition moves the perimeter of every organisation holding the EPCI: the gestionnaire must
            // cover the communes it takes out as well as those it puts in.
            Set<String> hors = horsDepartements(qui, epci.communes());
            Set<String> horsActuelles = horsDepartements(qui, actuelles);
            if (!horsActuelles.isEmpty()) {
                throw new AccesRefuseException("Accès refusé : l'EPCI " + epci.code() + " compte déjà les communes "
                        + horsActuelles + ", hors des départements de " + qui.organisation().code() + " "
                        + new TreeSet<>(qui.departements()) + " ; seul un administrateur peut le redéfinir.");
            }
            if (!hors.isEmpty()) {
                throw new AccesRefuseException("Accès refusé : les communes " + hors + " sont hors des départements de "
                        + qui.organisation().code() + " " + new TreeSet<>(qui.departements()) + ".");
            }
        }
        Epci defini = new Epci(epci.code(), epci.nom().strip(), epci.communes());
        Set<String> touches = new TreeSet<>();
        actuelles.forEach(c -> touches.add(NumerotationService.territoire(c)));
        defini.communes().forEach(c -> touches.add(NumerotationService.territoire(c)));
        String details = (actuelles.isEmpty() ? "EPCI " + defini.code() : "EPCI " + defini.code() + " redéfini (avant : "
                + new TreeSet<>(actuelles) + ")") + " : " + new TreeSet<>(defini.communes()) + " ("
                + defini.communes().size() + " communes)";
        store.definirEpci(defini, touches.stream().map(t -> audit(contexte, "DEFINITION_EPCI", t, details)).toList());
        return store.epci(defini.code()).orElse(defini);
    }

    @Override
    public List<Epci> epcis(Contexte contexte) {
        Identite qui = gestionnaireOuAdmin(contexte, "la liste des EPCI");
        return store.epcis().stream().filter(e -> qui.a(Role.ADMIN) || horsDepartements(qui, e.communes()).size()
                < e.communes().size()).toList();
    }

    @Override
    public Optional<Guichet> guichet(String code, Contexte contexte) {
        Identite qui = gestionnaireOuAdmin(contexte, "la lecture des coordonnées d'un guichet");
        exigerGestion(qui, organisation(code));
        return store.guichet(code);
    }

    @Override
    public Guichet changerCoordonnees(String code, String adresse, String horaires, Contexte contexte) {
        Identite qui = gestionnaireOuAdmin(contexte, "le changement des coordonnées d'un guichet");
        List<ErreurChamp> erreurs = new ArrayList<>();
        if (adresse == null || adresse.isBlank() || adresse.length() > 300) {
            erreurs.add(new ErreurChamp("adresse", "obligatoire", adresse, "adresse de 1 à 300 caractères"));
        }
        if (horaires == null || horaires.isBlank() || horaires.length() > 300) {
            erreurs.add(new ErreurChamp("horaires", "obligatoire", horaires, "horaires de 1 à 300 caractères"));
        }
        refuserSiErreurs(erreurs);
        Organisation o = organisation(code);
        exigerGestion(qui, o);
        if (o.guichet() == null) {
            throw new DemandeInvalideException(List.of(new ErreurChamp("organisation", "guichet", code,
                    "l'organisation n'a pas de code de guichet : elle n'apparaît pas dans l'annuaire")));
        }
        store.changerCoordonnees(code, adresse.strip(), horaires.strip(), audit(contexte, "COORDONNEES_GUICHET",
                premier(o.territoires()), "organisation " + code));
        return new Guichet(o.guichet(), o.code(), o.nom(), o.type(), adresse.strip(), horaires.strip(),
                o.territoires());
    }

    // ------------------------------------------------------------------ users

    @Override
    public CompteCree creerUtilisateur(String identifiant, String nom, String code, Set<Role> roles,
                                       String motDePasse, Contexte contexte) {
        Identite qui = gestionnaireOuAdmin(contexte, "la création d'un utilisateur");
        List<ErreurChamp> erreurs = new ArrayList<>();
        verifier(erreurs, "identifiant", identifiant, IDENTIFIANT,
                "2 à 100 caractères : minuscules, chiffres, . _ @ -");
        if (org.registrehub.api.acces.CompteInterne.IDENTIFIANT.equals(identifiant)) {
            erreurs.add(new ErreurChamp("identifiant", "reserve", identifiant, "identifiant réservé au hub"));
        }
        if (nom != null && nom.length() > 200) {
            erreurs.add(new ErreurChamp("nom", "longueur", nom, "200 caractères au plus"));
        }
        if (code == null || code.isBlank()) {
            erreurs.add(new ErreurChamp("organisation", "obligatoire", null, "code de l'organisation attendu"));
        }
        if (roles == null || roles.isEmpty()) {
            erreurs.add(new ErreurChamp("roles", "obligatoire", null,
                    "au moins un rôle : guichet, bailleur, gestionnaire, observateur, admin"));
        } else if (roles.contains(Role.ADMIN) && !qui.a(Role.ADMIN)) {
            erreurs.add(new ErreurChamp("roles", "reserve", "admin", "seul un administrateur crée un administrateur"));
        } else if (roles.contains(Role.GESTIONNAIRE) && !qui.a(Role.ADMIN)) {
            erreurs.add(new ErreurChamp("roles", "reserve", "gestionnaire",
                    "seul un administrateur crée un gestionnaire"));
        }
        if (motDePasse != null) {
            String refus = MotsDePasse.refus(motDePasse, identifiant);
            if (refus != null) {
                erreurs.add(new ErreurChamp("motDePasse", "robustesse", null, "mot de passe : " + refus));
            }
        }
        refuserSiErreurs(erreurs);
        Organisation o = organisation(code);
        exigerGestion(qui, o);
        String secret = motDePasse == null ? MotsDePasse.aleatoire() : motDePasse;
        if (!store.creerUtilisateur(identifiant, nom == null ? null : nom.strip(), code, roles,
                motsDePasse.empreinte(secret.toCharArray()), audit(contexte, "CREATION_UTILISATEUR",
                        premier(o.territoires()), "utilisateur " + identifiant + " (organisation " + code + ", rôles "
                                + noms(roles) + ")"))) {
            throw new RegistreException(EXISTE_DEJA, "L'identifiant « " + identifiant + " » est déjà pris.");
        }
        LOG.info("Utilisateur {} ({}, {}) créé par {}", identifiant, code, noms(roles), contexte.acteur());
        return new CompteCree(utilisateur(identifiant), motDePasse == null ? secret : null);
    }

    @Override
    public List<Utilisateur> utilisateurs(String code, Contexte contexte) {
        Identite qui = gestionnaireOuAdmin(contexte, "la liste des utilisateurs");
        if (code != null) {
            exigerGestion(qui, organisation(code));
            return store.utilisateurs(code);
        }
        Set<String> geres = organisations(contexte).stream().map(Organisation::code).collect(Collectors.toSet());
        return store.utilisateurs(null).stream().filter(u -> geres.contains(u.organisation())).toList();
    }

    @Override
    public Utilisateur desactiverUtilisateur(String identifiant, Contexte contexte) {
        return activer(identifiant, false, contexte);
    }

    @Override
    public Utilisateur reactiverUtilisateur(String identifiant, Contexte contexte) {
        return activer(identifiant, true, contexte);
    }

    private Utilisateur activer(String identifiant, boolean actif, Contexte contexte) {
        Identite qui = gestionnaireOuAdmin(contexte, actif ? "la réactivation d'un utilisateur"
                : "la désactivation d'un utilisateur");
        IdentiteStore.Compte compte = compte(identifiant);
        exigerGestion(qui, compte.organisation());
        exigerNiveau(qui, compte, actif ? "réactiver" : "désactiver");
        if (!actif && identifiant.equals(qui.identifiant())) {
            throw new DemandeInvalideException(List.of(new ErreurChamp("identifiant", "soi-meme", identifiant,
                    "on ne se désactive pas soi-même")));
        }
        store.activerUtilisateur(identifiant, actif, audit(contexte, actif ? "REACTIVATION_UTILISATEUR"
                : "DESACTIVATION_UTILISATEUR", premier(compte.organisation().territoires()), "utilisateur " + identifiant));
        LOG.info("Utilisateur {} {} par {}", identifiant, actif ? "réactivé" : "désactivé", contexte.acteur());
        return utilisateur(identifiant);
    }

    @Override
    public CompteCree changerMotDePasse(String identifiant, String motDePasse, Contexte contexte) {
        Identite qui = contexte.identite();
        IdentiteStore.Compte compte = compte(identifiant);
        if (!identifiant.equals(qui.identifiant())) {
            gestionnaireOuAdmin(contexte, "le changement du mot de passe d'un autre utilisateur");
            exigerGestion(qui, compte.organisation());
            exigerNiveau(qui, compte, "changer le mot de passe de");
        }
        if (motDePasse != null) {
            String refus = MotsDePasse.refus(motDePasse, identifiant);
            if (refus != null) {
                throw new DemandeInvalideException(List.of(new ErreurChamp("motDePasse", "robustesse", null,
                        "mot de passe : " + refus)));
            }
        }
        String secret = motDePasse == null ? MotsDePasse.aleatoire() : motDePasse;
        store.changerEmpreinte(identifiant, motsDePasse.empreinte(secret.toCharArray()), audit(contexte,
                "MOT_DE_PASSE", premier(compte.organisation().territoires()), "utilisateur " + identifiant));
        oublierSecretInitial(identifiant);
        return new CompteCree(utilisateur(identifiant), motDePasse == null ? secret : null);
    }

    /** The first administrator's password file is of no use once that password is changed: it goes. */
    private void oublierSecretInitial(String identifiant) {
        java.nio.file.Path fichier = fichierSecret;
        if (fichier == null || !identifiant.equals(adminInitial)) {
            return;
        }
        try {
            if (java.nio.file.Files.deleteIfExists(fichier)) {
                LOG.info("Mot de passe de l'administrateur initial « {} » changé : fichier {} supprimé", identifiant,
                        fichier);
            }
        } catch (java.io.IOException e) {
            LOG.warn("Mot de passe de l'administrateur initial changé, mais le fichier {} n'a pas pu être supprimé :"
                    + " supprimez-le ({})", fichier, e.getMessage());
        }
    }

    @Override
    public java.util.Map<String, Instant> verrous(Contexte contexte) {
        Identite qui = gestionnaireOuAdmin(contexte, "la liste des connexions verrouillées");
        java.util.Map<String, Instant> tous = freinage.verrous(horloge.instant());
        if (qui.a(Role.ADMIN)) {
            return tous;
        }
        java.util.Map<String, Instant> siens = new java.util.TreeMap<>();
        tous.forEach((cle, jusqua) -> store.compte(cle).filter(c -> gere(qui, c.organisation()))
                .ifPresent(c -> siens.put(cle, jusqua)));
        return siens;
    }

    @Override
    public boolean deverrouiller(String identifiantOuAdresse, Contexte contexte) {
        Identite qui = gestionnaireOuAdmin(contexte, "le déverrouillage d'une connexion");
        if (identifiantOuAdresse == null || identifiantOuAdresse.isBlank()) {
            throw new DemandeInvalideException(List.of(new ErreurChamp("identifiant", "obligatoire", null,
                    "identifiant (ou, administrateurs, adresse) à déverrouiller")));
        }
        String cle = identifiantOuAdresse.strip();
        Optional<IdentiteStore.Compte> compte = store.compte(cle);
        if (!qui.a(Role.ADMIN)) {
            // a gestionnaire unlocks the accounts it manages, below it
            IdentiteStore.Compte c = compte.orElseThrow(() -> new AccesRefuseException("Accès refusé : seul un"
                    + " administrateur déverrouille une adresse ou un identifiant inconnu."));
            exigerGestion(qui, c.organisation());
            exigerNiveau(qui, c, "déverrouiller");
        }
        boolean leve = freinage.deverrouiller(cle);
        auditer(contexte, "DEVERROUILLAGE", compte.map(c -> premier(c.organisation().territoires())).orElse(null),
                Journal.neutre(cle) + (leve ? " déverrouillé" : " : aucun verrou"));
        LOG.info("Connexion {} : {} par {}", Journal.neutre(cle), leve ? "déverrouillée" : "aucun verrou",
                contexte.acteur());
        return leve;
    }

    // ------------------------------------------------------------------ audit

    @Override
    public PageAudit rechercher(CriteresAudit criteres, int page, int taille, Contexte contexte) {
        Identite qui = gestionnaireOuAdmin(contexte, "la lecture du journal d'audit");
        List<ErreurChamp> erreurs = new ArrayList<>();
        if (page < 0 || page > 10_000) {
            erreurs.add(new ErreurChamp("page", "bornes", String.valueOf(page), "page de 0 à 10 000"));
        }
        if (taille < 1 || taille > TAILLE_MAX) {
            erreurs.add(new ErreurChamp("taille", "bornes", String.valueOf(taille), "taille de page de 1 à 100"));
        }
        CriteresAudit c = criteres == null ? CriteresAudit.aucun() : criteres;
        if (c.territoire() != null && !TERRITOIRE.matcher(c.territoire()).matches()) {
            erreurs.add(new ErreurChamp("territoire", "format", c.territoire(), "département sur 3 caractères"));
        }
        if (c.du() != null && c.au() != null && c.au().isBefore(c.du())) {
            erreurs.add(new ErreurChamp("du", "intervalle", c.du().toString(), "du doit précéder au"));
        }
        refuserSiErreurs(erreurs);
        Set<String> territoires = null;
        if (!qui.a(Role.ADMIN)) {
            territoires = c.territoire() == null ? qui.territoires() : Set.of(c.territoire());
            exigerTerritoires(qui, territoires, "lire l'audit de");
        }
        PageAudit resultat = audit.rechercher(c, territoires, page, taille);
        auditer(contexte, "LECTURE_AUDIT", c.territoire(), "critères " + c);
        return resultat;
    }

    // ------------------------------------------------------------------ rules

    private static Identite gestionnaireOuAdmin(Contexte contexte, String operation) {
        Identite qui = contexte.identite();
        if (!org.registrehub.api.acces.AuditService.autorise(qui)) {
            throw new AccesRefuseException("Accès refusé : " + operation + " exige le rôle gestionnaire ou admin.");
        }
        return qui;
    }

    /** A gestionnaire manages an organisation whose territories are all within its own (and which has some). */
    private boolean gere(Identite qui, Organisation o) {
        return qui.a(Role.ADMIN) || !o.territoires().isEmpty() && o.type() != TypeOrganisation.HUB
                && o.territoires().stream().allMatch(t -> couvre(qui, t));
    }

    /** A territory of the gestionnaire's, or an EPCI whose communes all lie in its départements. */
    private boolean couvre(Identite qui, String territoire) {
        if (qui.territoires().contains(territoire)) {
            return true;
        }
        if (territoire != null && EPCI.matcher(territoire).matches()) {
            return store.epci(territoire).map(e -> !e.communes().isEmpty() && e.communes().stream()
                    .allMatch(c -> qui.departements().contains(NumerotationService.territoire(c)))).orElse(false);
        }
        return false;
    }

    /** The communes outside the gestionnaire's départements. */
    private static Set<String> horsDepartements(Identite qui, Set<String> communes) {
        return communes.stream().filter(c -> !qui.departements().contains(NumerotationService.territoire(c)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private void exigerGestion(Identite qui, Organisation o) {
        if (!gere(qui, o)) {
            throw new AccesRefuseException("Accès refusé : l'organisation " + o.code() + " (territoires "
                    + o.territoires() + ") n'est pas entièrement dans les territoires de " + qui.organisation().code()
                    + " " + new TreeSet<>(qui.territoires()) + ".");
        }
    }

    /**
     * Accounts are managed from above: only an administrator acts on an administrator or a gestionnaire (its
     * password, its activation), whatever organisation it belongs to.
     */
    private static void exigerNiveau(Identite qui, IdentiteStore.Compte compte, String action) {
        Set<Role> roles = compte.utilisateur().roles();
        if (!qui.a(Role.ADMIN) && (roles.contains(Role.ADMIN) || roles.contains(Role.GESTIONNAIRE))) {
            throw new AccesRefuseException("Accès refusé : seul un administrateur peut " + action + " le compte "
                    + compte.utilisateur().identifiant() + " (" + (roles.contains(Role.ADMIN) ? "administrateur"
                    : "gestionnaire") + ").");
        }
    }

    private void exigerTerritoires(Identite qui, Set<String> territoires, String action) {
        if (qui.a(Role.ADMIN)) {
            return;
        }
        Set<String> hors = new TreeSet<>();
        for (String t : territoires) {
            if (!couvre(qui, t)) {
                hors.add(t);
            }
        }
        if (!hors.isEmpty()) {
            throw new AccesRefuseException("Accès refusé : " + qui.organisation().code() + " ne peut pas " + action
                    + " " + hors + ", hors de ses territoires " + new TreeSet<>(qui.territoires()) + ".");
        }
    }

    private Organisation organisation(String code) {
        return store.organisation(code).orElseThrow(() -> new RegistreException(INTROUVABLE,
                "Aucune organisation ne porte le code « " + code + " »."));
    }

    private IdentiteStore.Compte compte(String identifiant) {
        return store.compte(identifiant).orElseThrow(() -> new RegistreException(INTROUVABLE,
                "Aucun utilisateur ne porte l'identifiant « " + identifiant + " »."));
    }

    private Utilisateur utilisateur(String identifiant) {
        return compte(identifiant).utilisateur();
    }

    /** The audit line of a change, written by the store in the change's transaction. */
    private EntreeAudit audit(Contexte contexte, String operation, String territoire, String details) {
        return new EntreeAudit(horloge.instant(), contexte.acteur(), contexte.organisation(), contexte.canal(),
                operation, null, territoire, details);
    }

    /** An audit line of its own (a read of the audit trail). */
    private void auditer(Contexte contexte, String operation, String territoire, String details) {
        audit.auditer(audit(contexte, operation, territoire, details));
    }

    private static void verifier(List<ErreurChamp> erreurs, String champ, String valeur, Pattern format,
                                 String message) {
        if (valeur == null || valeur.isBlank()) {
            erreurs.add(new ErreurChamp(champ, "obligatoire", null, message));
        } else if (!format.matcher(valeur).matches()) {
            erreurs.add(new ErreurChamp(champ, "format", valeur, message));
        }
    }

    private static void refuserSiErreurs(List<ErreurChamp> erreurs) {
        if (!erreurs.isEmpty()) {
            throw new DemandeInvalideException(erreurs);
        }
    }

    private static String premier(Set<String> territoires) {
        return territoires.isEmpty() ? null : new TreeSet<>(territoires).first();
    }

    private static String noms(Set<Role> roles) {
        return EnumSet.copyOf(roles).stream().map(Role::nom).collect(Collectors.joining(", "));
    }
}
