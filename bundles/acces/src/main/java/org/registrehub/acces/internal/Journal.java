package org.registrehub.acces.internal;

/**
 * A value typed by someone (a login, an address) made safe for a log line or an audit line: control characters (CR,
 * LF, tab...) become {@code ?}, so that nobody forges a line; at most 200 characters are kept. The log layout encodes
 * CR/LF of every message as well (etc/org.ops4j.pax.logging.cfg): this keeps the audit, which is not a log, clean too.
 */
final class Journal {

    private Journal() {
    }

    static String neutre(String valeur) {
        if (valeur == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(valeur.length(), 200));
        valeur.codePoints().limit(200).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}
