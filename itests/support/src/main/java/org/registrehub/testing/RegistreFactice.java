package org.registrehub.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.registrehub.api.AttributionService;
import org.registrehub.api.Contexte;
import org.registrehub.api.DecisionCommission;
import org.registrehub.api.Demande;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.MessageDejaTraiteException;
import org.registrehub.api.MessageRecu;
import org.registrehub.api.Proposition;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.Statut;
import org.registrehub.api.SuiviAttribution;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.acces.AuthentificationService;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.registre.spi.MessageErpStore;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.Identites;

/**
 * The register as the ERP channel sees it (attribution, messages received, identities), in memory, with the store's guarantee: an applied message is recorded with
 * its change, atomically, and a second one is refused. Demands whose numéro ends with {@code G9001} always fail
 * (a poison), those ending with {@code G9002} find the register unavailable for their first {@link #pannes} calls.
 */
public final class RegistreFactice implements AttributionService, MessageErpStore, AuthentificationService {

    public static final String POISON = "G9001";
    public static final String PANNE = "G9002";

    public final Map<String, Statut> demandes = new ConcurrentHashMap<>();
    public final Map<String, MessageTraite> traites = new ConcurrentHashMap<>();
    public final Map<String, AtomicInteger> appels = new ConcurrentHashMap<>();
    public volatile int pannes = 3;
    public volatile boolean poisonGueri;

    private static String cle(String organisation, String messageId) {
        return organisation + "/" + messageId;
    }

    public int appels(String numero) {
        AtomicInteger n = appels.get(numero);
        return n == null ? 0 : n.get();
    }

    @Override
    public Demande signerBail(String numeroUnique, String identifiantRpls, String reservataire, Boolean dalo,
                              LocalDate dateSignature, String commentaire, Contexte contexte) {
        int n = appels.computeIfAbsent(numeroUnique, k -> new AtomicInteger()).incrementAndGet();
        if (numeroUnique.endsWith(POISON) && !poisonGueri) {
            throw new IllegalStateException("défaut de programme sur " + numeroUnique);
        }
        if (numeroUnique.endsWith(PANNE) && n <= pannes) {
            throw new RegistreIndisponibleException("PostgreSQL injoignable (essai " + n + ")", null);
        }
        synchronized (this) {
            MessageRecu recu = contexte.recu();
            if (traites.containsKey(cle(recu.organisation(), recu.messageId()))) {
                throw new MessageDejaTraiteException(recu);
            }
            if (demandes.getOrDefault(numeroUnique, Statut.ACTIVE) == Statut.RADIEE) {
                throw new TransitionInterditeException("La demande " + numeroUnique + " est déjà radiée.");
            }
            demandes.put(numeroUnique, Statut.RADIEE);
            traites.put(cle(recu.organisation(), recu.messageId()), new MessageTraite(recu, MessageTraite.ACCEPTE,
                    numeroUnique, List.of(), Instant.now()));
        }
        return new Demande(numeroUnique, Statut.RADIEE, "G1104", "044", LocalDate.of(2026, 1, 5),
                LocalDate.of(2027, 1, 5), null, null, 1, Exemples.dossier("Martin"));
    }

    @Override
    public List<SuiviAttribution> proposer(Proposition proposition, Contexte contexte) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SuiviAttribution deciderCal(DecisionCommission decision, Contexte contexte) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SuiviAttribution renoncer(String numeroUnique, String identifiantRpls, LocalDate dateRenonciation,
                                     String commentaire, Contexte contexte) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<SuiviAttribution> suivi(String numeroUnique, Contexte contexte) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<MessageTraite> message(String organisation, String messageId) {
        return Optional.ofNullable(traites.get(cle(organisation, messageId)));
    }

    @Override
    public synchronized boolean rejeter(MessageRecu recu, String numeroUnique, List<ErreurChamp> erreurs) {
        return traites.putIfAbsent(cle(recu.organisation(), recu.messageId()), new MessageTraite(recu,
                MessageTraite.REJETE, numeroUnique, erreurs, Instant.now())) == null;
    }

    @Override
    public List<MessageTraite> derniersParOrganisation() {
        return List.copyOf(traites.values());
    }

    @Override
    public Optional<Identite> authentifier(String identifiant, char[] motDePasse) {
        throw new AssertionError("the route never handles passwords");
    }

    @Override
    public Optional<Identite> identite(String identifiant) {
        // the active accounts: a landlord agent of NMH, and one of LMH (another organisation)
        return switch (identifiant) {
            case "bailleur.nmh" -> Optional.of(Identites.bailleur44());
            case "bailleur.lmh" -> Optional.of(new Identite("bailleur.lmh", new org.registrehub.api.acces.Organisation(
                    "LMH", org.registrehub.api.acces.TypeOrganisation.BAILLEUR, "LMH", null, true, java.util.Set.of(
                            "059")), java.util.EnumSet.of(org.registrehub.api.acces.Role.BAILLEUR)));
            default -> Optional.empty();
        };
    }

    @Override
    public Optional<Identite> identiteOrganisation(String code) {
        return "NMH".equals(code) ? Optional.of(Identites.bailleur44()) : Optional.empty();
    }
}
