package org.registrehub.web.commun;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.Test;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.Dossier;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.Motif;
import org.registrehub.api.Typologie;
import org.registrehub.json.internal.JacksonJsonCodec;
import org.registrehub.testing.Exemples;

/** The demand's form fields ↔ the register's dossier, through the register's own JSON reading. */
public class FormulaireDemandeTest {

    private final JacksonJsonCodec json = new JacksonJsonCodec();

    @Test
    public void unDossierFaitLAllerRetourParLeFormulaire() {
        Dossier d = Exemples.dossier("Le Goff");
        Map<String, List<String>> v = FormulaireDemande.valeurs(d, json);
        assertEquals(List.of("Le Goff"), v.get("demandeur.nom"));
        assertEquals(List.of("Jules"), v.get("personnesACharge[0].prenoms"));
        assertEquals(List.of("44109, 44162"), v.get("logementRecherche.communes"));
        assertEquals(List.of("T3", "T4"), v.get("logementRecherche.typologies"));
        assertEquals(List.of("true"), v.get("logementRecherche.parking"));
        assertFalse("une case non cochée n'a pas de valeur", v.containsKey("logementRecherche.ascenseur"));
        assertEquals(List.of("1320.5"), v.get("ressources[1].montantMensuel"));
        Dossier r = FormulaireDemande.dossier(v, json);
        // the same dossier, amounts equal in value (1850.00 is read back as 1850)
        assertEquals(d.demandeur(), r.demandeur());
        assertEquals(d.coDemandeur(), r.coDemandeur());
        assertEquals(d.personnesACharge(), r.personnesACharge());
        assertEquals(d.contact(), r.contact());
        assertEquals(d.revenuFiscal(), r.revenuFiscal());
        assertEquals(d.motifs(), r.motifs());
        assertEquals(d.logementRecherche().communes(), r.logementRecherche().communes());
        assertEquals(d.handicap(), r.handicap());
        for (int i = 0; i < d.ressources().size(); i++) {
            assertEquals(0, d.ressources().get(i).montantMensuel().compareTo(r.ressources().get(i).montantMensuel()));
            assertEquals(d.ressources().get(i).type(), r.ressources().get(i).type());
        }
        assertEquals(0, d.logementActuel().loyer().compareTo(r.logementActuel().loyer()));
    }

    @Test
    public void lesSaisiesALaFrancaiseSontLuesEtLesLignesVidesRetirees() {
        Map<String, List<String>> form = new TreeMap<>(FormulaireDemande.valeurs(Exemples.dossier("Le Goff"), json));
        form.put("ressources[0].montantMensuel", List.of("1 850,00"));
        form.put("logementRecherche.communes", List.of("44109 ; 44162,44190"));
        // a row left empty between two filled ones, and fields that are not the dossier's
        form.put("personnesACharge[3].nom", List.of("Le Goff"));
        form.put("personnesACharge[3].prenoms", List.of("Inès"));
        form.put("personnesACharge[1].nom", List.of("  "));
        form.put("csrf", List.of("x"));
        form.put("action", List.of("suivant"));
        Map<String, List<String>> v = FormulaireDemande.champs(form);
        assertFalse(v.containsKey("csrf"));
        assertEquals(List.of("Inès"), v.get("personnesACharge[1].prenoms"));
        assertEquals(2, FormulaireDemande.lignes(v, "personnesACharge"));
        Dossier d = FormulaireDemande.dossier(v, json);
        assertEquals(new BigDecimal("1850.00"), d.ressources().get(0).montantMensuel());
        assertEquals(List.of("44109", "44162", "44190"), d.logementRecherche().communes());
        assertEquals(2, d.personnesACharge().size());
    }

    @Test
    public void uneValeurDeMauvaisTypeEstDiteParSonChamp() {
        Map<String, List<String>> v = new TreeMap<>(FormulaireDemande.valeurs(Exemples.dossier("Le Goff"), json));
        v.put("demandeur.dateNaissance", List.of("12/04/1990"));
        DemandeInvalideException e = assertThrows(DemandeInvalideException.class,
                () -> FormulaireDemande.dossier(v, json));
        Map<String, String> erreurs = FormulaireDemande.erreurs(e.getErreurs());
        assertTrue(erreurs.toString(), erreurs.containsKey("demandeur.dateNaissance"));
        assertEquals(1, FormulaireDemande.etapeDe("demandeur.dateNaissance"));
    }

    @Test
    public void chaqueEtapeNeRemplaceQueSesChamps() {
        Map<String, List<String>> brouillon = new TreeMap<>(Map.of("demandeur.nom", List.of("Diallo"),
                "motifs", List.of(Motif.HEBERGE.name()), "logementRecherche.typologies", List.of("T2")));
        // step 5 posted without any reason ticked: the reasons are cleared, nothing else
        Map<String, List<String>> v = FormulaireDemande.fusionner(brouillon, FormulaireDemande.etape(5),
                Map.of("logementActuel.statut", List.of("HOTEL")));
        assertFalse(v.containsKey("motifs"));
        assertEquals(List.of("Diallo"), v.get("demandeur.nom"));
        assertEquals(List.of(Typologie.T2.name()), v.get("logementRecherche.typologies"));
        assertEquals(List.of("HOTEL"), v.get("logementActuel.statut"));
    }

    @Test
    public void lesErreursDuRegistreSontRangeesParChampDuFormulaire() {
        Map<String, String> e = FormulaireDemande.erreurs(List.of(
                new ErreurChamp("dossier.contact.email", "format", "x", "adresse électronique invalide"),
                new ErreurChamp("dossier.contact.email", "autre", "x", "seconde erreur du même champ"),
                new ErreurChamp("dossier.logementRecherche.communes[0]", "format", "4410", "code INSEE")));
        assertEquals("adresse électronique invalide", e.get("contact.email"));
        assertEquals(2, e.size());
        assertEquals(2, FormulaireDemande.etapeDe("contact.email"));
        assertEquals(6, FormulaireDemande.etapeDe("logementRecherche.communes[0]"));
    }

    /** The values a modification started from, rebuilt from today's dossier and the history's changes since. */
    @Test
    public void lesValeursDUneVersionAnterieureSeReconstruisentDepuisLHistorique() {
        Dossier d = Exemples.dossier("Le Goff");
        Map<String, List<String>> actuelles = FormulaireDemande.valeurs(d, json);
        List<org.registrehub.api.Changement> depuis = List.of(
                new org.registrehub.api.Changement("dossier.contact.telephone", "0600000000",
                        actuelles.get("contact.telephone").get(0)),
                new org.registrehub.api.Changement("dossier.logementRecherche.ascenseur", "true", "false"),
                new org.registrehub.api.Changement("dossier.personnesACharge[5].nom", null, "Ajout"),
                new org.registrehub.api.Changement("statut", "ACTIVE", "RADIEE"));
        Map<String, List<String>> avant = FormulaireDemande.valeursAvant(d, depuis, json);
        assertEquals(List.of("0600000000"), avant.get("contact.telephone"));
        assertEquals(List.of("true"), avant.get("logementRecherche.ascenseur"));
        assertEquals("a row added since is gone", null, avant.get("personnesACharge[5].nom"));
        Map<String, List<String>> reste = new java.util.TreeMap<>(avant);
        reste.remove("contact.telephone");
        reste.remove("logementRecherche.ascenseur");
        Map<String, List<String>> attendu = new java.util.TreeMap<>(actuelles);
        attendu.remove("contact.telephone");
        attendu.remove("logementRecherche.ascenseur");
        assertEquals("nothing else moves", attendu, reste);
    }
}
