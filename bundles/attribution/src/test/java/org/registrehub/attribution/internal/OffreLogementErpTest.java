package org.registrehub.attribution.internal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.registrehub.api.RegistreService;
import org.registrehub.api.acces.AuthentificationService;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.attribution.StatutOffre;
import org.registrehub.api.erp.ReponseTraitementErp;
import org.registrehub.api.erp.TraitementErp;
import org.registrehub.api.registre.spi.MessageErpStore;
import org.registrehub.testing.HorlogeReglable;
import org.registrehub.testing.erp.ErpDeTest;
import org.registrehub.testing.registre.RegistreJetable;

/**
 * The ERP message {@code offreLogement} through the real message handling (contract, idempotence, rights), on
 * PostgreSQL: the dwelling offered once whatever the deliveries, its errors named by field.
 */
public class OffreLogementErpTest {

    @Rule
    public final RegistreJetable base = new RegistreJetable("registre_offre_erp");

    private final HorlogeReglable horloge = new HorlogeReglable(ZoneId.of("Europe/Paris"),
            Instant.parse("2026-12-01T08:00:00Z"));
    private LogementsServiceImpl logements;
    private TraitementErp traitement;

    /** NMH's ERP account, a landlord of Loire-Atlantique. */
    private static final Identite ERP_NMH = new Identite("erp.nmh", new Organisation("NMH", TypeOrganisation.BAILLEUR,
            "Nantes Métropole Habitat", null, true, Set.of("044")), EnumSet.of(Role.BAILLEUR));

    @Before
    public void hub() {
        RegistreService registre = base.base().registre(horloge);
        logements = new LogementsServiceImpl(new AttributionPostgres(base.base().base(), new org.registrehub.json.internal.JacksonJsonCodec()), horloge);
        AuthentificationService comptes = new AuthentificationService() {
            @Override
            public Optional<Identite> authentifier(String identifiant, char[] motDePasse) {
                return Optional.empty();
            }

            @Override
            public Optional<Identite> identite(String identifiant) {
                return "erp.nmh".equals(identifiant) ? Optional.of(ERP_NMH) : Optional.empty();
            }

            @Override
            public Optional<Identite> identiteOrganisation(String code) {
                return "NMH".equals(code) ? Optional.of(ERP_NMH) : Optional.empty();
            }
        };
        traitement = ErpDeTest.traitement(registre, base.base().attribution(registre, horloge), logements,
                base.base().store(MessageErpStore.class), comptes);
    }

    static String offre(String messageId, String rpls, String commune, String loyer) {
        return """
            {"messageId": "%s", "type": "offreLogement", "versionSchema": 1, "horodatage": "2026-12-01T09:00:00+01:00",
             "offreLogement": {"identifiantRpls": "%s", "adresse": "5 allée des Tanneurs", "commune": "%s",
               "typologie": "T3", "surface": 66.4, "etage": 2, "ascenseur": true, "accessibilite": "ACCESSIBLE",
               "loyer": %s, "charges": 72.5, "financement": "PLUS",
               "reservataire": {"type": "PREFECTURE", "organisation": "DDETS44"}, "dateDisponibilite": "2027-02-01"}}
            """.formatted(messageId, rpls, commune, loyer);
    }

    @Test
    public void unLogementOffertParMessageLEstUneFoisQuelQueSoitLeNombreDeLivraisons() {
        ReponseTraitementErp r = traitement.traiter(offre("m-1", "RPLS44109X1", "44109", "478.30"), "NMH", "erp.nmh");
        assertEquals(r.json(), "ACCEPTE", r.statut());
        assertThat(r.json(), containsString("\"type\":\"reponseOffreLogement\""));
        var l = logements.logement("RPLS44109X1", RapprochementPostgresTest.GESTIONNAIRE);
        assertEquals(StatutOffre.OFFERT, l.statut());
        assertEquals("NMH", l.bailleur());
        assertEquals("DDETS44", l.reservataire().organisation());
        assertEquals("ERP", logements.historique("RPLS44109X1", RapprochementPostgresTest.GESTIONNAIRE).get(0)
                .canal().name());
        // the same message again: its first answer, nothing new
        ReponseTraitementErp encore = traitement.traiter(offre("m-1", "RPLS44109X1", "44109", "478.30"), "NMH",
                "erp.nmh");
        assertEquals("ACCEPTE", encore.statut());
        assertThat(encore.json(), containsString("\"dejaTraite\":true"));
        assertEquals(1, base.db().count("SELECT count(*) FROM logement_offert WHERE identifiant_rpls = 'RPLS44109X1'"));
        assertEquals(1, base.db().count("SELECT count(*) FROM logement_historique"));
        // another message for the same open offer: refused, naming the dwelling
        ReponseTraitementErp deux = traitement.traiter(offre("m-2", "RPLS44109X1", "44109", "478.30"), "NMH",
                "erp.nmh");
        assertEquals("REJETE", deux.statut());
        assertThat(deux.json(), containsString("offreLogement.identifiantRpls"));
        assertThat(deux.json(), containsString("déjà offert"));
    }

    @Test
    public void uneOffreHorsContratOuHorsTerritoireEstRejeteeSansRienEcrire() {
        ReponseTraitementErp contrat = traitement.traiter(offre("m-3", "RPLS44109X2", "44109", "\"cher\""), "NMH",
                "erp.nmh");
        assertEquals("REJETE", contrat.statut());
        assertThat(contrat.json(), containsString("offreLogement.loyer"));
        ReponseTraitementErp territoire = traitement.traiter(offre("m-4", "RPLS85191X1", "85191", "410"), "NMH",
                "erp.nmh");
        assertEquals("REJETE", territoire.statut());
        assertThat(territoire.json(), containsString("85191"));
        assertEquals(0, base.db().count("SELECT count(*) FROM logement_offert"));
        assertTrue(base.db().count("SELECT count(*) FROM message_erp WHERE statut = 'REJETE'") == 2);
        assertFalse(logements.logements(null, null, RapprochementPostgresTest.GESTIONNAIRE).iterator().hasNext());
    }
}
