package org.registrehub.rest.commun;

import java.util.List;

import org.registrehub.api.Doublon;
import org.registrehub.api.DoublonAilleurs;
import org.registrehub.api.ErreurChamp;

/**
 * An RFC 9457 problem document, with four extension members: {@code code} (stable, for machines), {@code erreurs}
 * (field-level errors), {@code doublons} (the applicant's active demands within the caller's perimeter, for
 * {@code DOUBLON_PRESUME}) and {@code doublonsAilleurs} (how many elsewhere, by territory).
 */
public record Probleme(String type, String title, int status, String detail, String instance, String code,
                       List<ErreurChamp> erreurs, List<Doublon> doublons, List<DoublonAilleurs> doublonsAilleurs) {

    public Probleme(String type, String title, int status, String detail, String instance, String code,
                    List<ErreurChamp> erreurs) {
        this(type, title, status, detail, instance, code, erreurs, List.of(), List.of());
    }

    public static final String MEDIA_TYPE = "application/problem+json";

    public static String type(String code) {
        return "urn:registrehub:probleme:" + code.toLowerCase().replace('_', '-');
    }
}
