package org.registrehub.store.internal;

import java.util.List;
import java.util.Optional;

import org.registrehub.api.ErreurChamp;
import org.registrehub.api.MessageDejaTraiteException;
import org.registrehub.api.MessageRecu;
import org.registrehub.api.SuiviAttribution;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.spi.JsonCodec;
import org.registrehub.api.spi.MessageErpStore;
import org.registrehub.api.spi.SuiviStore;

/** The ERP channel's persistence (messages processed, landlords' follow-up), on the store's sessions. */
final class ErpPostgres implements MessageErpStore, SuiviStore {

    /** Lets the store publish these services itself (one component, one DataSource, one health watch). */
    interface Delegation extends MessageErpStore, SuiviStore {

        ErpPostgres erp();

        @Override
        default Optional<MessageTraite> message(String organisation, String messageId) {
            return erp().message(organisation, messageId);
        }

        @Override
        default boolean rejeter(MessageRecu recu, String numeroUnique, List<ErreurChamp> erreurs) {
            return erp().rejeter(recu, numeroUnique, erreurs);
        }

        @Override
        default List<MessageTraite> derniersParOrganisation() {
            return erp().derniersParOrganisation();
        }

        @Override
        default void enregistrer(List<SuiviAttribution> lignes, List<EntreeAudit> audit, MessageRecu recu) {
            erp().enregistrer(lignes, audit, recu);
        }

        @Override
        default List<SuiviAttribution> suivi(String numeroUnique) {
            return erp().suivi(numeroUnique);
        }
    }

    private final PostgresStore store;
    private final JsonCodec json;

    ErpPostgres(PostgresStore store, JsonCodec json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public Optional<MessageTraite> message(String organisation, String messageId) {
        return Optional.ofNullable(store.executer("lecture du message ERP " + messageId, ErpMapper.class,
                m -> m.message(organisation, messageId))).map(this::traite);
    }

    @Override
    public boolean rejeter(MessageRecu recu, String numeroUnique, List<ErreurChamp> erreurs) {
        // field, rule and message only: a rejected value (a NIR...) is not kept once the reply has left
        String texte = json.ecrire(erreurs == null ? List.of() : erreurs.stream()
                .map(e -> new ErreurChamp(e.champ(), e.regle(), null, e.message())).toList());
        return store.executer("rejet du message ERP " + recu.messageId(), ErpMapper.class,
                m -> m.insererMessage(recu, MessageTraite.REJETE, numeroUnique, texte)) == 1;
    }

    @Override
    public List<MessageTraite> derniersParOrganisation() {
        return store.executer("derniers messages ERP", ErpMapper.class, ErpMapper::derniersParOrganisation)
                .stream().map(this::traite).toList();
    }

    @Override
    public void enregistrer(List<SuiviAttribution> lignes, List<EntreeAudit> audit, MessageRecu recu) {
        store.executer("suivi des attributions", ErpMapper.class, m -> {
            if (recu != null && m.insererMessage(recu, MessageTraite.ACCEPTE,
                    lignes.isEmpty() ? null : lignes.get(0).numeroUnique(), null) == 0) {
                throw new MessageDejaTraiteException(recu);
            }
            lignes.forEach(l -> m.insererSuivi(l, recu == null ? null : recu.messageId()));
            audit.forEach(m::auditer);
            return null;
        });
    }

    @Override
    public List<SuiviAttribution> suivi(String numeroUnique) {
        return store.executer("suivi de la demande " + numeroUnique, ErpMapper.class, m -> m.suivi(numeroUnique));
    }

    private MessageTraite traite(LigneMessageErp l) {
        List<ErreurChamp> erreurs = l.erreurs() == null ? List.of()
                : List.of(json.lire(l.erreurs(), ErreurChamp[].class));
        return new MessageTraite(new MessageRecu(l.organisation(), l.messageId(), l.type(), l.empreinte()), l.statut(),
                l.numeroUnique(), erreurs, l.traiteLe());
    }
}
