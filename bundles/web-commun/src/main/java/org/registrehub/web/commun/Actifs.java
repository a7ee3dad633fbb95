package org.registrehub.web.commun;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Pattern;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Response;

/**
 * The static files of a web bundle of the hub, from the bundle ({@code static/}): the design system's stylesheet, scripts, fonts and
 * icons as the npm package ships them, the theme's stylesheet and the operator's logo. Nothing from elsewhere: the
 * pages name no other host.
 */
@Path("/static")
public class Actifs {

    private static final Pattern CHEMIN = Pattern.compile("^[A-Za-z0-9_-]+(/[A-Za-z0-9_.-]+)*\\.[a-z0-9]+$");
    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("css", "text/css;charset=UTF-8"),
            Map.entry("js", "text/javascript;charset=UTF-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"), Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"), Map.entry("webmanifest", "application/manifest+json"));

    private final Theme theme;

    public Actifs(Theme theme) {
        this.theme = theme;
    }

    @GET
    @Path("theme.css")
    public Response theme() {
        return Response.ok(theme.css(), TYPES.get("css")).header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("logo")
    public Response logo() throws IOException {
        if (theme.logo() == null) {
            return Response.status(404).build();
        }
        String nom = theme.logo().getFileName().toString().toLowerCase();
        return Response.ok(Files.readAllBytes(theme.logo()), nom.endsWith(".svg") ? TYPES.get("svg")
                : TYPES.get("png")).header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("{chemin: .+}")
    public Response fichier(@PathParam("chemin") String chemin) throws IOException {
        if (chemin == null || chemin.contains("..") || !CHEMIN.matcher(chemin).matches()) {
            return Response.status(404).build();
        }
        String type = TYPES.get(chemin.substring(chemin.lastIndexOf('.') + 1));
        URL url = Actifs.class.getClassLoader().getResource("static/" + chemin);
        if (type == null || url == null) {
            return Response.status(404).type("text/plain;charset=UTF-8")
                    .entity("Fichier introuvable : " + chemin).build();
        }
        byte[] contenu;
        try (InputStream in = url.openStream()) {
            contenu = in.readAllBytes();
        }
        // the files of a bundle change with its version only: a day in the browsers' cache
        return Response.ok(contenu, type).header("Cache-Control", "public, max-age=86400")
                .header("X-Content-Type-Options", "nosniff")
                .header("ETag", "\"" + Integer.toHexString(java.util.Arrays.hashCode(contenu)) + "\"").build();
    }

}
