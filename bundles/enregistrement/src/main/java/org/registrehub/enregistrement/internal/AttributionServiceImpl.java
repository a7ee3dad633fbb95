package org.registrehub.enregistrement.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.registrehub.api.Attribution;
import org.registrehub.api.AttributionService;
import org.registrehub.api.Candidat;
import org.registrehub.api.Contexte;
import org.registrehub.api.DecisionCommission;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.MessageDejaTraiteException;
import org.registrehub.api.MessageRecu;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.NatureSuivi;
import org.registrehub.api.Proposition;
import org.registrehub.api.RegistreService;
import org.registrehub.api.Statut;
import org.registrehub.api.SuiviAttribution;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.VersionObsoleteException;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.spi.AuditStore;
import org.registrehub.api.registre.spi.DemandeStore;
import org.registrehub.api.registre.spi.MessageErpStore;
import org.registrehub.api.registre.spi.SuiviStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The landlord's side of a demand. Propositions, CAL decisions and renunciations are follow-up lines written with their
 * audit lines (and the ERP message, if any) in one transaction; a signed lease is the register's radiation for
 * attribution, with every rule of {@link RegistreService#radier}.
 */
@Component(service = AttributionService.class, configurationPid = "org.registrehub.enregistrement")
public class AttributionServiceImpl implements AttributionService {

    private static final Logger LOG = LoggerFactory.getLogger(AttributionServiceImpl.class);
    /** Who reports the follow-up of a demand: its landlords, and the gestionnaires of its territory. */
    static final Set<Role> SUIVEURS = EnumSet.of(Role.BAILLEUR, Role.GESTIONNAIRE);
    /** A lease read at one version may meet a concurrent change: so many fresh reads before giving up. */
    private static final int ESSAIS_VERSION = 3;

    private final DemandeStore demandes;
    private final SuiviStore suivis;
    private final JournalAudit audit;
    private final RegistreService registre;
    private final MessageErpStore messages;
    private final Clock clock;

    /** The audit trail is a dynamic reference, as for the register (see {@link JournalAudit}). */
    @Activate
    public AttributionServiceImpl(@Reference DemandeStore demandes, @Reference SuiviStore suivis,
                                  @Reference RegistreService registre, @Reference MessageErpStore messages,
                                  RegistrationConfig config) {
        this(demandes, suivis, new JournalAudit(), registre, messages, Clock.system(ZoneId.of(config.fuseau())));
    }

    @Reference(name = "audit", service = AuditStore.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "delierAudit")
    void lierAudit(AuditStore store) {
        audit.lier(store);
    }

    void delierAudit(AuditStore store) {
        audit.delier(store);
    }

    public AttributionServiceImpl(DemandeStore demandes, SuiviStore suivis, AuditStore audit, RegistreService registre,
                           MessageErpStore messages, Clock clock) {
        this.demandes = demandes;
        this.suivis = suivis;
        this.audit = audit instanceof JournalAudit journal ? journal : new JournalAudit(audit);
        this.registre = registre;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * A message already processed has no second effect, whatever the demand became since (a lease delivered again
     * finds its demand radiated: that is no error). The store checks it again in the transaction of the change.
     */
    private void refuserSiDejaTraite(Contexte contexte) {
        MessageRecu recu = contexte.recu();
        if (recu != null && messages.message(recu.organisation(), recu.messageId()).isPresent()) {
            throw new MessageDejaTraiteException(recu);
        }
    }

    @Override
    public List<SuiviAttribution> proposer(Proposition p, Contexte contexte) {
        Autorisations.exigerRole(contexte, SUIVEURS, "la déclaration d'une proposition de logement");
        refuserSiDejaTraite(contexte);
        refuserSiInvalide(ValidateurSuivi.proposition(p, LocalDate.now(clock)));
        List<SuiviAttribution> lignes = new ArrayList<>();
        List<EntreeAudit> lignesAudit = new ArrayList<>();
        for (int i = 0; i < p.candidats().size(); i++) {
            Candidat c = p.candidats().get(i);
            Demande d = active(c.numeroUnique().strip(), "proposition.candidats[" + i + "].numeroUnique", contexte);
            lignes.add(ligne(d, NatureSuivi.PROPOSITION, p.identifiantRpls(), c.rang(), p.dateProposition(), null,
                    null, null, p.commentaire(), contexte));
            lignesAudit.add(audit(contexte, "PROPOSITION", d, "logement " + p.identifiantRpls().strip() + ", rang "
                    + c.rang()));
        }
        suivis.enregistrer(lignes, lignesAudit, contexte.recu());
        LOG.info("Proposition du logement {} par {} ({}) : {} candidat(s) {}", p.identifiantRpls().strip(),
                contexte.organisation(), contexte.canal(), lignes.size(),
                lignes.stream().map(SuiviAttribution::numeroUnique).toList());
        return lignes;
    }

    @Override
    public SuiviAttribution deciderCal(DecisionCommission d, Contexte contexte) {
        Autorisations.exigerRole(contexte, SUIVEURS, "la déclaration d'une décision de CAL");
        refuserSiDejaTraite(contexte);
        refuserSiInvalide(ValidateurSuivi.decision(d, LocalDate.now(clock)));
        Demande demande = active(d.numeroUnique().strip(), "decisionCal.numeroUnique", contexte);
        SuiviAttribution ligne = ligne(demande, NatureSuivi.DECISION_CAL, d.identifiantRpls(), d.rang(),
                d.dateCommission(), d, d.motifIrrecevabilite(),
                d.condition(), d.commentaire(), contexte);
        suivis.enregistrer(List.of(ligne), List.of(audit(contexte, "DECISION_CAL", demande, d.decision()
                + " (logement " + d.identifiantRpls().strip() + ", CAL du " + d.dateCommission() + ")")),
                contexte.recu());
        LOG.info("Décision de CAL {} sur la demande {} (logement {}, {} via {})", d.decision(),
                demande.numeroUnique(), ligne.identifiantRpls(), contexte.organisation(), contexte.canal());
        return ligne;
    }

    @Override
    public SuiviAttribution renoncer(String numeroUnique, String identifiantRpls, LocalDate dateRenonciation,
                                     String commentaire, Contexte contexte) {
        Autorisations.exigerRole(contexte, SUIVEURS, "la déclaration d'une renonciation");
        refuserSiDejaTraite(contexte);
        refuserSiInvalide(ValidateurSuivi.renonciation(numeroUnique, identifiantRpls, dateRenonciation, commentaire,
                LocalDate.now(clock)));
        Demande demande = active(numeroUnique.strip(), "renonciation.numeroUnique", contexte);
        SuiviAttribution ligne = ligne(demande, NatureSuivi.RENONCIATION, identifiantRpls, null, dateRenonciation,
                null, null, null, commentaire, contexte);
        suivis.enregistrer(List.of(ligne), List.of(audit(contexte, "RENONCIATION", demande, "logement "
                + identifiantRpls.strip())), contexte.recu());
        LOG.info("Renonciation au logement {} pour la demande {} ({} via {})", ligne.identifiantRpls(),
                demande.numeroUnique(), contexte.organisation(), contexte.canal());
        return ligne;
    }

    @Override
    public Demande signerBail(String numeroUnique, String identifiantRpls, String reservataire, Boolean dalo,
                              LocalDate dateSignature, String commentaire, Contexte contexte) {
        refuserSiDejaTraite(contexte);
        refuserSiInvalide(ValidateurSuivi.bail(numeroUnique, identifiantRpls, reservataire, dalo, dateSignature,
                commentaire, LocalDate.now(clock)));
        String numero = numeroUnique.strip();
        String texte = "bail signé le " + dateSignature + (commentaire == null || commentaire.isBlank() ? ""
                : " ; " + commentaire.strip());
        DemandeRadiation radiation = new DemandeRadiation(MotifRadiation.ATTRIBUTION, new Attribution(
                contexte.organisation(), identifiantRpls.strip(), reservataire.strip(), dalo), null, texte);
        for (int essai = 1; ; essai++) {
            Demande actuelle = demandes.trouver(numero).orElseThrow(() -> new DemandeIntrouvableException(numero));
            try {
                return registre.radier(numero, actuelle.version(), radiation, contexte);
            } catch (VersionObsoleteException e) {
                if (essai == ESSAIS_VERSION) {
                    throw e;
                }
                LOG.debug("Bail signé sur {} : la demande a changé pendant la radiation, nouvel essai", numero);
            }
        }
    }

    @Override
    public List<SuiviAttribution> suivi(String numeroUnique, Contexte contexte) {
        Autorisations.exigerRole(contexte, Autorisations.LECTEURS, "la lecture du suivi d'une demande");
        String numero = numeroUnique == null ? null : numeroUnique.strip();
        List<ErreurChamp> erreurs = ValidateurDemande.validerNumero(numero);
        if (!erreurs.isEmpty()) {
            throw new DemandeInvalideException(erreurs);
        }
        Demande d = demandes.trouver(numero).orElseThrow(() -> new DemandeIntrouvableException(numero));
        Autorisations.lire(contexte, d);
        List<SuiviAttribution> lignes = suivis.suivi(numero);
        audit.auditer(audit(contexte, "SUIVI", d, null));
        return lignes;
    }

    /** The demand, within the caller's perimeter (checked before its status says anything), and active. */
    private Demande active(String numero, String champ, Contexte contexte) {
        Demande d = demandes.trouver(numero).orElseThrow(() -> new DemandeIntrouvableException(numero));
        Autorisations.exigerPerimetre(contexte, d);
        if (d.statut() != Statut.ACTIVE) {
            throw new TransitionInterditeException("La demande " + numero + " (" + champ + ") est radiée ("
                    + d.radiation().motif() + " le " + d.radiation().date() + ") : elle ne peut plus être proposée"
                    + " ni examinée en commission.");
        }
        return d;
    }

    private SuiviAttribution ligne(Demande d, NatureSuivi nature, String rpls, Integer rang, LocalDate date,
                                   DecisionCommission decision, org.registrehub.api.MotifIrrecevabilite motif,
                                   String condition, String commentaire, Contexte contexte) {
        return new SuiviAttribution(d.numeroUnique(), nature, contexte.organisation(), rpls.strip(), rang, date,
                decision == null ? null : decision.decision(), motif, vide(condition), vide(commentaire),
                contexte.acteur(), contexte.canal(), clock.instant());
    }

    private EntreeAudit audit(Contexte contexte, String operation, Demande d, String details) {
        return new EntreeAudit(clock.instant(), contexte.acteur(), contexte.organisation(), contexte.canal(),
                operation, d.numeroUnique(), d.territoire(), details);
    }

    private static void refuserSiInvalide(List<ErreurChamp> erreurs) {
        if (!erreurs.isEmpty()) {
            throw new DemandeInvalideException(erreurs);
        }
    }

    private static String vide(String texte) {
        return texte == null || texte.isBlank() ? null : texte.strip();
    }
}
