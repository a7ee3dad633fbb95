package org.registrehub.testing;

import io.soabase.recordbuilder.core.RecordBuilder;
import org.registrehub.api.Dossier;
import org.registrehub.api.Personne;

/**
 * Builders of the API's immutable records for tests that change one part at a time, generated at compile time by
 * RecordBuilder into this package: {@code DossierBuilder.builder(dossier).contact(autre).build()},
 * {@code PersonneBuilder.builder(demandeur).nir(null).build()}. The records themselves carry no annotation.
 */
@RecordBuilder.Include(value = {Dossier.class, Personne.class}, packagePattern = "@")
final class Constructeurs {

    private Constructeurs() {
    }
}
