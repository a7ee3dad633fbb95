package org.registrehub.itests.navigateur;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser, for the security checks: its own cookies, no redirect followed (the test reads each
 * status), the forms' hidden CSRF field read from the last page.
 */
final class ClientWeb {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    final String base;
    final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    String csrf = "";

    ClientWeb(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    HttpResponse<String> get(String chemin) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + chemin)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    /** Posts a form; {@code csrf} is added from the last page unless the fields name one. */
    HttpResponse<String> post(String chemin, Map<String, String> champs) throws Exception {
        Map<String, String> tous = new LinkedHashMap<>();
        tous.put("csrf", csrf);
        tous.putAll(champs);
        tous.values().removeIf(v -> v == null);
        String corps = tous.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + chemin))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(corps)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
