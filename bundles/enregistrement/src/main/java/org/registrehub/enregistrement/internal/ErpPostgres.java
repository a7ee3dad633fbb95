package org.registrehub.enregistrement.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.MessageDejaTraiteException;
import org.registrehub.api.MessageRecu;
import org.registrehub.api.SuiviAttribution;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.spi.JsonCodec;
import org.registrehub.api.spi.BaseDeDonnees;
import org.registrehub.api.registre.spi.MessageErpStore;
import org.registrehub.api.registre.spi.SuiviStore;

/**
 * The messages received from the landlords' ERPs (idempotence) and the landlords' follow-up of the demands, on the
 * register's database: this bundle's SQL ({@code ErpMapper.xml}) through the shared store core.
 */
@Component(service = {MessageErpStore.class, SuiviStore.class})
public class ErpPostgres implements MessageErpStore, SuiviStore {

    private final BaseDeDonnees.Sessions store;
    private final JsonCodec json;

    @Activate
    public ErpPostgres(@Reference BaseDeDonnees base, @Reference JsonCodec json) {
        this.store = base.sessions(ErpMapper.class);
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
