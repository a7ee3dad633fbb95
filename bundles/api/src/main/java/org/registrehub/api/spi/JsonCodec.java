package org.registrehub.api.spi;

import java.io.InputStream;

/**
 * The hub's JSON mapping, shared by REST and the message routes so that every channel reads and writes the same shape
 * and reports the same field-level errors.
 */
public interface JsonCodec {

    /**
     * Reads a document into {@code type}.
     *
     * @throws org.registrehub.api.DemandeInvalideException naming the field when the document is malformed, has a
     *                                                      wrong type, an unknown field or an unknown enum value
     */
    <T> T lire(InputStream json, Class<T> type);

    <T> T lire(String json, Class<T> type);

    String ecrire(Object value);
}
