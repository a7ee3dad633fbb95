package org.registrehub.enregistrement.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.Test;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.CriteresRecherche;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.PageDemandes;
import org.registrehub.api.Tri;
import org.registrehub.json.internal.JacksonJsonCodec;
import org.registrehub.testing.Identites;

/** What the service lets through to the store's search, and what it refuses first. */
public class RechercheServiceTest {

    private static final Contexte LECTEUR = Identites.contexte(Identites.gestionnaire44(), Canal.REST);

    private final StoreMemoire store = new StoreMemoire();
    private final RegistreServiceImpl service = new RegistreServiceImpl((c, g, d) -> null, store, store,
            new JacksonJsonCodec(), Clock.systemUTC(), 12, 18);

    private static CriteresRecherche criteres(String numero, String nom, String commune, String territoire,
                                              LocalDate du, LocalDate au) {
        return new CriteresRecherche(numero, nom, null, null, commune, territoire, null, null, du, au, null, null);
    }

    @Test
    public void validCriteriaReachTheStoreWithTheDefaultOrder() {
        CriteresRecherche c = criteres("0440", "Le Goff", "44109", "044", LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 1, 1));
        service.rechercher(c, null, 3, 20, LECTEUR);
        assertEquals(c, store.derniereRecherche[0]);
        assertEquals(java.util.Set.of("044"), store.derniereRecherche[5]);
        assertEquals(Tri.PAR_DEFAUT, store.derniereRecherche[1]);
        assertEquals(PageDemandes.COMPTAGE_MAX, store.derniereRecherche[4]);
    }

    @Test
    public void malformedCriteriaAndPagesAreRefusedWithTheirField() {
        assertEquals("numeroUnique:format nom:format commune:format territoire:format depotDu:intervalle",
                erreurs(criteres("04-0", "--", "4410", "44", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1)),
                        0, 20));
        assertEquals("guichet:format", erreurs(new CriteresRecherche(null, null, null, null, null, null, null, null,
                null, null, null, null, "1104"), 0, 20));
        assertEquals("taille:bornes", erreurs(null, 0, 0));
        assertEquals("taille:bornes", erreurs(null, 0, 101));
        assertEquals("page:bornes", erreurs(null, -1, 20));
        assertEquals("page:bornes", erreurs(null, 500, 20));
        assertNull(store.derniereRecherche);
    }

    private String erreurs(CriteresRecherche c, int page, int taille) {
        try {
            service.rechercher(c, null, page, taille, LECTEUR);
            fail("accepted");
            return null;
        } catch (DemandeInvalideException e) {
            return Regles.de(e.getErreurs());
        }
    }
}
