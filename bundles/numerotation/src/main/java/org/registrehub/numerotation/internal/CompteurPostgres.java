package org.registrehub.numerotation.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.numerotation.spi.CompteurStore;
import org.registrehub.api.spi.BaseDeDonnees;

/**
 * The numbering counters on the register's database: this bundle's SQL ({@code CompteurMapper.xml}), run through the
 * shared store core; each call is its own committed transaction, so a value is never handed out twice, whatever the
 * number of hub nodes.
 */
@Component(service = CompteurStore.class)
public class CompteurPostgres implements CompteurStore {

    private final BaseDeDonnees.Sessions base;

    @Activate
    public CompteurPostgres(@Reference BaseDeDonnees base) {
        this.base = base.sessions(CompteurMapper.class);
    }

    @Override
    public long suivant(String territoire, String moisAnnee) {
        return base.executer("numérotation " + territoire + "/" + moisAnnee, CompteurMapper.class,
                m -> m.incrementer(territoire, moisAnnee));
    }

    @Override
    public long reserver(String territoire, String moisAnnee, int nombre) {
        return base.executer("numérotation " + territoire + "/" + moisAnnee + " (" + nombre + ")",
                CompteurMapper.class, m -> m.reserver(territoire, moisAnnee, nombre));
    }

    @Override
    public void atteindre(String territoire, String moisAnnee, long valeur) {
        base.executer("numérotation " + territoire + "/" + moisAnnee, CompteurMapper.class,
                m -> m.relever(territoire, moisAnnee, valeur));
    }
}
