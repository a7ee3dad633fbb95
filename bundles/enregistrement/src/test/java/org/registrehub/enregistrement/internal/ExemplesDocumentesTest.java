package org.registrehub.enregistrement.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.Dossier;
import org.registrehub.api.DoublonPresumeException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.Statut;
import org.registrehub.json.internal.JacksonJsonCodec;
import org.registrehub.testing.Identites;

/**
 * The REST bodies of docs/exemples, replayed in the order of the manual's session (docs/api-rest.md): each one does
 * what it shows (accepted, refused as a presumed duplicate, refused field by field...).
 */
public class ExemplesDocumentesTest {

    private static final Path EXEMPLES = Path.of("../../docs/exemples");
    private static final Contexte GUICHET = Identites.contexte(Identites.gestionnaire44(), Canal.REST);

    private final JacksonJsonCodec json = new JacksonJsonCodec();
    private final AtomicInteger sequence = new AtomicInteger();
    private final StoreMemoire store = new StoreMemoire();
    private final RegistreServiceImpl service = new RegistreServiceImpl((commune, guichet, date) ->
            String.format("0441126%06d%s", sequence.incrementAndGet(), guichet), store, store, json,
            Clock.fixed(LocalDate.of(2026, 11, 23).atTime(10, 0).atZone(ZoneId.of("Europe/Paris")).toInstant(),
                    ZoneId.of("Europe/Paris")), 12, 18);

    private <T> T lire(String fichier, Class<T> type) throws IOException {
        return json.lire(Files.readString(EXEMPLES.resolve(fichier), StandardCharsets.UTF_8), type);
    }

    @Test
    public void theReadmeSessionReplaysAsDocumented() throws Exception {
        Demande martin = service.enregistrer(lire("nouvelle-demande.json", NouvelleDemande.class), GUICHET);
        assertEquals("0441126000001G1104", martin.numeroUnique());
        assertEquals(LocalDate.of(2027, 11, 23), martin.dateValidite());

        try {
            service.enregistrer(lire("homonyme.json", NouvelleDemande.class), GUICHET);
            fail("homonyme.json is documented as a presumed duplicate");
        } catch (DoublonPresumeException e) {
            assertEquals(martin.numeroUnique(), e.getDoublons().get(0).numeroUnique());
            assertEquals("IDENTITE", e.getDoublons().get(0).critere());
        }
        Demande justifiee = service.enregistrer(lire("homonyme-justifie.json", NouvelleDemande.class), GUICHET);
        assertEquals("G4401", justifiee.guichet());

        Demande modifiee = service.modifier(martin.numeroUnique(), 0, lire("modification.json", Dossier.class),
                GUICHET);
        assertEquals(List.of("dossier.contact.telephone", "dossier.logementRecherche.communes[2]",
                "dossier.logementRecherche.loyerMax"), service.historique(martin.numeroUnique(), GUICHET).get(1).changements()
                .stream().map(c -> c.champ()).toList());

        Demande radiee = service.radier(martin.numeroUnique(), modifiee.version(),
                lire("radiation-attribution.json", DemandeRadiation.class), GUICHET);
        assertEquals(Statut.RADIEE, radiee.statut());
        assertEquals(MotifRadiation.ATTRIBUTION, radiee.radiation().motif());

        Demande autre = service.enregistrer(lire("autre-demandeur.json", NouvelleDemande.class), GUICHET);
        assertEquals(Statut.ACTIVE, autre.statut());
    }

    @Test
    public void theErroneousExampleGetsTheThreeDocumentedErrorsAndNothingIsWritten() throws Exception {
        try {
            service.enregistrer(lire("demande-erronee.json", NouvelleDemande.class), GUICHET);
            fail("demande-erronee.json is documented as refused");
        } catch (DemandeInvalideException e) {
            assertEquals(List.of("dossier.demandeur.nir:cle", "dossier.motifs:obligatoire",
                    "dossier.logementRecherche.communes[0]:format"),
                    e.getErreurs().stream().map(x -> x.champ() + ":" + x.regle()).toList());
            ErreurChamp cle = e.getErreurs().get(0);
            assertTrue(cle.message(), cle.message().contains("clé attendue 91"));
        }
        assertEquals(0, sequence.get());
    }
}
