package org.registrehub.itests.registre;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.MessageRecu;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.acces.spi.IdentiteStore;
import org.registrehub.api.erp.CorrespondantsErp;
import org.registrehub.api.erp.CorrespondantsErp.CorrespondantErp;
import org.registrehub.api.registre.spi.MessageErpStore;
import org.registrehub.testing.erp.ErpDeTest;
import org.registrehub.testing.registre.RegistreJetable;

/**
 * Which organisations exchange with an ERP (the ERP capability's rule, which the routes follow to give queues), and
 * what the hub last did with a message of each, on a real, throw-away PostgreSQL.
 */
public class CorrespondantsErpPostgresTest {

    @Rule
    public final RegistreJetable registre = new RegistreJetable("registre_correspondants_erp");
    private IdentiteStore acces;
    private MessageErpStore messages;
    private CorrespondantsErp correspondants;

    @Before
    public void setUp() {
        acces = registre.base().acces();
        messages = registre.base().store(MessageErpStore.class);
        correspondants = ErpDeTest.correspondants(acces, messages);
        organisation("NMH", TypeOrganisation.BAILLEUR, null, true, "044");
        organisation("MAIRIE-NANTES", TypeOrganisation.GUICHET, "G1104", true, "044");
        organisation("DDETS44", TypeOrganisation.ETAT, null, true, "044");
        organisation("OBS-PDL", TypeOrganisation.OBSERVATOIRE, null, true, "044");
        organisation("ANCIEN", TypeOrganisation.BAILLEUR, null, false, "059");
    }

    private void organisation(String code, TypeOrganisation type, String guichet, boolean active, String territoire) {
        assertTrue(acces.creerOrganisation(new Organisation(code, type, code, guichet, active, Set.of(territoire)),
                null));
    }

    @Test
    public void activeLandlordsAndGuichetsHaveQueuesTheStateObserversAndDisabledOnesDoNot() {
        assertEquals(Set.of("MAIRIE-NANTES", "NMH"), correspondants.avecFiles());
    }

    @Test
    public void aDisabledOrganisationKeepsItsLastMessageInTheSupervision() {
        assertTrue(messages.rejeter(new MessageRecu("ANCIEN", "m-1", "bailSigne"), null,
                List.of(new ErreurChamp("bailSigne.numeroUnique", "format", null, "numéro unique attendu"))));
        List<CorrespondantErp> liste = correspondants.correspondants();
        assertEquals(List.of("ANCIEN", "MAIRIE-NANTES", "NMH"), liste.stream().map(CorrespondantErp::organisation)
                .toList());
        CorrespondantErp ancien = liste.get(0);
        assertFalse(ancien.avecFiles());
        assertEquals(Set.of("059"), ancien.territoires());
        assertEquals("m-1", ancien.dernierMessageId());
        assertEquals("bailSigne", ancien.dernierType());
        assertEquals(MessageErpStore.MessageTraite.REJETE, ancien.dernierStatut());
        CorrespondantErp nmh = liste.get(2);
        assertTrue(nmh.avecFiles());
        assertEquals(Set.of("044"), nmh.territoires());
        assertNull("no message yet", nmh.dernierMessageId());
    }
}
