package org.registrehub.registration.internal;

import java.time.Clock;

import org.registrehub.api.ImportService;
import org.registrehub.api.NumerotationService;
import org.registrehub.api.spi.ImportStore;
import org.registrehub.json.internal.JacksonJsonCodec;

/** The real import service on a given store and clock, for the departmental files' tests. */
public final class ImportsDeTest {

    private ImportsDeTest() {
    }

    public static ImportService service(NumerotationService numerotation, ImportStore store, Clock horloge) {
        return new ImportServiceImpl(numerotation, store, new JacksonJsonCodec(), horloge, 12);
    }
}
