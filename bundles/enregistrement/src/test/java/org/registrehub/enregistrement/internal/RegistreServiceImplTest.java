package org.registrehub.enregistrement.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.Dossier;
import org.registrehub.api.EvenementDemande;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.Statut;
import org.registrehub.json.internal.JacksonJsonCodec;
import org.registrehub.testing.DossierBuilder;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.Identites;
import org.registrehub.testing.PersonneBuilder;

public class RegistreServiceImplTest {

    /** 31 March 2024 at 23:30 in Paris (21:30 UTC): the filing date is the Paris one. */
    private static final Clock PARIS = Clock.fixed(Instant.parse("2024-03-31T21:30:00Z"), ZoneId.of("Europe/Paris"));

    private final StoreMemoire store = new StoreMemoire();
    private final List<String> numerosDemandes = new ArrayList<>();
    private final RegistreServiceImpl service = new RegistreServiceImpl((commune, guichet, date) -> {
        numerosDemandes.add(commune + "/" + guichet + "/" + date);
        return "0440324000001" + guichet;
    }, store, store, new JacksonJsonCodec(), PARIS, 12, 18);

    private static final Contexte SOAP = Identites.contexte(Identites.gestionnaire44(), Canal.SOAP);

    @Test
    public void registersWithTodayInParisOneYearOfValidityAndWritesTheEvent() {
        Dossier saisi = Exemples.dossier("  Le  Goff ");
        Demande d = service.enregistrer(new NouvelleDemande(" G1104 ", saisi), SOAP);

        assertEquals("Le Goff", d.dossier().demandeur().nom());
        assertEquals(LocalDate.of(2024, 3, 31), d.dateDepot());
        assertEquals(LocalDate.of(2025, 3, 31), d.dateValidite());
        assertNull(d.dateDernierRenouvellement());
        assertEquals("044", d.territoire());
        assertEquals("G1104", d.guichet());
        assertEquals(Statut.ACTIVE, d.statut());
        assertEquals(List.of("44109/G1104/2024-03-31"), numerosDemandes);
        assertEquals(1, store.demandes.size());
        EvenementDemande e = store.evenements.get(0);
        assertEquals(Canal.SOAP, store.historique(d.numeroUnique()).get(0).canal());
        assertEquals("gestionnaire.44", store.historique(d.numeroUnique()).get(0).acteur());
        assertEquals(EvenementDemande.DEMANDE_ENREGISTREE, e.type());
        assertEquals(d.numeroUnique(), e.numeroUnique());
        assertTrue(e.contenu(), e.contenu().contains("\"canal\":\"SOAP\""));
        assertTrue(e.contenu(), e.contenu().contains("\"evenementId\":\"" + e.evenementId() + "\""));
        assertTrue(e.contenu(), e.contenu().contains("\"nom\":\"Le Goff\""));
        assertEquals(Optional.of(d), service.consulter(d.numeroUnique(), SOAP));
    }

    @Test
    public void normalisesNirPhoneAndEmail() {
        Dossier x = Exemples.dossier("Martin");
        String nirEspace = Exemples.NIR_DEMANDEUSE.substring(0, 1) + " " + Exemples.NIR_DEMANDEUSE.substring(1);
        Dossier saisi = DossierBuilder.builder(x).demandeur(PersonneBuilder.builder(x.demandeur()).nir(nirEspace).build())
                .contact(new org.registrehub.api.Contact("1 rue X", "44000", "Nantes", "06 12 34 56 78",
                        " Lea.Martin@Example.ORG "))
                .build();
        Demande d = service.enregistrer(new NouvelleDemande("G1104", saisi), SOAP);
        assertEquals(Exemples.NIR_DEMANDEUSE, d.dossier().demandeur().nir());
        assertEquals("0612345678", d.dossier().contact().telephone());
        assertEquals("lea.martin@example.org", d.dossier().contact().email());
    }

    @Test
    public void invalidDemandWritesNothingAndDrawsNoNumber() {
        try {
            service.enregistrer(new NouvelleDemande("X1", null), SOAP);
            fail("invalid demand accepted");
        } catch (DemandeInvalideException e) {
            assertEquals("guichet:format dossier:obligatoire", Regles.de(e.getErreurs()));
        }
        assertTrue(store.demandes.isEmpty());
        assertTrue(numerosDemandes.isEmpty());
    }

    @Test
    public void consultationChecksTheNumberFormat() {
        try {
            service.consulter("12345", SOAP);
            fail("malformed number accepted");
        } catch (DemandeInvalideException e) {
            assertEquals("numeroUnique:format", Regles.de(e.getErreurs()));
        }
        assertEquals(Optional.empty(), service.consulter("0440424000099G1104", SOAP));
    }

    @Test
    public void nullDemandIsRefused() {
        try {
            service.enregistrer(null, SOAP);
            fail("null demand accepted");
        } catch (DemandeInvalideException e) {
            assertEquals("$:obligatoire", Regles.de(e.getErreurs()));
        }
    }
}
