package org.registrehub.soap.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.Test;
import org.registrehub.api.Canal;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.RegistreService;
import org.registrehub.api.Statut;
import org.registrehub.soap.internal.v1.ErreurRegistreFault;
import org.registrehub.soap.internal.v1.SaisieDemande;

public class RegistreSoapTest {

    private final List<NouvelleDemande> recues = new ArrayList<>();

    /** Applies the register's rule that every field is mandatory, as the real service does. */
    private final RegistreService registre = new RegistreService() {
        @Override
        public Demande enregistrer(NouvelleDemande d, Canal canal) {
            recues.add(d);
            List<ErreurChamp> erreurs = new ArrayList<>();
            if (d.dateNaissance() == null) {
                erreurs.add(new ErreurChamp("dateNaissance", "obligatoire", null, "champ obligatoire"));
            }
            if (d.typologie() == null) {
                erreurs.add(new ErreurChamp("typologie", "obligatoire", null, "champ obligatoire"));
            }
            if (d.commune() == null) {
                erreurs.add(new ErreurChamp("commune", "obligatoire", null, "champ obligatoire"));
            }
            if (!erreurs.isEmpty()) {
                throw new DemandeInvalideException(erreurs);
            }
            return new Demande("0441123000001" + d.guichet(), d.nom(), d.prenom(), d.dateNaissance(), d.commune(),
                    d.typologie(), d.guichet(), LocalDate.of(2023, 11, 2), Statut.ACTIVE, 0);
        }

        @Override
        public Optional<Demande> consulter(String numeroUnique) {
            if (numeroUnique.startsWith("999")) {
                throw new RegistreIndisponibleException("PostgreSQL injoignable", null);
            }
            return Optional.empty();
        }
    };

    private final RegistreSoap soap = new RegistreSoap(registre);

    @Test
    public void mapsTheDemandBothWays() throws Exception {
        org.registrehub.soap.internal.v1.Demande d = soap.enregistrerDemande(saisie("1985-07-14", "T6+"));
        assertEquals("0441123000001G1104", d.getNumeroUnique());
        assertEquals("T6_PLUS", d.getTypologie());
        assertEquals("1985-07-14", d.getDateNaissance().toXMLFormat());
        assertEquals("2023-11-02", d.getDateDepot().toXMLFormat());
        assertEquals("ACTIVE", d.getStatut());
    }

    @Test
    public void unparseableValuesAreReportedPerField() {
        try {
            SaisieDemande s = saisie("14/07/1985", "T9");
            s.setCommune(null);
            soap.enregistrerDemande(s);
            fail("invalid demand accepted");
        } catch (ErreurRegistreFault f) {
            assertEquals("DEMANDE_INVALIDE", f.getFaultInfo().getCode());
            assertEquals("dateNaissance:format:14/07/1985 typologie:valeur-autorisee:T9 commune:obligatoire:null",
                    f.getFaultInfo().getErreur().stream()
                            .map(e -> e.getChamp() + ":" + e.getRegle() + ":" + e.getValeurRejetee())
                            .collect(Collectors.joining(" ")));
        }
        assertNull(recues.get(0).dateNaissance());
    }

    @Test
    public void missingAndUnavailableAreFaultsWithStableCodes() {
        try {
            soap.consulterDemande("0441123000001G1104");
            fail();
        } catch (ErreurRegistreFault f) {
            assertEquals("DEMANDE_INTROUVABLE", f.getFaultInfo().getCode());
            assertTrue(f.getMessage(), f.getMessage().contains("0441123000001G1104"));
        }
        try {
            soap.consulterDemande("9991123000001G1104");
            fail();
        } catch (ErreurRegistreFault f) {
            assertEquals("REGISTRE_INDISPONIBLE", f.getFaultInfo().getCode());
        }
    }

    private static SaisieDemande saisie(String naissance, String typologie) {
        SaisieDemande s = new SaisieDemande();
        s.setNom("Martin");
        s.setPrenom("Léa");
        s.setDateNaissance(naissance);
        s.setCommune("44109");
        s.setTypologie(typologie);
        s.setGuichet("G1104");
        return s;
    }
}
