package org.registrehub.api;

/**
 * The daily outbound extract of the changes, for the departmental systems that cannot call the SOAP service: a CSV
 * file per extract (numéro unique, former departmental number, operation, time, channel, state, dates, radiation
 * reason; no nominative data), each covering the changes after the previous one.
 */
public interface ExtraitsSortants {

    /** Produces the extract of the changes up to now (a minute ago); returns what it did, in French. */
    String produire();

    /** The scheduler's tick: produces the day's extract once its hour ({@code extrait.heure}) has come, once a day. */
    void produireSiEchu();
}
