package org.registrehub.routes.erp.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.registrehub.api.erp.TraitementErp;
import org.registrehub.api.erp.CorrespondantsErp;
import org.registrehub.api.erp.CorrespondantsErp.CorrespondantErp;
import org.registrehub.api.erp.EtatOrganisationErp;
import org.registrehub.api.erp.LettreMorte;
import org.registrehub.api.erp.SupervisionErp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the broker and the routes in line with the register's organisations: every active landlord and guichet gets
 * its queues (reserved to its accounts) and a consuming route {@code erp-entrant-<CODE>}; a disabled one loses its
 * route (its queue keeps what was sent). Run at start and every {@code erp.synchronisation.periodeSecondes} by the
 * route {@code erp-organisations}, so that an organisation created over REST or the console can use its queues within
 * that delay, without a restart. Also the supervision service of the console.
 */
public class OrganisationsErp implements SupervisionErp {

    private static final Logger LOG = LoggerFactory.getLogger(OrganisationsErp.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CorrespondantsErp correspondants;
    private final GestionBroker broker;
    private final Function<String, RouteEntranteErp> routes;
    private final Set<String> configurees = new TreeSet<>();
    private volatile CamelContext camel;
    private volatile String dernierEchec;
    /** The organisations with queues at the last successful synchronisation; null before the first one. */
    private volatile Set<String> synchronisees;

    public OrganisationsErp(CorrespondantsErp correspondants, GestionBroker broker, TraitementErp traitement,
                            String options, int tentatives) {
        this(correspondants, broker, code -> new RouteEntranteErp(code, traitement, broker, options, tentatives));
    }

    OrganisationsErp(CorrespondantsErp correspondants, GestionBroker broker,
                     Function<String, RouteEntranteErp> routes) {
        this.correspondants = correspondants;
        this.broker = broker;
        this.routes = routes;
    }

    private volatile org.registrehub.api.acces.spi.AuditStore audit;

    /** Blueprint: the audit trail of the dead letters a user reads, replays or discards. */
    public void setAudit(org.registrehub.api.acces.spi.AuditStore audit) {
        this.audit = audit;
    }

    /** Called by the timer route with its Camel context. */
    public synchronized void synchroniser(CamelContext contexte) {
        this.camel = contexte;
        Set<String> actives;
        try {
            actives = new TreeSet<>(correspondants.avecFiles());
            for (String code : actives) {
                if (!configurees.contains(code) || !broker.filesPresentes(code)) {
                    broker.assurerOrganisation(code);
                    configurees.add(code);
                    LOG.info("Files ERP de {} prêtes : {}, {}, {}", code, broker.file(code, GestionBroker.ENTRANT),
                            broker.file(code, GestionBroker.REPONSES), broker.file(code, GestionBroker.EVENEMENTS));
                }
                if (contexte.getRoute(RouteEntranteErp.routeId(code)) == null) {
                    contexte.addRoutes(routes.apply(code));
                    LOG.info("Route {} démarrée", RouteEntranteErp.routeId(code));
                }
            }
        } catch (Exception e) {
            String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (!cause.equals(dernierEchec)) {
                LOG.warn("Synchronisation des files ERP impossible ({}) ; nouvel essai au prochain tour", cause);
                dernierEchec = cause;
            }
            return;
        }
        dernierEchec = null;
        synchronisees = Set.copyOf(actives);
        for (Route r : List.copyOf(contexte.getRoutes())) {
            String id = r.getRouteId();
            if (id.startsWith(RouteEntranteErp.PREFIXE_ROUTE)
                    && !actives.contains(id.substring(RouteEntranteErp.PREFIXE_ROUTE.length()))) {
                try {
                    contexte.getRouteController().stopRoute(id);
                    contexte.removeRoute(id);
                    LOG.info("Route {} arrêtée : organisation désactivée ou supprimée (sa file garde ses messages)",
                            id);
                } catch (Exception e) {
                    LOG.warn("Arrêt de la route {} impossible : {}", id, e.getMessage());
                }
            }
        }
        configurees.retainAll(actives);
    }

    /** The Camel context of the routes (null before the first synchronisation). */
    CamelContext camel() {
        return camel;
    }

    /** The organisations given queues and a route at the last successful synchronisation; null before it. */
    Set<String> synchronisees() {
        return synchronisees;
    }

    /** Why the last synchronisation failed; null when it succeeded. */
    String dernierEchec() {
        return dernierEchec;
    }

    @Override
    public List<EtatOrganisationErp> etat() {
        CamelContext c = camel;
        List<EtatOrganisationErp> etat = new ArrayList<>();
        for (CorrespondantErp o : correspondants.correspondants()) {
            String code = o.organisation();
            boolean consommee = c != null && SanteErp.consommee(c, code);
            etat.add(new EtatOrganisationErp(code, o.territoires(), consommee,
                    broker.profondeur(broker.file(code, GestionBroker.ENTRANT)),
                    broker.profondeur(broker.file(code, GestionBroker.REPONSES)),
                    broker.profondeur(broker.file(code, GestionBroker.EVENEMENTS)),
                    broker.compterLettresMortes(RouteEntranteErp.HEADER_ORGANISATION + " = '" + code + "'"),
                    o.dernierMessageId(), o.dernierType(), o.dernierStatut(), o.dernierTraiteLe()));
        }
        return etat;
    }

    @Override
    public List<LettreMorte> lettresMortes(int max) {
        List<LettreMorte> liste = new ArrayList<>();
        try {
            for (JsonNode m : JSON.readTree(broker.lettresMortesJson(""))) {
                liste.add(new LettreMorte(m.path("messageID").asLong(), texte(m, RouteEntranteErp.HEADER_ORGANISATION),
                        texte(m, RouteEntranteErp.HEADER_MESSAGE_ID), motif(m), fileDOrigine(m),
                        m.has("timestamp") ? Instant.ofEpochMilli(m.path("timestamp").asLong()) : null));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("liste des lettres mortes illisible : " + e.getMessage(), e);
        }
        liste.sort(java.util.Comparator.comparingLong(LettreMorte::id));
        return liste.size() > max ? List.copyOf(liste.subList(0, max)) : liste;
    }

    @Override
    public boolean rejouer(long id) {
        for (LettreMorte l : lettresMortes(Integer.MAX_VALUE)) {
            if (l.id() == id) {
                if (l.file() == null) {
                    throw new IllegalStateException("la lettre morte " + id + " ne dit pas de quelle file elle vient");
                }
                boolean ok = broker.deplacer(id, l.file());
                if (ok) {
                    LOG.info("Lettre morte {} (message {} de {}) renvoyée sur {}", id, l.messageId() == null
                            ? "illisible" : l.messageId(), l.organisation(), l.file());
                }
                return ok;
            }
        }
        return false;
    }

    @Override
    public int rejouerTout(String organisation) {
        int n = 0;
        for (LettreMorte l : lettresMortes(Integer.MAX_VALUE)) {
            if (l.file() != null && (organisation == null || organisation.equals(l.organisation()))
                    && broker.deplacer(l.id(), l.file())) {
                n++;
            }
        }
        LOG.info("{} lettre(s) morte(s) renvoyée(s){}", n, organisation == null ? "" : " pour " + organisation);
        return n;
    }

    // ------------------------------------------------------------------ dead letters handled by a user

    /**
     * The organisations whose dead letters this user may handle: null for every one (an administrator), those of its
     * territories for a gestionnaire.
     */
    private Set<String> perimetre(org.registrehub.api.Contexte contexte) {
        org.registrehub.api.acces.Identite i = contexte.identite();
        if (i.a(org.registrehub.api.acces.Role.ADMIN)) {
            return null;
        }
        if (!SupervisionErp.autorise(i)) {
            throw new org.registrehub.api.AccesRefuseException("Accès refusé : les lettres mortes des ERP se lisent"
                    + " par un gestionnaire (celles de ses territoires) ou un administrateur ; « " + i.identifiant()
                    + " » n'a aucun de ces rôles.");
        }
        Set<String> codes = new TreeSet<>();
        for (CorrespondantErp o : correspondants.correspondants()) {
            if (o.territoires().stream().anyMatch(i::couvre)) {
                codes.add(o.organisation());
            }
        }
        return codes;
    }

    @Override
    public List<EtatOrganisationErp> etat(org.registrehub.api.Contexte contexte) {
        Set<String> p = perimetre(contexte);
        return etat().stream().filter(e -> p == null || p.contains(e.organisation())).toList();
    }

    @Override
    public List<LettreMorte> lettresMortes(int max, org.registrehub.api.Contexte contexte) {
        Set<String> p = perimetre(contexte);
        List<LettreMorte> l = lettresMortes(Integer.MAX_VALUE).stream()
                .filter(x -> p == null || x.organisation() != null && p.contains(x.organisation())).toList();
        return l.size() > max ? List.copyOf(l.subList(0, max)) : l;
    }

    private java.util.Optional<LettreMorte> lettre(long id, org.registrehub.api.Contexte contexte) {
        return lettresMortes(Integer.MAX_VALUE, contexte).stream().filter(l -> l.id() == id).findFirst();
    }

    @Override
    public java.util.Optional<String> contenu(long id, org.registrehub.api.Contexte contexte) {
        java.util.Optional<LettreMorte> l = lettre(id, contexte);
        if (l.isEmpty()) {
            return java.util.Optional.empty();
        }
        String corps = broker.contenu(id);
        if (corps == null) {
            return java.util.Optional.empty();
        }
        auditer(contexte, "LETTRE_MORTE_LECTURE", l.get());
        return java.util.Optional.of(corps);
    }

    @Override
    public boolean rejouer(long id, org.registrehub.api.Contexte contexte) {
        java.util.Optional<LettreMorte> l = lettre(id, contexte);
        if (l.isEmpty() || !rejouer(id)) {
            return false;
        }
        auditer(contexte, "LETTRE_MORTE_REJEU", l.get());
        return true;
    }

    @Override
    public boolean supprimer(long id, org.registrehub.api.Contexte contexte) {
        java.util.Optional<LettreMorte> l = lettre(id, contexte);
        if (l.isEmpty() || !broker.supprimer(id)) {
            return false;
        }
        LOG.info("Lettre morte {} (message {} de {}) supprimée par {}", id, l.get().messageId(),
                l.get().organisation(), contexte.acteur());
        auditer(contexte, "LETTRE_MORTE_SUPPRESSION", l.get());
        return true;
    }

    private void auditer(org.registrehub.api.Contexte contexte, String operation, LettreMorte l) {
        org.registrehub.api.acces.spi.AuditStore a = audit;
        if (a == null) {
            throw new IllegalStateException("journal d'audit absent : l'action sur la lettre morte " + l.id()
                    + " n'a pas été journalisée");
        }
        String motif = l.motif() == null ? "" : l.motif().length() > 300 ? l.motif().substring(0, 300) : l.motif();
        // the line carries the organisation's département, so that its territory's gestionnaires read it back
        String territoire = correspondants.correspondants().stream()
                .filter(o -> o.organisation().equals(l.organisation())).flatMap(o -> o.territoires().stream())
                .filter(t -> t.length() == 3).sorted().findFirst().orElse(null);
        a.auditer(new org.registrehub.api.acces.EntreeAudit(Instant.now(), contexte.acteur(), contexte.organisation(),
                contexte.canal(), operation, null, territoire, "lettre morte " + l.id() + " de " + l.organisation()
                        + ", messageId " + (l.messageId() == null ? "illisible" : l.messageId()) + ", file " + l.file()
                        + ", motif : " + motif));
    }

    private static String texte(JsonNode m, String cle) {
        JsonNode v = m.get(cle);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String motif(JsonNode m) {
        String erreur = texte(m, RouteEntranteErp.HEADER_ERREUR);
        if (erreur != null) {
            return erreur;
        }
        String livraisons = texte(m, "deliveryCount");
        return "mis de côté par le broker après ses redélivraisons (registre indisponible trop longtemps ?)"
                + (livraisons == null ? "" : ", " + livraisons + " livraison(s)");
    }

    /** Where a replay sends it: the queue the route recorded, or the one the broker recorded when it moved it. */
    private static String fileDOrigine(JsonNode m) {
        for (String cle : List.of(RouteEntranteErp.HEADER_FILE, "_AMQ_ORIG_QUEUE", "x-opt-ORIG-QUEUE",
                "_AMQ_ORIG_ADDRESS", "x-opt-ORIG-ADDRESS")) {
            String v = texte(m, cle);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
