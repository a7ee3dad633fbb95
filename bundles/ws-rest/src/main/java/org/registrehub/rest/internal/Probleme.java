package org.registrehub.rest.internal;

import java.util.List;

import org.registrehub.api.ErreurChamp;

/**
 * An RFC 9457 problem document, with two extension members: {@code code} (stable, for machines) and {@code erreurs}
 * (field-level errors).
 */
public record Probleme(String type, String title, int status, String detail, String instance, String code,
                       List<ErreurChamp> erreurs) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static String type(String code) {
        return "urn:registrehub:probleme:" + code.toLowerCase().replace('_', '-');
    }
}
