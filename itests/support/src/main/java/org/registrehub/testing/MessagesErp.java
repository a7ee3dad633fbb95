package org.registrehub.testing;

import java.time.LocalDate;

/** ERP messages for the tests and benchmarks, as a landlord's ERP writes them (docs/messages). */
public final class MessagesErp {

    private MessagesErp() {
    }

    /** A {@code bailSigne} of yesterday (never in the future, whatever the time zone) for this demand. */
    public static String bailSigne(String messageId, String numero) {
        return "{\"messageId\":\"" + messageId + "\",\"type\":\"bailSigne\",\"versionSchema\":1,"
                + "\"horodatage\":\"2026-11-30T10:00:00Z\",\"bailSigne\":{\"numeroUnique\":\"" + numero + "\","
                + "\"identifiantRpls\":\"44109000123\",\"reservataire\":\"ETAT\",\"dalo\":false,"
                + "\"dateSignature\":\"" + LocalDate.now().minusDays(1) + "\"}}";
    }
}
