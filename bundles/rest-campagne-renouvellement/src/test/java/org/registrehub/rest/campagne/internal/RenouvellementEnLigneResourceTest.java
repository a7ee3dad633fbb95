package org.registrehub.rest.campagne.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.Response;

import org.junit.Test;
import org.registrehub.api.Beneficiaire;
import org.registrehub.api.Demande;
import org.registrehub.api.LienParente;
import org.registrehub.api.PersonneACharge;
import org.registrehub.api.Ressource;
import org.registrehub.api.RevenuFiscal;
import org.registrehub.api.Sexe;
import org.registrehub.api.TypeRessource;
import org.registrehub.api.renouvellement.DemandeEnLigne;
import org.registrehub.api.renouvellement.JetonInvalideException;
import org.registrehub.api.renouvellement.MiseAJourEnLigne;
import org.registrehub.api.renouvellement.RenouvellementEnLigne;

/** The renewal page: what it shows, how it reads the form, what it answers for a bad link or bad input. */
public class RenouvellementEnLigneResourceTest {

    private static final String JETON = "a".repeat(43);
    private MiseAJourEnLigne recue;

    private final DemandeEnLigne demande = new DemandeEnLigne("0441225000001G1104", LocalDate.of(2025, 12, 1),
            LocalDate.of(2026, 12, 1), "Léa <b>Martin</b>", null,
            List.of(new PersonneACharge("Martin", "Jules", LocalDate.of(2019, 6, 1), Sexe.M, LienParente.ENFANT)),
            List.of(new Ressource(Beneficiaire.DEMANDEUR, null, TypeRessource.SAL, new BigDecimal("1850.00")),
                    new Ressource(Beneficiaire.PERSONNE_A_CHARGE, 1, TypeRessource.AF, BigDecimal.ZERO)),
            new RevenuFiscal(31200, null), Instant.parse("2026-12-31T14:00:00Z"));

    private final RenouvellementEnLigneResource page = new RenouvellementEnLigneResource(new RenouvellementEnLigne() {
        @Override
        public DemandeEnLigne lire(String jeton) {
            if (!JETON.equals(jeton)) {
                throw new JetonInvalideException("Lien de renouvellement inconnu.");
            }
            return demande;
        }

        @Override
        public Demande confirmer(String jeton, MiseAJourEnLigne miseAJour) {
            recue = miseAJour;
            throw new JetonInvalideException("Ce lien a déjà servi.");
        }
    });

    @Test
    public void laPageMontreLeMenageEtLesRessourcesEnClairEtEchappeLesDonnees() {
        Response r = page.page(JETON);
        assertEquals(200, r.getStatus());
        String html = (String) r.getEntity();
        assertTrue(html, html.contains("Léa &lt;b&gt;Martin&lt;/b&gt;"));
        assertFalse(html, html.contains("<b>Martin</b>"));
        assertTrue(html, html.contains("Salaire — vous"));
        assertTrue(html, html.contains("Allocations familiales — Jules"));
        assertTrue(html, html.contains("name=\"retirer\" value=\"0\""));
        assertEquals("no-store", r.getHeaderString("Cache-Control"));
    }

    @Test
    public void unLienInconnuRepond410AvecLaRaison() {
        Response r = page.page("b".repeat(43));
        assertEquals(410, r.getStatus());
        assertTrue((String) r.getEntity(), ((String) r.getEntity()).contains("Lien de renouvellement inconnu."));
    }

    @Test
    public void uneSaisieIllisibleReafficheLaPageEnNommantLeChampSansRienEnvoyer() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("jeton", JETON);
        form.putSingle("montant0", "mille");
        form.putSingle("revenuN2", "31 500");
        Response r = page.confirmer(form);
        assertEquals(400, r.getStatus());
        assertTrue((String) r.getEntity(), ((String) r.getEntity()).contains("montant0"));
        assertNull("rien n'est envoyé au registre", recue);
    }

    @Test
    public void leFormulaireEstLuAvecVirgulesEspacesEtCasesCochees() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("jeton", JETON);
        form.putSingle("montant0", "1 900,50");
        form.putSingle("revenuN1", "32 000");
        form.add("retirer", "0");
        page.confirmer(form);
        assertEquals(new BigDecimal("1900.50"), recue.montants().get(0));
        assertNull(recue.montants().get(1));
        assertEquals(new RevenuFiscal(31200, 32000), recue.revenuFiscal());
        assertEquals(Set.of(0), recue.personnesRetirees());
        assertNull(recue.personneAjoutee());
    }
}
