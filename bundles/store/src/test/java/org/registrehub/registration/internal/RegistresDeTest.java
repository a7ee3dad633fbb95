package org.registrehub.registration.internal;

import java.time.Clock;

import org.registrehub.api.NumerotationService;
import org.registrehub.api.RegistreService;
import org.registrehub.api.renouvellement.CalendrierRenouvellement;
import org.registrehub.api.spi.AuditStore;
import org.registrehub.api.spi.DemandeStore;
import org.registrehub.json.internal.JacksonJsonCodec;

/**
 * The real registration service on a given store and clock, for the tests of the modules built on the register
 * (shipped in the store's test-jar).
 */
public final class RegistresDeTest {

    private RegistresDeTest() {
    }

    public static RegistreService registre(NumerotationService numerotation, DemandeStore store, AuditStore audit,
                                           Clock horloge) {
        return new RegistreServiceImpl(numerotation, store, audit, new JacksonJsonCodec(), horloge, 12, 18);
    }

    /** With the grace period of the renewal calendar, by territory (as the hub wires it). */
    public static RegistreService registre(NumerotationService numerotation, DemandeStore store, AuditStore audit,
                                           Clock horloge, CalendrierRenouvellement calendrier) {
        return new RegistreServiceImpl(numerotation, store, audit, new JacksonJsonCodec(), horloge, 12,
                territoire -> calendrier.regles(territoire).graceMois());
    }
}
