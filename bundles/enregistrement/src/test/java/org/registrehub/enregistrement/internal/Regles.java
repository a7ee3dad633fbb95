package org.registrehub.enregistrement.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.registrehub.api.ErreurChamp;

/** "champ:regle champ:regle" of a list of errors, to assert on them in one line. */
final class Regles {

    private Regles() {
    }

    static String de(List<ErreurChamp> erreurs) {
        return erreurs.stream().map(e -> e.champ() + ":" + e.regle()).collect(Collectors.joining(" "));
    }
}
