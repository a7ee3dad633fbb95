package org.registrehub.renewal.internal;

import java.util.Map;

import org.registrehub.api.renouvellement.CalendrierRenouvellement;

/** The real renewal calendar with a given configuration, for the campaign's tests. */
public final class CalendriersDeTest {

    private CalendriersDeTest() {
    }

    public static CalendrierRenouvellement calendrier(Map<String, Object> configuration) {
        CalendrierConfigure c = new CalendrierConfigure();
        c.configurer(configuration);
        return c;
    }
}
