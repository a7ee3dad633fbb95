package org.registrehub.campagne.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.Beneficiaire;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.Dossier;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.Personne;
import org.registrehub.api.PersonneACharge;
import org.registrehub.api.RegistreService;
import org.registrehub.api.Ressource;
import org.registrehub.api.Statut;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.renouvellement.Avis;
import org.registrehub.api.renouvellement.DemandeEnLigne;
import org.registrehub.api.renouvellement.JetonInvalideException;
import org.registrehub.api.renouvellement.MiseAJourEnLigne;
import org.registrehub.api.renouvellement.RenouvellementEnLigne;
import org.registrehub.api.renouvellement.spi.CampagneStore;
import org.registrehub.api.renouvellement.spi.CampagneStore.Jeton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renewal through the link of an email notice. The token itself is never stored (only its SHA-256); it works once,
 * until it expires, and only for the end of validity its notice was about (a demand renewed or radiated since makes
 * it void). The applicant acts through the register as {@code lien-renouvellement}, channel {@code EN_LIGNE}: the
 * read is audited and the renewal historized like any other.
 */
@Component(service = RenouvellementEnLigne.class, configurationPid = CampagneConfig.PID)
public class RenouvellementEnLigneImpl implements RenouvellementEnLigne {

    private static final Logger LOG = LoggerFactory.getLogger(RenouvellementEnLigneImpl.class);
    static final String ACTEUR = "lien-renouvellement";
    private static final Pattern FORME = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    private final CampagneStore store;
    private final RegistreService registre;
    private final Clock clock;

    @Activate
    public RenouvellementEnLigneImpl(@Reference CampagneStore store, @Reference RegistreService registre,
                                     CampagneConfig config) {
        this(store, registre, Clock.system(ZoneId.of(config.campagne_zone())));
    }

    RenouvellementEnLigneImpl(CampagneStore store, RegistreService registre, Clock clock) {
        this.store = store;
        this.registre = registre;
        this.clock = clock;
    }

    /** The SHA-256 of a token, in hexadecimal: what the database keeps. */
    static String empreinte(String jeton) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(jeton.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 absent de la JVM", e);
        }
    }

    /** A valid token's record and its demand, as they are now. */
    private record Lien(Jeton jeton, Demande demande, Contexte contexte) {
    }

    private Lien lien(String jeton) {
        if (jeton == null || !FORME.matcher(jeton).matches()) {
            throw new JetonInvalideException("Lien de renouvellement invalide : recopiez l'adresse complète reçue par"
                    + " courriel.");
        }
        String empreinte = empreinte(jeton);
        Jeton j = store.jeton(empreinte).orElseThrow(() -> new JetonInvalideException(
                "Lien de renouvellement inconnu : recopiez l'adresse complète reçue par courriel."));
        ZoneId zone = clock.getZone();
        if (j.utilise() != null) {
            throw new JetonInvalideException("Ce lien a déjà servi le "
                    + Formats.DATE_HEURE.format(j.utilise().atZone(zone))
                    + " : il ne peut servir qu'une fois. Pour modifier votre demande, adressez-vous à votre guichet.");
        }
        if (!j.expire().isAfter(clock.instant())) {
            throw new JetonInvalideException("Ce lien a expiré le " + Formats.DATE_HEURE.format(j.expire().atZone(zone))
                    + " : renouvelez votre demande auprès de votre guichet.");
        }
        Contexte ctx = contexte(j.numeroUnique().substring(0, 3));
        Demande d = registre.consulter(j.numeroUnique(), ctx).orElseThrow(() -> new JetonInvalideException(
                "La demande de ce lien n'existe plus."));
        Avis avis = store.avisDe(j.numeroUnique()).stream().filter(a -> a.id() == j.avis()).findFirst()
                .orElseThrow(() -> new JetonInvalideException("Lien de renouvellement sans avis."));
        if (d.statut() != Statut.ACTIVE) {
            throw new JetonInvalideException("La demande " + d.numeroUnique() + " est radiée : adressez-vous à votre"
                    + " guichet (une demande radiée pour non-renouvellement peut être réactivée pendant le délai de"
                    + " grâce).");
        }
        if (!d.dateValidite().equals(avis.finValidite())) {
            throw new JetonInvalideException("La demande " + d.numeroUnique() + " a déjà été renouvelée : elle est"
                    + " valable jusqu'au " + d.dateValidite() + ".");
        }
        return new Lien(j, d, ctx);
    }

    @Override
    public DemandeEnLigne lire(String jeton) {
        Lien l = lien(jeton);
        Dossier dossier = l.demande().dossier();
        return new DemandeEnLigne(l.demande().numeroUnique(), l.demande().dateDepot(), l.demande().dateValidite(),
                nom(dossier.demandeur()), dossier.coDemandeur() == null ? null : nom(dossier.coDemandeur().personne()),
                dossier.personnesACharge() == null ? List.of() : dossier.personnesACharge(),
                dossier.ressources() == null ? List.of() : dossier.ressources(), dossier.revenuFiscal(),
                l.jeton().expire());
    }

    @Override
    public Demande confirmer(String jeton, MiseAJourEnLigne miseAJour) {
        Lien l = lien(jeton);
        Dossier dossier = appliquer(l.demande().dossier(), miseAJour == null ? MiseAJourEnLigne.confirmation()
                : miseAJour);
        if (!store.utiliserJeton(l.jeton().empreinte(), clock.instant())) {
            throw new JetonInvalideException("Ce lien vient de servir ou d'expirer : il ne peut servir qu'une fois.");
        }
        try {
            Demande renouvelee = registre.renouveler(l.demande().numeroUnique(), l.demande().version(), dossier,
                    l.contexte());
            LOG.info("Demande {} renouvelée en ligne (avis {}), valable jusqu'au {}", renouvelee.numeroUnique(),
                    l.jeton().avis(), renouvelee.dateValidite());
            return renouvelee;
        } catch (RuntimeException e) {
            store.rendreJeton(l.jeton().empreinte());
            throw e;
        }
    }

    /** The dossier with the household and resources the applicant gave; errors name the page's fields. */
    static Dossier appliquer(Dossier d, MiseAJourEnLigne m) {
        List<ErreurChamp> erreurs = new ArrayList<>();
        List<Ressource> ressources = d.ressources() == null ? List.of() : d.ressources();
        if (m.montants() != null) {
            if (m.montants().size() != ressources.size()) {
                erreurs.add(new ErreurChamp("montants", "nombre", Integer.toString(m.montants().size()),
                        "un montant par ressource déclarée (" + ressources.size() + ")"));
            } else {
                List<Ressource> nouvelles = new ArrayList<>();
                for (int i = 0; i < ressources.size(); i++) {
                    BigDecimal montant = m.montants().get(i);
                    Ressource r = ressources.get(i);
                    if (montant != null && (montant.signum() < 0 || montant.scale() > 2
                            || montant.compareTo(new BigDecimal("1000000")) >= 0)) {
                        erreurs.add(new ErreurChamp("montants[" + i + "]", "montant", montant.toPlainString(),
                                "montant mensuel en euros, positif, au plus deux décimales"));
                    }
                    nouvelles.add(montant == null ? r : new Ressource(r.beneficiaire(), r.rang(), r.type(), montant));
                }
                ressources = nouvelles;
            }
        }
        List<PersonneACharge> personnes = new ArrayList<>(d.personnesACharge() == null ? List.of()
                : d.personnesACharge());
        Set<Integer> retirees = m.personnesRetirees() == null ? Set.of() : m.personnesRetirees();
        for (Integer i : retirees) {
            if (i == null || i < 0 || i >= personnes.size()) {
                erreurs.add(new ErreurChamp("personnesRetirees", "index", String.valueOf(i),
                        "numéro d'une personne à charge de la demande (0 à " + (personnes.size() - 1) + ")"));
            }
        }
        if (!erreurs.isEmpty()) {
            throw new DemandeInvalideException(erreurs);
        }
        List<PersonneACharge> restantes = new ArrayList<>();
        int[] nouveauRang = new int[personnes.size() + 1];
        for (int i = 0; i < personnes.size(); i++) {
            if (!retirees.contains(i)) {
                restantes.add(personnes.get(i));
                nouveauRang[i + 1] = restantes.size();
            }
        }
        if (m.personneAjoutee() != null) {
            restantes.add(m.personneAjoutee());
        }
        // the resources of a dependent who left the household go with them; the others follow their new rank
        List<Ressource> gardees = new ArrayList<>();
        for (Ressource r : ressources) {
            if (r.beneficiaire() != Beneficiaire.PERSONNE_A_CHARGE || r.rang() == null || r.rang() < 1
                    || r.rang() > personnes.size()) {
                gardees.add(r);
            } else if (nouveauRang[r.rang()] > 0) {
                gardees.add(new Ressource(r.beneficiaire(), nouveauRang[r.rang()], r.type(), r.montantMensuel()));
            }
        }
        ressources = gardees;
        return new Dossier(d.demandeur(), d.coDemandeur(), restantes, d.contact(), d.situationFamiliale(),
                ressources, m.revenuFiscal() != null ? m.revenuFiscal() : d.revenuFiscal(), d.logementActuel(),
                d.motifs(), d.logementRecherche(), d.handicap());
    }

    private static String nom(Personne p) {
        return p == null ? null : ((p.prenoms() == null ? "" : p.prenoms()) + " "
                + (p.nom() == null ? "" : p.nom())).strip();
    }

    private static Contexte contexte(String territoire) {
        return new Contexte(new Identite(ACTEUR, new Organisation("EN_LIGNE", TypeOrganisation.HUB,
                "Renouvellement en ligne", null, true, Set.of(territoire)), Set.of(Role.GESTIONNAIRE)),
                Canal.EN_LIGNE);
    }
}
