package org.registrehub.registration.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.Test;
import org.registrehub.api.Canal;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.EvenementDemande;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.Statut;
import org.registrehub.api.Typologie;
import org.registrehub.api.spi.DemandeStore;
import org.registrehub.json.internal.JacksonJsonCodec;

public class RegistreServiceImplTest {

    /** 31 March 2024 at 23:30 in Paris (21:30 UTC): the filing date is the Paris one. */
    private static final Clock PARIS = Clock.fixed(Instant.parse("2024-03-31T21:30:00Z"), ZoneId.of("Europe/Paris"));

    private final List<Object[]> inserts = new ArrayList<>();
    private final DemandeStore store = new DemandeStore() {
        @Override
        public void inserer(Demande demande, Canal canal, EvenementDemande evenement) {
            inserts.add(new Object[] {demande, canal, evenement});
        }

        @Override
        public Optional<Demande> trouver(String numeroUnique) {
            return inserts.stream().map(i -> (Demande) i[0]).filter(d -> d.numeroUnique().equals(numeroUnique))
                    .findFirst();
        }
    };
    private final List<String> numerosDemandes = new ArrayList<>();
    private final RegistreServiceImpl service = new RegistreServiceImpl((commune, guichet, date) -> {
        numerosDemandes.add(commune + "/" + guichet + "/" + date);
        return "0440424000001" + guichet;
    }, store, new JacksonJsonCodec(), PARIS);

    @Test
    public void registersWithTodayInParisAndWritesTheEvent() {
        Demande d = service.enregistrer(new NouvelleDemande("  Le  Goff ", "Anne-Marie", LocalDate.of(1980, 2, 29),
                "44109", Typologie.T2, "G1104"), Canal.SOAP);

        assertEquals("Le Goff", d.nom());
        assertEquals(LocalDate.of(2024, 3, 31), d.dateDepot());
        assertEquals(Statut.ACTIVE, d.statut());
        assertEquals(List.of("44109/G1104/2024-03-31"), numerosDemandes);
        assertEquals(1, inserts.size());
        EvenementDemande e = (EvenementDemande) inserts.get(0)[2];
        assertEquals(Canal.SOAP, inserts.get(0)[1]);
        assertEquals(EvenementDemande.DEMANDE_ENREGISTREE, e.type());
        assertEquals(d.numeroUnique(), e.numeroUnique());
        assertTrue(e.contenu(), e.contenu().contains("\"canal\":\"SOAP\""));
        assertTrue(e.contenu(), e.contenu().contains("\"evenementId\":\"" + e.evenementId() + "\""));
        assertTrue(e.contenu(), e.contenu().contains("\"nom\":\"Le Goff\""));
        assertEquals(Optional.of(d), service.consulter(d.numeroUnique()));
    }

    @Test
    public void reportsEveryBrokenRuleAndWritesNothing() {
        try {
            service.enregistrer(new NouvelleDemande("", "J3an", LocalDate.of(2030, 1, 1), "4410", null, "X1"),
                    Canal.REST);
            fail("invalid demand accepted");
        } catch (DemandeInvalideException e) {
            assertEquals("nom:obligatoire prenom:caracteres dateNaissance:date-future commune:format "
                    + "typologie:obligatoire guichet:format", regles(e.getErreurs()));
            ErreurChamp commune = e.getErreurs().get(3);
            assertEquals("4410", commune.valeurRejetee());
            assertTrue(commune.message(), commune.message().contains("INSEE"));
        }
        assertTrue(inserts.isEmpty());
        assertTrue(numerosDemandes.isEmpty());
    }

    @Test
    public void birthDateRules() {
        assertEquals("dateNaissance:age-minimum", regles(ValidateurDemande.valider(
                new NouvelleDemande("A", "B", LocalDate.of(2008, 4, 1), "44109", Typologie.T1, "G1104"),
                LocalDate.of(2024, 3, 31))));
        assertEquals("", regles(ValidateurDemande.valider(
                new NouvelleDemande("A", "B", LocalDate.of(2008, 3, 31), "44109", Typologie.T1, "G1104"),
                LocalDate.of(2024, 3, 31))));
        assertEquals("dateNaissance:date-plausible", regles(ValidateurDemande.valider(
                new NouvelleDemande("A", "B", LocalDate.of(1899, 12, 31), "44109", Typologie.T1, "G1104"),
                LocalDate.of(2024, 3, 31))));
    }

    @Test
    public void namesAcceptFrenchSpellingsOnly() {
        LocalDate today = LocalDate.of(2024, 3, 31);
        for (String ok : new String[] {"Étienne", "D'Alembert", "Jean-Émile", "Ñúñez", "Œuvray"}) {
            assertEquals(ok, "", regles(ValidateurDemande.valider(
                    new NouvelleDemande(ok, ok, LocalDate.of(1970, 1, 1), "2A004", Typologie.CHAMBRE, "GDPUB"),
                    today)));
        }
        assertEquals("nom:caracteres", regles(ValidateurDemande.valider(
                new NouvelleDemande("<script>", "Paul", LocalDate.of(1970, 1, 1), "44109", Typologie.T1, "G1104"),
                today)));
        assertEquals("nom:longueur", regles(ValidateurDemande.valider(
                new NouvelleDemande("A".repeat(101), "Paul", LocalDate.of(1970, 1, 1), "44109", Typologie.T1,
                        "G1104"), today)));
    }

    @Test
    public void consultationChecksTheNumberFormat() {
        try {
            service.consulter("12345");
            fail("malformed number accepted");
        } catch (DemandeInvalideException e) {
            assertEquals("numeroUnique:format", regles(e.getErreurs()));
        }
        assertEquals(Optional.empty(), service.consulter("0440424000099G1104"));
    }

    @Test
    public void nullDemandIsRefused() {
        try {
            service.enregistrer(null, Canal.ERP);
            fail("null demand accepted");
        } catch (DemandeInvalideException e) {
            assertEquals("$:obligatoire", regles(e.getErreurs()));
        }
    }

    private static String regles(List<ErreurChamp> erreurs) {
        return erreurs.stream().map(e -> e.champ() + ":" + e.regle()).collect(Collectors.joining(" "));
    }
}
