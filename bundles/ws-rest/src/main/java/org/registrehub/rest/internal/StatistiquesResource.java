package org.registrehub.rest.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.spi.JsonCodec;
import org.registrehub.api.statistiques.Granularite;
import org.registrehub.api.statistiques.StatistiquesService;
import org.registrehub.api.statistiques.TableauFlux;

/**
 * {@code GET /api/v1/statistiques/flux?debut=&fin=&granularite=} and {@code /statistiques/stock?date=&granularite=}:
 * the Infocentre's stock and flow tables, aggregated (every authenticated role, the observateur included).
 */
@Path("/statistiques")
public class StatistiquesResource {

    private final StatistiquesService statistiques;
    private final JsonCodec json;

    @Context
    private SecurityContext securite;

    public StatistiquesResource(StatistiquesService statistiques, JsonCodec json) {
        this.statistiques = statistiques;
        this.json = json;
    }

    @GET
    @Path("/flux")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response flux(@QueryParam("debut") String debut, @QueryParam("fin") String fin,
                         @QueryParam("granularite") String granularite) {
        ParametresRecherche p = new ParametresRecherche();
        LocalDate d = p.date("debut", debut);
        LocalDate f = p.date("fin", fin);
        Granularite g = granularite(p, granularite);
        p.verifier();
        return Response.ok(json.ecrire(corps(statistiques.flux(d, f, g, contexte()))), MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    @Path("/stock")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response stock(@QueryParam("date") String date, @QueryParam("granularite") String granularite) {
        ParametresRecherche p = new ParametresRecherche();
        LocalDate d = p.date("date", date);
        Granularite g = granularite(p, granularite);
        p.verifier();
        if (d == null) {
            throw new DemandeInvalideException(List.of(new org.registrehub.api.ErreurChamp("date", "obligatoire",
                    null, "jour du stock (AAAA-MM-JJ)")));
        }
        return Response.ok(json.ecrire(corps(statistiques.stock(d, g, contexte()))), MediaType.APPLICATION_JSON)
                .build();
    }

    /** By département unless asked otherwise. */
    private static Granularite granularite(ParametresRecherche p, String valeur) {
        return valeur == null ? Granularite.DEPARTEMENT : p.valeur("granularite", valeur, Granularite.class);
    }

    /** The table, its lines and its total. */
    private static Map<String, Object> corps(TableauFlux t) {
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("debut", t.debut());
        corps.put("fin", t.fin());
        corps.put("granularite", t.granularite());
        corps.put("lignes", t.lignes());
        corps.put("total", t.total());
        return corps;
    }

    private Contexte contexte() {
        return new Contexte(AuthentificationFiltre.identite(securite), Canal.REST);
    }
}
