package org.registrehub.departemental.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

import org.apache.ibatis.cursor.Cursor;
import org.registrehub.api.spi.BaseDeDonnees;
import org.registrehub.api.departemental.spi.ExtraitStore;

/**
 * The outbound extracts' persistence: one transaction holds the lock, streams the changes and records the extract.
 * This bundle's SQL ({@code ExtraitMapper.xml}) through the shared store core.
 */
public class ExtraitPostgres implements ExtraitStore {

    private final BaseDeDonnees.Sessions store;

    public ExtraitPostgres(BaseDeDonnees base) {
        this.store = base.sessions(ExtraitMapper.class);
    }

    @Override
    public Optional<Extrait> extraire(Instant jusqua, Ecriture ecriture) {
        return store.executer("extrait des changements", ExtraitMapper.class, m -> {
            if (!m.verrouiller()) {
                return Optional.<Extrait>empty();
            }
            Extrait precedent = m.dernier();
            Instant depuis = precedent == null ? Instant.EPOCH : precedent.jusqua();
            if (!depuis.isBefore(jusqua)) {
                return Optional.<Extrait>empty();
            }
            long[] lignes = new long[1];
            String fichier;
            try (Cursor<ChangementExtrait> changements = m.changements(depuis, jusqua)) {
                var it = changements.iterator();
                fichier = ecriture.ecrire(depuis, jusqua, new java.util.Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public ChangementExtrait next() {
                        lignes[0]++;
                        return it.next();
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Extrait extrait = new Extrait(depuis, jusqua, fichier, lignes[0]);
            m.inserer(extrait);
            return Optional.of(extrait);
        });
    }

    @Override
    public Optional<Extrait> dernier() {
        return Optional.ofNullable(store.executer("dernier extrait", ExtraitMapper.class, ExtraitMapper::dernier));
    }
}
