package org.registrehub.statistiques.internal;

import java.util.EnumSet;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.testing.TestDatabase;
import org.registrehub.testing.registre.RegistreDeTest;

/**
 * The statistics tests' common ground: a throw-away database with the real store on it (opened before each test,
 * closed and dropped after), an observateur and a gestionnaire of the territories the tests use.
 */
abstract class BaseDeTest {

    static final Contexte OBSERVATEUR = new Contexte(new Identite("observatoire", new Organisation("OBS",
            TypeOrganisation.OBSERVATOIRE, "Observatoire", null, true, Set.of()), EnumSet.of(Role.OBSERVATEUR)),
            Canal.REST);
    static final Contexte GESTIONNAIRE = new Contexte(new Identite("stat.gestionnaire", new Organisation(
            "DREAL", TypeOrganisation.ETAT, "DREAL", null, true, Set.of("044", "085", "059", "062", "075")),
            EnumSet.of(Role.GESTIONNAIRE)), Canal.REST);

    TestDatabase db;
    RegistreDeTest store;
    /** This bundle's store over the shared core. */
    StatistiquesPostgres statistiquesStore;

    @Before
    public void ouvrirLaBase() {
        db = TestDatabase.create("registre_" + getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
        store = RegistreDeTest.ouvrir(db);
        statistiquesStore = new StatistiquesPostgres(store.base(), new org.registrehub.json.internal.JacksonJsonCodec());
    }

    @After
    public void fermerLaBase() throws Exception {
        if (store != null) {
            store.close();
        }
        if (db != null) {
            db.close();
        }
    }

    /**
     * Nantes Métropole (244400404: 44109 and the other communes given) and La Roche-sur-Yon Agglomération (248500589:
     * 85191) in the EPCI directory.
     */
    void epcis(String... autresCommunesDeNantes) {
        StringBuilder communes = new StringBuilder("('244400404', '44109'), ('248500589', '85191')");
        for (String c : autresCommunesDeNantes) {
            communes.append(", ('244400404', '").append(c).append("')");
        }
        db.count("WITH e AS (INSERT INTO epci (code, nom) VALUES ('244400404', 'Nantes Métropole'),"
                + " ('248500589', 'La Roche-sur-Yon Agglomération') RETURNING 1),"
                + " c AS (INSERT INTO epci_commune (epci, commune) VALUES " + communes + " RETURNING 1)"
                + " SELECT count(*) FROM e, c");
    }

    /** The real register on the test database (local numbering), on that clock. */
    org.registrehub.api.RegistreService registre(org.registrehub.testing.HorlogeReglable horloge) {
        return store.registre(horloge);
    }
}
