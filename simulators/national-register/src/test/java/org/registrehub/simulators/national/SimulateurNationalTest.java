package org.registrehub.simulators.national;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.datatype.DatatypeFactory;
import javax.xml.ws.BindingProvider;
import javax.xml.ws.Holder;
import javax.xml.ws.WebServiceException;

import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.registrehub.simulators.national.v1.Accuse;
import org.registrehub.simulators.national.v1.Demandeur;
import org.registrehub.simulators.national.v1.ErreurNationalFault;
import org.registrehub.simulators.national.v1.Mouvement;
import org.registrehub.simulators.national.v1.RadiationNationale;
import org.registrehub.simulators.national.v1.RegistreNational;
import org.registrehub.simulators.national.v1.RegistreNationalPortType;
import org.registrehub.simulators.national.v1.Statut;
import org.registrehub.simulators.national.v1.TypeMouvement;
import org.registrehub.testing.TestDatabase;

/** The simulator over SOAP, as the hub calls it: numbering, idempotent and ordered movements, pulls, failure modes. */
public class SimulateurNationalTest {

    private static TestDatabase db;
    private static SimulateurNational simulateur;
    private static DatatypeFactory xml;

    @BeforeClass
    public static void demarrer() throws Exception {
        db = TestDatabase.create("registre_national_sim");
        simulateur = SimulateurNational.demarrer("127.0.0.1", 0, db.jdbcUrl(), db.user(), db.password());
        xml = DatatypeFactory.newInstance();
    }

    @AfterClass
    public static void arreter() throws Exception {
        if (simulateur != null) {
            simulateur.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Before
    public void normal() {
        simulateur.comportement().mode(Comportement.Mode.NORMAL);
        simulateur.comportement().echouer(0);
    }

    private static RegistreNationalPortType client(String login) {
        RegistreNationalPortType port = new RegistreNational().getRegistreNationalPort();
        Map<String, Object> ctx = ((BindingProvider) port).getRequestContext();
        ctx.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, simulateur.url());
        ctx.put(BindingProvider.USERNAME_PROPERTY, login);
        ctx.put(BindingProvider.PASSWORD_PROPERTY, "secret");
        return port;
    }

    private static Demandeur demandeur(String nom) {
        Demandeur d = new Demandeur();
        d.setNom(nom);
        d.setPrenoms("Léa");
        d.setDateNaissance(xml.newXMLGregorianCalendar("1990-05-14"));
        return d;
    }

    private static Mouvement mouvement(String numero, TypeMouvement type, long version, Statut statut) {
        Mouvement m = new Mouvement();
        m.setEvenementId(UUID.randomUUID().toString());
        m.setType(type);
        m.setNumeroUnique(numero);
        m.setVersion(version);
        m.setHorodatage(xml.newXMLGregorianCalendar("2026-12-01T10:00:00Z"));
        m.setStatut(statut);
        m.setTerritoire(numero.substring(0, 3));
        m.setGuichet(numero.substring(13));
        m.setDateDepot(xml.newXMLGregorianCalendar("2026-12-01"));
        m.setDateValidite(xml.newXMLGregorianCalendar("2027-11-30"));
        m.setDemandeur(demandeur("Martin"));
        return m;
    }

    @Test
    public void numerosNationauxSuccessifsEtJamaisDejaConnus() throws Exception {
        RegistreNationalPortType hub = client("hub-085");
        // a number the departmental system allocated itself, then announced: the national sequence skips it
        assertEquals(Accuse.ACCEPTE, hub.transmettreMouvement(
                mouvement("0851226000007G8501", TypeMouvement.ENREGISTREMENT, 1, Statut.ACTIVE)));
        String n = hub.obtenirNumero("085", "G8501", xml.newXMLGregorianCalendar("2026-12-01"), demandeur("Bernard"));
        assertEquals("0851226000008G8501", n);
        assertEquals("0851226000009G8502", hub.obtenirNumero("085", "G8502",
                xml.newXMLGregorianCalendar("2026-12-15"), demandeur("Durand")));
        assertEquals("Bernard", simulateur.demande(n).orElseThrow().nom());
    }

    @Test
    public void mouvementRecuDeuxFoisUnSeulEffetEtVersionAnterieureRefusee() throws Exception {
        RegistreNationalPortType hub = client("hub-044");
        String numero = "0441226000001G4401";
        Mouvement enregistrement = mouvement(numero, TypeMouvement.ENREGISTREMENT, 1, Statut.ACTIVE);
        assertEquals(Accuse.ACCEPTE, hub.transmettreMouvement(enregistrement));
        assertEquals(Accuse.DEJA_RECU, hub.transmettreMouvement(enregistrement));
        Mouvement v3 = mouvement(numero, TypeMouvement.MODIFICATION, 3, Statut.ACTIVE);
        assertEquals(Accuse.ACCEPTE, hub.transmettreMouvement(v3));
        try {
            hub.transmettreMouvement(mouvement(numero, TypeMouvement.MODIFICATION, 2, Statut.ACTIVE));
            fail("version 2 après la version 3");
        } catch (ErreurNationalFault e) {
            assertEquals("ORDRE", e.getFaultInfo().getCode());
        }
        try {
            hub.transmettreMouvement(mouvement("0441226000099G4401", TypeMouvement.MODIFICATION, 2, Statut.ACTIVE));
            fail("modification d'une demande inconnue");
        } catch (ErreurNationalFault e) {
            assertEquals("DEMANDE_INCONNUE", e.getFaultInfo().getCode());
        }
        List<StockageNational.Recu> recus = simulateur.mouvements(numero);
        assertEquals(List.of(1L, 3L), recus.stream().map(StockageNational.Recu::version).toList());
        assertEquals("hub-044", recus.get(0).origine());
        assertEquals(3L, (long) simulateur.demande(numero).orElseThrow().version());
    }

    @Test
    public void radiationFaiteAilleursListeeAuxAutresSystemesSeulement() throws Exception {
        RegistreNationalPortType hub = client("hub-056");
        String numero = "0561226000001G5601";
        hub.transmettreMouvement(mouvement(numero, TypeMouvement.ENREGISTREMENT, 1, Statut.ACTIVE));
        simulateur.radierAilleurs(numero, "ATTRIBUTION", LocalDate.of(2026, 12, 2), "bailleur-56",
                "bail signé, logement 056000123");
        Holder<List<RadiationNationale>> radiations = new Holder<>();
        Holder<Boolean> plus = new Holder<>();
        hub.listerRadiations("056", xml.newXMLGregorianCalendar("2000-01-01T00:00:00Z"), 10, radiations, plus);
        assertEquals(1, radiations.value.size());
        assertEquals("ATTRIBUTION", radiations.value.get(0).getMotif().value());
        assertEquals("bailleur-56", radiations.value.get(0).getOrigine());
        assertFalse(plus.value);
        // the page after the last one read is empty
        hub.listerRadiations("056", radiations.value.get(0).getHorodatage(), 10, radiations, plus);
        assertTrue(radiations.value == null || radiations.value.isEmpty());
        // the one that radiated is not told
        client("bailleur-56").listerRadiations("056", xml.newXMLGregorianCalendar("2000-01-01T00:00:00Z"), 10,
                radiations, plus);
        assertTrue(radiations.value == null || radiations.value.isEmpty());
        assertEquals("RADIEE", simulateur.demande(numero).orElseThrow().statut());
    }

    @Test
    public void enPanneHttp503EnErreurFauteSoapPuisRetourALaNormale() throws Exception {
        RegistreNationalPortType hub = client("hub-035");
        simulateur.comportement().mode(Comportement.Mode.PANNE);
        try {
            hub.obtenirNumero("035", "G3501", xml.newXMLGregorianCalendar("2026-12-01"), demandeur("Petit"));
            fail("en panne");
        } catch (WebServiceException e) {
            assertTrue(String.valueOf(e.getCause()), String.valueOf(e.getCause()).contains("503"));
        }
        simulateur.comportement().mode(Comportement.Mode.ERREUR);
        try {
            hub.obtenirNumero("035", "G3501", xml.newXMLGregorianCalendar("2026-12-01"), demandeur("Petit"));
            fail("en erreur");
        } catch (ErreurNationalFault e) {
            assertEquals("ERREUR_INTERNE", e.getFaultInfo().getCode());
        }
        simulateur.comportement().mode(Comportement.Mode.NORMAL);
        simulateur.comportement().echouer(1);
        try {
            hub.obtenirNumero("035", "G3501", xml.newXMLGregorianCalendar("2026-12-01"), demandeur("Petit"));
            fail("un échec demandé");
        } catch (WebServiceException e) {
            assertTrue(String.valueOf(e.getCause()), String.valueOf(e.getCause()).contains("503"));
        }
        assertEquals("0351226000001G3501", hub.obtenirNumero("035", "G3501",
                xml.newXMLGregorianCalendar("2026-12-01"), demandeur("Petit")));
    }
}
