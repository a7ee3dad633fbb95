package org.registrehub.erp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.acces.spi.IdentiteStore;
import org.registrehub.api.erp.CorrespondantsErp;
import org.registrehub.api.registre.spi.MessageErpStore;
import org.registrehub.api.registre.spi.MessageErpStore.MessageTraite;

/** The organisations of the ERP channel, read from the register's organisations and the messages it handled. */
public class CorrespondantsRegistre implements CorrespondantsErp {

    private final IdentiteStore identites;
    private final MessageErpStore messages;

    public CorrespondantsRegistre(IdentiteStore identites, MessageErpStore messages) {
        this.identites = identites;
        this.messages = messages;
    }

    /** Landlords and guichets exchange with their ERP; the State, observers and the hub do not. */
    static boolean aDesFiles(Organisation o) {
        return o.active() && (o.type() == TypeOrganisation.BAILLEUR || o.type() == TypeOrganisation.GUICHET);
    }

    @Override
    public Set<String> avecFiles() {
        return identites.organisations().stream().filter(CorrespondantsRegistre::aDesFiles).map(Organisation::code)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public List<CorrespondantErp> correspondants() {
        Map<String, MessageTraite> derniers = new TreeMap<>();
        for (MessageTraite m : messages.derniersParOrganisation()) {
            derniers.putIfAbsent(m.recu().organisation(), m);
        }
        Set<String> codes = new TreeSet<>(derniers.keySet());
        Map<String, Organisation> organisations = new TreeMap<>();
        for (Organisation o : identites.organisations()) {
            organisations.put(o.code(), o);
            if (aDesFiles(o)) {
                codes.add(o.code());
            }
        }
        List<CorrespondantErp> liste = new ArrayList<>();
        for (String code : codes) {
            Organisation o = organisations.get(code);
            MessageTraite d = derniers.get(code);
            liste.add(new CorrespondantErp(code, o == null ? Set.of() : o.territoires(), o != null && aDesFiles(o),
                    d == null ? null : d.recu().messageId(), d == null ? null : d.recu().type(),
                    d == null ? null : d.statut(), d == null ? null : d.traiteLe()));
        }
        return liste;
    }
}
