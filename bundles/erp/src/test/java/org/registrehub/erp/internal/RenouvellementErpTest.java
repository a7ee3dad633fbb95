package org.registrehub.erp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.Dossier;
import org.registrehub.api.Statut;
import org.registrehub.api.VersionObsoleteException;
import org.registrehub.json.internal.JacksonJsonCodec;
import org.registrehub.testing.RegistreFactice;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.RegistreServicePartiel;

/** The {@code renouvellement} message of a landlord ERP acting as a service enregistreur. */
public class RenouvellementErpTest {

    private static final String NUMERO = "0441225000007G1104";

    private final RegistreFactice organisations = new RegistreFactice();
    private final List<String> appels = new ArrayList<>();
    private final Demande demande = new Demande(NUMERO, Statut.ACTIVE, "G1104", "044", LocalDate.of(2025, 12, 1),
            LocalDate.of(2026, 12, 1), null, null, 4, Exemples.dossier("Martin"));

    private final TraitementMessageErp traitement = new TraitementMessageErp(new RegistreServicePartiel() {
        @Override
        public Optional<Demande> consulter(String numeroUnique, Contexte contexte) {
            appels.add("consulter " + numeroUnique);
            return Optional.of(demande);
        }

        @Override
        public Demande renouveler(String numeroUnique, long version, Dossier dossier, Contexte contexte) {
            appels.add("renouveler " + numeroUnique + " v" + version + " " + contexte.canal() + " "
                    + contexte.recu().messageId() + " par " + contexte.acteur());
            if (version != demande.version()) {
                throw new VersionObsoleteException(numeroUnique, version, demande.version());
            }
            return demande;
        }
    }, organisations, List.of(), organisations, new JacksonJsonCodec(), organisations, new ContratsErp());

    private static String message(String id, String renouvellement) {
        return "{\"messageId\":\"" + id + "\",\"type\":\"renouvellement\",\"versionSchema\":1,"
                + "\"horodatage\":\"2026-11-20T09:00:00Z\",\"renouvellement\":" + renouvellement + "}";
    }

    @Test
    public void renouvellementSansVersionPrendLaVersionActuelleEtRepondAccepte() {
        ReponseErp r = traitement.repondre(message("ren-1", "{\"numeroUnique\":\"" + NUMERO + "\"}"), "NMH", "bailleur.nmh");
        assertEquals(ReponseErp.ACCEPTE, r.statut());
        assertEquals("reponseRenouvellement", r.type());
        assertEquals(NUMERO, r.numeroUnique());
        assertEquals(List.of("consulter " + NUMERO, "renouveler " + NUMERO + " v4 ERP ren-1 par bailleur.nmh"), appels);
    }

    @Test
    public void versionObsoleteOuChampInconnuRejetesAvecLeChamp() {
        ReponseErp obsolete = traitement.repondre(message("ren-2", "{\"numeroUnique\":\"" + NUMERO
                + "\",\"version\":2}"), "NMH", "bailleur.nmh");
        assertEquals(ReponseErp.REJETE, obsolete.statut());
        assertEquals("renouvellement.version", obsolete.erreurs().get(0).champ());

        ReponseErp inconnu = traitement.repondre(message("ren-3", "{\"numeroUnique\":\"" + NUMERO
                + "\",\"dossier\":{}}"), "NMH", "bailleur.nmh");
        assertEquals(ReponseErp.REJETE, inconnu.statut());
        assertTrue(inconnu.erreurs().toString(), inconnu.erreurs().get(0).champ().startsWith("renouvellement"));
    }

    @Test
    public void unMessageAgitAvecLIdentiteDeSonExpediteurEtNonCelleDeLOrganisation() {
        // no verified sender, an unknown or disabled account, an account of another organisation: nothing applied
        for (String expediteur : new String[] {null, "ancien.agent", "bailleur.lmh"}) {
            ReponseErp r = traitement.repondre(message("ren-x-" + expediteur, "{\"numeroUnique\":\"" + NUMERO
                    + "\"}"), "NMH", expediteur);
            assertEquals(String.valueOf(expediteur), ReponseErp.REJETE, r.statut());
            assertEquals("JMSXUserID", r.erreurs().get(0).champ());
            assertEquals("expediteur", r.erreurs().get(0).regle());
        }
        assertEquals("nothing reached the register", List.of(), appels);
    }

    @Test
    public void unMessageIdReutiliseAvecUnAutreContenuEstRejeteSansEtrePrisPourLePremier() {
        String premier = message("ren-9", "{\"numeroUnique\":\"" + NUMERO + "\",\"version\":2}");
        assertEquals(ReponseErp.REJETE, traitement.repondre(premier, "NMH", "bailleur.nmh").statut());
        ReponseErp encore = traitement.repondre(premier, "NMH", "bailleur.nmh");
        assertTrue("the same message again: the same answer", encore.dejaTraite());

        appels.clear();
        String autre = message("ren-9", "{\"numeroUnique\":\"" + NUMERO + "\"}");
        ReponseErp r = traitement.repondre(autre, "NMH", "bailleur.nmh");
        assertEquals(ReponseErp.REJETE, r.statut());
        assertEquals(false, r.dejaTraite());
        assertEquals("messageId", r.erreurs().get(0).champ());
        assertEquals(TraitementMessageErp.MESSAGE_ID_REUTILISE, r.erreurs().get(0).regle());
        assertTrue("nothing applied", appels.isEmpty());
    }

    /**
     * The sender's account row carries its organisation as it is now: an active landlord's message is applied without
     * reading the organisation again; an organisation disabled since goes to the dead letters (to be replayed once it
     * is enabled again), its message never applied.
     */
    @Test
    public void lOrganisationDuCompteDitSiElleAgitEncoreEtUneOrganisationDesactiveeMetSesMessagesEnLettreMorte() {
        List<String> lectures = new ArrayList<>();
        boolean[] desactivee = {false};
        org.registrehub.api.acces.AuthentificationService comptes = new org.registrehub.api.acces
                .AuthentificationService() {
            @Override
            public Optional<org.registrehub.api.acces.Identite> authentifier(String identifiant, char[] motDePasse) {
                throw new AssertionError("the route never handles passwords");
            }

            @Override
            public Optional<org.registrehub.api.acces.Identite> identite(String identifiant) {
                return organisations.identite(identifiant).map(i -> new org.registrehub.api.acces.Identite(i.identifiant(),
                        new org.registrehub.api.acces.Organisation(i.organisation().code(), i.organisation().type(),
                                i.organisation().nom(), i.organisation().guichet(), !desactivee[0],
                                i.organisation().territoires()), i.roles()));
            }

            @Override
            public Optional<org.registrehub.api.acces.Identite> identiteOrganisation(String code) {
                lectures.add(code);
                return desactivee[0] ? Optional.empty() : organisations.identiteOrganisation(code);
            }
        };
        TraitementMessageErp t = new TraitementMessageErp(new RegistreServicePartiel() {
            @Override
            public Optional<Demande> consulter(String numeroUnique, Contexte contexte) {
                return Optional.of(demande);
            }

            @Override
            public Demande renouveler(String numeroUnique, long version, Dossier dossier, Contexte contexte) {
                appels.add("renouveler " + numeroUnique);
                return demande;
            }
        }, organisations, List.of(), organisations, new JacksonJsonCodec(), comptes, new ContratsErp());

        assertEquals(ReponseErp.ACCEPTE, t.repondre(message("ren-20", "{\"numeroUnique\":\"" + NUMERO + "\"}"), "NMH",
                "bailleur.nmh").statut());
        assertEquals("the organisation is not read again", List.of(), lectures);

        desactivee[0] = true;
        try {
            t.repondre(message("ren-21", "{\"numeroUnique\":\"" + NUMERO + "\"}"), "NMH", "bailleur.nmh");
            org.junit.Assert.fail("message of a disabled organisation applied");
        } catch (OrganisationRefuseeException attendu) {
            assertTrue(attendu.getMessage(), attendu.getMessage().contains("NMH"));
        }
        assertEquals(List.of("NMH"), lectures);
        assertEquals(List.of("renouveler " + NUMERO), appels);
    }
}
