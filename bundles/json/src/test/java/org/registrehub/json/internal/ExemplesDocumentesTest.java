package org.registrehub.json.internal;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.testing.Exemples;

/** The example documented in docs/exemples (used by the manual, the tests and the benchmark) is the test example. */
public class ExemplesDocumentesTest {

    @Test
    public void theDocumentedRestBodyIsTheExampleDossier() throws Exception {
        String json = Files.readString(Path.of("../../docs/exemples/nouvelle-demande.json"), StandardCharsets.UTF_8);
        assertEquals(Exemples.nouvelleDemande("Martin"), new JacksonJsonCodec().lire(json, NouvelleDemande.class));
    }
}
