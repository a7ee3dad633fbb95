package org.registrehub.attribution.internal;

import static org.junit.Assert.assertEquals;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.Test;

/**
 * The configuration the distribution ships ({@code etc/org.registrehub.attribution.cfg}) is accepted as it is by the
 * matching rules: one PID for the capability, its notices' keys ({@code notification.*}) and the cotation's beside
 * the rules' (a key the rules did not know refused the whole file, and the defaults applied instead).
 */
public class ConfigurationLivreeTest {

    @Test
    public void laConfigurationLivreeEstAccepteeTelleQuelle() throws Exception {
        Path cfg = Path.of(System.getProperty("registre.exemples"), "..", "etc", "org.registrehub.attribution.cfg");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(cfg, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, Object> proprietes = new HashMap<>();
        p.forEach((k, v) -> proprietes.put(k.toString(), v.toString()));
        ReglesAttribution regles = ReglesAttribution.lire(proprietes);
        assertEquals(0, new BigDecimal(p.getProperty("tauxEffort.maxPourcent").strip())
                .compareTo(regles.regles("044").tauxEffortMax()));
    }
}
