package org.registrehub.statistiques.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.Attribution;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.Dossier;
import org.registrehub.api.LogementRecherche;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.Personne;
import org.registrehub.api.RegistreService;
import org.registrehub.api.Typologie;
import org.registrehub.api.statistiques.InformationCommune;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.HorlogeReglable;

/**
 * The local information per commune on PostgreSQL with the real register: pending demands and attributions of the
 * last two years by first commune and typology wished, the mean waiting time, the social dwellings of the RPLS-style
 * file (the documented example), the secret statistique (primary and secondary), the import all or nothing.
 */
public class InformationsLocalesTest extends BaseDeTest {

    private final HorlogeReglable horloge = new HorlogeReglable(ZoneId.of("Europe/Paris"), null);
    private RegistreService registre;
    private InformationsLocalesImpl informations;
    private int n;

    @Before
    public void preparer() {
        registre = registre(horloge);
        informations = new InformationsLocalesImpl(store.base(), horloge, 5);
    }

    private String demande(String commune, Typologie t, String jour) {
        horloge.jour(jour);
        Dossier d = Exemples.dossier("Local");
        Personne p = d.demandeur();
        int i = n++;
        d = new Dossier(new Personne("Local" + (char) ('a' + i % 26) + (char) ('a' + i / 26), p.prenoms(),
                p.dateNaissance(), p.lieuNaissance(), p.sexe(), p.nationalite(), null, p.situationProfessionnelle(),
                p.employeur()), d.coDemandeur(), d.personnesACharge(), d.contact(), d.situationFamiliale(),
                d.ressources(), d.revenuFiscal(), d.logementActuel(), d.motifs(), new LogementRecherche(List.of(t),
                List.of(commune), null, false, false, false), d.handicap());
        return registre.enregistrer(new NouvelleDemande("G1104", d), GESTIONNAIRE).numeroUnique();
    }

    private void attribuer(String numero, String jour) {
        horloge.jour(jour);
        registre.radier(numero, registre.consulter(numero, GESTIONNAIRE).orElseThrow().version(),
                new DemandeRadiation(MotifRadiation.ATTRIBUTION, new Attribution("NMH", "R" + numero.substring(7, 13), "ETAT",
                        false), null, null), GESTIONNAIRE);
    }

    @Test
    public void uneCommunePublieSesChiffresSousLeSecretStatistique() throws Exception {
        // 44109: 12 pending T3, 6 pending T2, 2 pending T4 (masked, and the smallest other with it: T2)
        for (int i = 0; i < 12; i++) {
            demande("44109", Typologie.T3, "2026-03-02");
        }
        for (int i = 0; i < 6; i++) {
            demande("44109", Typologie.T2, "2026-03-02");
        }
        for (int i = 0; i < 2; i++) {
            demande("44109", Typologie.T4, "2026-03-02");
        }
        // 6 T3 attributed 10 months after filing, within two years; 1 attributed three years ago (not counted)
        for (int i = 0; i < 6; i++) {
            attribuer(demande("44109", Typologie.T3, "2025-01-06"), "2025-11-06");
        }
        attribuer(demande("44109", Typologie.T3, "2022-01-03"), "2023-06-01");
        // the documented example of the social dwellings' file
        int importees = informations.importerLogementsSociaux(Files.newBufferedReader(Path.of(System.getProperty(
                "registre.exemples"), "exemples", "logements-sociaux-communes.csv")), "logements-sociaux-communes.csv",
                GESTIONNAIRE);
        assertEquals(7, importees);
        horloge.jour("2026-12-07");
        InformationCommune c = informations.commune("44109");
        assertEquals("Nantes", c.libelle());
        assertEquals(Integer.valueOf(56120), c.logementsSociaux());
        assertEquals(Integer.valueOf(2025), c.anneeLogements());
        assertEquals(Integer.valueOf(12), c.demandes().get(Typologie.T3));
        assertNull("2 demandes T4 : secret primaire", c.demandes().get(Typologie.T4));
        assertNull("T2, plus petite autre case non nulle : secret secondaire", c.demandes().get(Typologie.T2));
        assertEquals(Integer.valueOf(0), c.demandes().get(Typologie.T5));
        assertEquals(Integer.valueOf(20), c.demandesTotal());
        assertEquals(Set.of("demandes.T4", "demandes.T2"), c.masques());
        assertEquals(Integer.valueOf(6), c.attributions().get(Typologie.T3));
        assertEquals(Integer.valueOf(6), c.attributionsTotal());
        assertEquals(0, new BigDecimal("10.0").compareTo(c.delaiMoyenMois()));
        // a commune of the file without any demand, and one the register does not know at all
        InformationCommune lille = informations.commune("59350");
        assertEquals(Integer.valueOf(43570), lille.logementsSociaux());
        assertEquals(Integer.valueOf(0), lille.demandesTotal());
        assertNull(lille.delaiMoyenMois());
        assertNull(informations.commune("85191").logementsSociaux());
        // every commune, in INSEE order, for the open-data file
        List<String> codes = informations.communes().stream().map(InformationCommune::commune).toList();
        assertEquals(List.of("44020", "44109", "44143", "44162", "44184", "44190", "59350"), codes);
    }

    @Test
    public void peuDAttributionsMasquentLeDelaiEtLeTotal() {
        for (int i = 0; i < 3; i++) {
            attribuer(demande("44162", Typologie.T2, "2025-06-02"), "2026-01-05");
        }
        horloge.jour("2026-12-07");
        InformationCommune c = informations.commune("44162");
        assertNull(c.attributions().get(Typologie.T2));
        assertNull(c.attributionsTotal());
        assertNull(c.delaiMoyenMois());
        assertTrue(c.masques().containsAll(Set.of("attributions.T2", "attributions.TOTAL", "delaiMoyenMois")));
    }

    @Test
    public void unFichierFauxNEcritRienEtDitSesLignes() {
        DemandeInvalideException e = assertThrows(DemandeInvalideException.class, () ->
                informations.importerLogementsSociaux(new StringReader("code_commune;libelle_commune;annee;"
                        + "nb_logements_sociaux\n44109;Nantes;2025;56120\n4410;Nantes;2025;12\n44162;Saint-Herblain;"
                        + "deux mille;7460\n44190;Vertou;2025;-3\n"), "faux.csv", GESTIONNAIRE));
        assertEquals(List.of("ligne 3 code_commune", "ligne 4 annee", "ligne 5 nb_logements_sociaux"),
                e.getErreurs().stream().map(x -> x.champ()).toList());
        assertEquals(0, db.count("SELECT count(*) FROM logement_social_commune"));
        e = assertThrows(DemandeInvalideException.class, () -> informations.importerLogementsSociaux(
                new StringReader("commune;nombre\n44109;3\n"), "faux.csv", GESTIONNAIRE));
        assertTrue(e.getMessage(), e.getMessage().contains("code_commune"));
        assertThrows(AccesRefuseException.class, () -> informations.importerLogementsSociaux(
                new StringReader("code_commune;libelle_commune;annee;nb_logements_sociaux\n"), "x.csv", OBSERVATEUR));
        assertThrows(DemandeInvalideException.class, () -> informations.commune("Nantes"));
    }
}
