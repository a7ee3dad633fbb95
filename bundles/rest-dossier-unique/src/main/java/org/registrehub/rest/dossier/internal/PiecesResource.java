package org.registrehub.rest.dossier.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.dossier.CategoriePiece;
import org.registrehub.api.dossier.ContenuPiece;
import org.registrehub.api.dossier.Piece;
import org.registrehub.api.dossier.PiecesService;
import org.registrehub.api.spi.JsonCodec;
import org.registrehub.rest.commun.AuthentificationFiltre;
import org.registrehub.rest.commun.Probleme;

/**
 * {@code /api/v1/pieces/{numero}}: the dossier unique of a demand for the guichets and landlords of its territory.
 * A document is uploaded as the request's body ({@code Content-Type} its type, {@code ?categorie=&nom=}), downloaded
 * as it was stored (with its SHA-256 in {@code Repr-Digest}); every read is audited by the service.
 */
@Path("/")
public class PiecesResource {

    private final PiecesService pieces;
    private final JsonCodec json;
    private final long tailleMax;

    @Context
    private SecurityContext securite;

    public PiecesResource(PiecesService pieces, JsonCodec json, long tailleMax) {
        this.pieces = pieces;
        this.json = json;
        this.tailleMax = tailleMax;
    }

    @GET
    @Path("{numero}")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response lister(@PathParam("numero") String numero) {
        List<Map<String, Object>> l = pieces.pieces(numero, contexte()).stream().map(PiecesResource::vue).toList();
        return Response.ok(json.ecrire(Map.of("numeroUnique", numero, "pieces", l)), MediaType.APPLICATION_JSON)
                .build();
    }

    @POST
    @Path("{numero}")
    @Consumes({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response deposer(@PathParam("numero") String numero, @QueryParam("categorie") String categorie,
                            @QueryParam("nom") String nom, @QueryParam("remplace") Long remplace,
                            @HeaderParam("Content-Type") String type, InputStream corps, @Context UriInfo uri)
            throws IOException {
        CategoriePiece c;
        try {
            c = CategoriePiece.valueOf(categorie == null ? "" : categorie.strip());
        } catch (IllegalArgumentException e) {
            throw new DemandeInvalideException("la pièce", List.of(new ErreurChamp("categorie", "valeur", categorie,
                    "une catégorie parmi " + List.of(CategoriePiece.values()))));
        }
        if (nom == null || nom.isBlank()) {
            throw new DemandeInvalideException("la pièce", List.of(new ErreurChamp("nom", "obligatoire", null,
                    "le nom du fichier (?nom=avis-2025.pdf)")));
        }
        // one byte more than allowed is enough to refuse: the service names the limit
        byte[] contenu = corps.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, tailleMax + 1));
        Piece p = pieces.deposer(numero, c, nom, type, contenu, remplace, contexte());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(p.id())).build())
                .type(MediaType.APPLICATION_JSON).entity(json.ecrire(vue(p))).build();
    }

    @GET
    @Path("{numero}/{id}")
    @Produces({"application/pdf", "image/jpeg", "image/png", Probleme.MEDIA_TYPE})
    public Response lire(@PathParam("numero") String numero, @PathParam("id") long id) {
        ContenuPiece c = pieces.lire(numero, id, contexte());
        return Response.ok(c.contenu(), c.piece().typeMedia())
                .header("Content-Disposition", "attachment; filename=\"" + c.piece().nomFichier()
                        .replaceAll("[^A-Za-z0-9._ -]", "_") + "\"")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                        HexFormat.of().parseHex(c.piece().sha256())) + ":")
                .header("ETag", "\"" + c.piece().sha256() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("{numero}/{id}")
    public Response retirer(@PathParam("numero") String numero, @PathParam("id") long id) {
        pieces.retirer(numero, id, contexte());
        return Response.noContent().build();
    }

    static Map<String, Object> vue(Piece p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("categorie", p.categorie().name());
        m.put("nomFichier", p.nomFichier());
        m.put("typeMedia", p.typeMedia());
        m.put("taille", p.taille());
        m.put("sha256", p.sha256());
        m.put("deposeLe", p.deposeLe().toString());
        m.put("deposePar", p.deposePar());
        return m;
    }

    private Contexte contexte() {
        return new Contexte(AuthentificationFiltre.identite(securite), Canal.REST);
    }
}
