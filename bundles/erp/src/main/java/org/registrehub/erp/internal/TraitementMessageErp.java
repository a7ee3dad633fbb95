package org.registrehub.erp.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.AttributionService;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.Doublon;
import org.registrehub.api.DoublonPresumeException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.FonctionnaliteAbsenteException;
import org.registrehub.api.MessageDejaTraiteException;
import org.registrehub.api.MessageRecu;
import org.registrehub.api.RegistreService;
import org.registrehub.api.SuiviAttribution;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.acces.AuthentificationService;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.attribution.LogementsService;
import org.registrehub.api.erp.ReponseTraitementErp;
import org.registrehub.api.erp.TraitementErp;
import org.registrehub.api.spi.JsonCodec;
import org.registrehub.api.registre.spi.MessageErpStore;
import org.registrehub.api.registre.spi.MessageErpStore.MessageTraite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one inbound ERP message of an organisation: reads it, checks it against its contract, applies it through the
 * register's services acting as the organisation, and builds the reply.
 * <ul>
 * <li>a message already processed (same organisation, same messageId) is answered again as the first time, with no
 * new effect: the messageId is recorded in the transaction of the change it caused;</li>
 * <li>a message that breaks its contract or the register's rules is answered {@code REJETE} with its field errors,
 * and recorded as such;</li>
 * <li>a message that cannot be read or answered at all raises {@link MessageIllisibleException} (dead letter at
 * once); an unavailable register propagates (the broker redelivers it later).</li>
 * </ul>
 */
public class TraitementMessageErp implements TraitementErp {

    private static final Logger LOG = LoggerFactory.getLogger(TraitementMessageErp.class);
    private static final int MESSAGE_ID_MAX = 100;

    private final RegistreService registre;
    private final AttributionService attribution;
    /** The attribution capability's service, when installed (a blueprint reference-list: never waited for). */
    private final List<LogementsService> logements;
    private final MessageErpStore messages;
    private final JsonCodec json;
    private final AuthentificationService authentification;
    private final ContratsErp contrats;
    private final Clock clock;
    private final ObjectMapper arbres;
    private long tailleMaxOctets = 1_048_576;

    public TraitementMessageErp(RegistreService registre, AttributionService attribution,
                                List<LogementsService> logements, MessageErpStore messages, JsonCodec json,
                                AuthentificationService authentification, ContratsErp contrats) {
        this(registre, attribution, logements, messages, json, authentification, contrats, Clock.systemUTC());
    }

    TraitementMessageErp(RegistreService registre, AttributionService attribution, List<LogementsService> logements,
                         MessageErpStore messages, JsonCodec json, AuthentificationService authentification,
                         ContratsErp contrats, Clock clock) {
        this.registre = registre;
        this.attribution = attribution;
        this.logements = logements;
        this.messages = messages;
        this.json = json;
        this.authentification = authentification;
        this.contrats = contrats;
        this.clock = clock;
        this.arbres = JsonMapper.builder().build();
        this.arbres.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                .maxStringLength(100_000).build());
    }

    /** Messages above this size ({@code erp.tailleMaxOctets}) go to the dead-letter queue unread. */
    public void setTailleMaxOctets(long tailleMaxOctets) {
        this.tailleMaxOctets = tailleMaxOctets;
    }

    /**
     * @param corps        the message as received
     * @param organisation the organisation whose inbound queue it came from (only its accounts may send there)
     * @param expediteur   the login that sent it, checked by the broker (the AMQP user-id, JMSXUserID)
     * @return the reply to send back to the organisation
     */
    public ReponseErp repondre(String corps, String organisation, String expediteur) {
        JsonNode arbre = lireArbre(corps);
        String messageId = messageId(arbre);
        String type = type(arbre);
        MessageRecu recu = new MessageRecu(organisation, messageId, type, empreinte(corps));
        Optional<MessageTraite> deja = messages.message(organisation, messageId);
        if (deja.isPresent() && autreContenu(deja.get(), recu)) {
            return reutilise(recu, deja.get());
        }
        if (deja.isPresent()) {
            LOG.info("Message ERP {} de {} déjà traité ({}) : même réponse, sans nouvel effet", messageId,
                    organisation, deja.get().statut());
            return reponse(deja.get(), List.of(), true);
        }
        List<ErreurChamp> contrat = contrats.valider(type, arbre);
        if (!contrat.isEmpty()) {
            return rejeter(recu, null, contrat, List.of());
        }
        MessageErp message;
        try {
            message = json.lire(corps, MessageErp.class);
        } catch (DemandeInvalideException e) {
            return rejeter(recu, null, e.getErreurs(), List.of());
        }
        String numero = numeroConcerne(message);
        Optional<Identite> utilisateur = expediteur == null ? Optional.empty()
                : authentification.identite(expediteur).filter(i -> organisation.equals(i.organisation().code()));
        // the sender's account row carries its organisation as it is now: read again only when it cannot tell
        if (utilisateur.isEmpty() || !agitPourUnErp(utilisateur.get().organisation())) {
            exigerOrganisationActive(organisation);
        }
        if (utilisateur.isEmpty()) {
            return rejeter(recu, numero, List.of(new ErreurChamp("JMSXUserID", "expediteur", expediteur,
                    expediteur == null ? "message sans expéditeur vérifié (user-id) : non appliqué"
                            : "le compte « " + expediteur + " » est inconnu, désactivé ou n'appartient pas à "
                            + organisation + " : message non appliqué")), List.of());
        }
        // the message acts with its sender's own roles and territories, and the history and audit name that user
        Contexte contexte = new Contexte(utilisateur.get(), Canal.ERP, recu);
        try {
            String numeroFinal = appliquer(message, contexte);
            LOG.info("Message ERP {} de {} ({}, {}) accepté : {}", messageId, organisation, expediteur, type,
                    numeroFinal == null ? "logement " + message.offreLogement().identifiantRpls()
                            : "demande " + numeroFinal);
            return reponse(recu, ReponseErp.ACCEPTE, numeroFinal, List.of(), List.of(), false);
        } catch (MessageDejaTraiteException e) {
            return dejaTraite(recu);
        } catch (DemandeInvalideException e) {
            return rejeter(recu, numero, e.getErreurs(), List.of());
        } catch (AccesRefuseException e) {
            return rejeter(recu, numero, List.of(new ErreurChamp(type, "acces", null, e.getMessage())), List.of());
        } catch (DoublonPresumeException e) {
            return rejeter(recu, null, List.of(new ErreurChamp("demande.dossier.demandeur", "doublon", null,
                    e.getMessage())), e.getDoublons());
        } catch (TransitionInterditeException e) {
            return rejeter(recu, numero, List.of(new ErreurChamp(type + ".numeroUnique", "transition", null,
                    e.getMessage())), List.of());
        } catch (DemandeIntrouvableException e) {
            return rejeter(recu, numero, List.of(new ErreurChamp(type + ".numeroUnique", "existence", null,
                    e.getMessage())), List.of());
        } catch (org.registrehub.api.VersionObsoleteException e) {
            return rejeter(recu, numero, List.of(new ErreurChamp(type + ".version", "version", null,
                    e.getMessage())), List.of());
        } catch (FonctionnaliteAbsenteException e) {
            return rejeter(recu, numero, List.of(new ErreurChamp("type", "fonctionnalite", type, e.getMessage())),
                    List.of());
        } catch (org.registrehub.api.RegistreException e) {
            // a dwelling with an open offer: the offer's error; any other EXISTE_DEJA (a numbering conflict) goes on
            if ("EXISTE_DEJA".equals(e.getCode()) && MessageErp.OFFRE_LOGEMENT.equals(type)) {
                return rejeter(recu, numero, List.of(new ErreurChamp(type + ".identifiantRpls", "unicite", null,
                        e.getMessage())), List.of());
            }
            throw e;
        }
    }

    /** @return the numéro of the demand concerned (allocated for a registration) */
    private String appliquer(MessageErp m, Contexte contexte) {
        switch (m.type()) {
            case MessageErp.ENREGISTRER_DEMANDE:
                return registre.enregistrer(m.demande(), contexte).numeroUnique();
            case MessageErp.PROPOSITION:
                List<SuiviAttribution> lignes = attribution.proposer(m.proposition(), contexte);
                return lignes.isEmpty() ? null : lignes.get(0).numeroUnique();
            case MessageErp.DECISION_CAL:
                return attribution.deciderCal(m.decisionCal(), contexte).numeroUnique();
            case MessageErp.BAIL_SIGNE:
                MessageErp.BailSigne b = m.bailSigne();
                Demande radiee = attribution.signerBail(b.numeroUnique(), b.identifiantRpls(), b.reservataire(),
                        b.dalo(), b.dateSignature(), b.commentaire(), contexte);
                return radiee.numeroUnique();
            case MessageErp.RENONCIATION:
                MessageErp.Renonciation r = m.renonciation();
                return attribution.renoncer(r.numeroUnique(), r.identifiantRpls(), r.dateRenonciation(),
                        r.commentaire(), contexte).numeroUnique();
            case MessageErp.OFFRE_LOGEMENT:
                if (logements.isEmpty()) {
                    throw new FonctionnaliteAbsenteException("L'offre de logements", "registre-attribution");
                }
                logements.get(0).declarer(m.offreLogement(), contexte);
                return null;
            case MessageErp.RENOUVELLEMENT:
                MessageErp.Renouvellement n = m.renouvellement();
                long version = n.version() != null ? n.version() : registre.consulter(n.numeroUnique(), contexte)
                        .orElseThrow(() -> new DemandeIntrouvableException(n.numeroUnique())).version();
                return registre.renouveler(n.numeroUnique(), version, null, contexte).numeroUnique();
            default:
                throw new MessageIllisibleException("type : valeur non autorisée « " + m.type() + " »");
        }
    }

    private static String numeroConcerne(MessageErp m) {
        if (m.decisionCal() != null) {
            return m.decisionCal().numeroUnique();
        }
        if (m.bailSigne() != null) {
            return m.bailSigne().numeroUnique();
        }
        if (m.renonciation() != null) {
            return m.renonciation().numeroUnique();
        }
        if (m.renouvellement() != null) {
            return m.renouvellement().numeroUnique();
        }
        return null;
    }

    /** An active landlord or guichet: an organisation whose ERP messages are applied. */
    private static boolean agitPourUnErp(org.registrehub.api.acces.Organisation o) {
        return o.active() && (o.type() == org.registrehub.api.acces.TypeOrganisation.BAILLEUR
                || o.type() == org.registrehub.api.acces.TypeOrganisation.GUICHET);
    }

    /**
     * The organisation of the queue is active and a landlord or a guichet, read at each message: a disabled
     * organisation's messages are kept in the dead-letter queue (to be replayed once it is enabled again), never
     * applied. The message itself acts with its sender's identity.
     */
    private void exigerOrganisationActive(String organisation) {
        authentification.identiteOrganisation(organisation).orElseThrow(() ->
                new OrganisationRefuseeException("l'organisation « " + organisation + " » est inconnue, désactivée"
                        + " ou n'est ni un bailleur ni un guichet : message non appliqué"));
    }

    private ReponseErp rejeter(MessageRecu recu, String numero, List<ErreurChamp> erreurs, List<Doublon> doublons) {
        if (!messages.rejeter(recu, numero, erreurs)) {
            // a concurrent delivery of the same message got there first: its answer stands
            return dejaTraite(recu);
        }
        LOG.info("Message ERP {} de {} ({}) rejeté : {}", recu.messageId(), recu.organisation(), recu.type(),
                erreurs.stream().map(e -> e.champ() + " (" + e.regle() + ")").collect(Collectors.joining(", ")));
        return reponse(recu, ReponseErp.REJETE, numero, erreurs, doublons, false);
    }

    private ReponseErp dejaTraite(MessageRecu recu) {
        MessageTraite traite = messages.message(recu.organisation(), recu.messageId()).orElseThrow(() ->
                new IllegalStateException("message " + recu.messageId() + " signalé traité mais introuvable"));
        if (autreContenu(traite, recu)) {
            return reutilise(recu, traite);
        }
        LOG.info("Message ERP {} de {} traité entre-temps ({}) : même réponse", recu.messageId(), recu.organisation(),
                traite.statut());
        return reponse(traite, List.of(), true);
    }

    static final String MESSAGE_ID_REUTILISE = "MESSAGE_ID_REUTILISE";

    /** SHA-256 of the message as received, hex. */
    static String empreinte(String corps) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(corps.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 absent de la JVM", e);
        }
    }

    /** The id was first used for another content (a message recorded before digests were kept is not judged). */
    private static boolean autreContenu(MessageTraite traite, MessageRecu recu) {
        return traite.recu().empreinte() != null && !traite.recu().empreinte().equals(recu.empreinte());
    }

    /**
     * A reused messageId with another content: refused, and not recorded (the id stays the first message's, whose
     * answer a redelivery of it still gets).
     */
    private ReponseErp reutilise(MessageRecu recu, MessageTraite premier) {
        LOG.warn("Message ERP {} de {} : identifiant déjà utilisé le {} par un message de contenu différent ; refusé",
                recu.messageId(), recu.organisation(), premier.traiteLe());
        return reponse(recu, ReponseErp.REJETE, null, List.of(new ErreurChamp("messageId", MESSAGE_ID_REUTILISE, null,
                "messageId déjà utilisé le " + premier.traiteLe() + " par un message de contenu différent ; donnez à"
                        + " chaque message un identifiant nouveau. Rien n'a été appliqué.")), List.of(), false);
    }

    private ReponseErp reponse(MessageTraite traite, List<Doublon> doublons, boolean dejaTraite) {
        return reponse(traite.recu(), traite.statut(), traite.numeroUnique(), traite.erreurs(), doublons, dejaTraite);
    }

    /** A reply of its own id to the message {@code recu}. */
    private ReponseErp reponse(MessageRecu recu, String statut, String numero, List<ErreurChamp> erreurs,
                               List<Doublon> doublons, boolean dejaTraite) {
        return new ReponseErp(UUID.randomUUID().toString(), ReponseErp.typePour(recu.type()),
                MessageErp.VERSION_SCHEMA, clock.instant(), recu.messageId(), statut, numero, erreurs, doublons,
                dejaTraite);
    }

    @Override
    public ReponseTraitementErp traiter(String corps, String organisation, String expediteur) {
        ReponseErp reponse = repondre(corps, organisation, expediteur);
        return new ReponseTraitementErp(reponse.correlationId(), reponse.statut(), json.ecrire(reponse));
    }

    @Override
    public Optional<String> messageIdLisible(String corps) {
        try {
            if (corps == null || corps.length() > tailleMaxOctets) {
                return Optional.empty();
            }
            JsonNode id = arbres.readTree(corps).get("messageId");
            return id != null && id.isTextual() && id.asText().length() <= MESSAGE_ID_MAX ? Optional.of(id.asText())
                    : Optional.empty();
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------ reading the envelope

    private JsonNode lireArbre(String corps) {
        if (corps == null || corps.isBlank()) {
            throw new MessageIllisibleException("message vide");
        }
        long taille = corps.getBytes(StandardCharsets.UTF_8).length;
        if (taille > tailleMaxOctets) {
            throw new MessageIllisibleException("message trop volumineux : " + taille + " octets, limite "
                    + tailleMaxOctets + " (erp.tailleMaxOctets)");
        }
        try {
            JsonNode arbre = arbres.readTree(corps);
            if (arbre == null || !arbre.isObject()) {
                throw new MessageIllisibleException("message JSON illisible : un objet JSON est attendu");
            }
            return arbre;
        } catch (JsonProcessingException e) {
            // where, never what: a rejected value (a NIR...) goes neither into the dead letter nor into the logs
            throw new MessageIllisibleException("message JSON illisible (ligne " + e.getLocation().getLineNr()
                    + ", colonne " + e.getLocation().getColumnNr() + ")");
        }
    }

    private static String messageId(JsonNode arbre) {
        JsonNode id = arbre.get("messageId");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new MessageIllisibleException("messageId : champ obligatoire (texte non vide)");
        }
        if (id.asText().length() > MESSAGE_ID_MAX) {
            throw new MessageIllisibleException("messageId : au plus " + MESSAGE_ID_MAX + " caractères");
        }
        return id.asText();
    }

    private static String type(JsonNode arbre) {
        JsonNode type = arbre.get("type");
        String valeur = type == null || !type.isTextual() ? null : type.asText();
        if (valeur == null || !ContratsErp.types().contains(valeur)) {
            throw new MessageIllisibleException("type : valeur non autorisée" + (valeur == null ? "" : " « "
                    + (valeur.length() > 40 ? valeur.substring(0, 40) + "…" : valeur) + " »") + " ; valeurs permises : "
                    + String.join(", ", new java.util.TreeSet<>(ContratsErp.types())));
        }
        return valeur;
    }
}
