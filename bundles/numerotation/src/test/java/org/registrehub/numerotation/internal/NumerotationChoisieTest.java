package org.registrehub.numerotation.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.registrehub.api.Personne;
import org.registrehub.api.RegistreException;
import org.registrehub.api.national.DoublonNational;
import org.registrehub.api.national.EtatNational;
import org.registrehub.api.national.MouvementNational;
import org.registrehub.api.national.Page;
import org.registrehub.api.national.RadiationNationale;
import org.registrehub.api.national.RecoursDalo;
import org.registrehub.api.national.RegistreNational;
import org.registrehub.api.national.RegistreNationalIndisponibleException;

/** Local or national numbering, switched live by the configuration. */
public class NumerotationChoisieTest {

    private static final LocalDate DEPOT = LocalDate.of(2026, 12, 1);
    private static final Personne LEA = new Personne("Martin", "Léa", LocalDate.of(1990, 4, 12), null, null, null,
            null, null, null);

    private long compteur;
    /** Same contract as the database counter, with its floor. */
    private final org.registrehub.api.numerotation.spi.CompteurStore compteurs = new org.registrehub.api.numerotation.spi.CompteurStore() {
        @Override
        public long suivant(String territoire, String moisAnnee) {
            return ++compteur;
        }

        @Override
        public void atteindre(String territoire, String moisAnnee, long valeur) {
            compteur = Math.max(compteur, valeur);
        }
    };
    private final NumerotationChoisie numerotation = new NumerotationChoisie(compteurs, mode("locale"));
    private final List<String> demandesNationales = new ArrayList<>();
    private String reponseNationale = "0441226000042G1104";

    /** The national register's answer for the tests (its client is another bundle's). */
    private final RegistreNational national = new RegistreNational() {
        @Override
        public String obtenirNumero(String territoire, String guichet, LocalDate dateDepot, Personne demandeur) {
            demandesNationales.add(territoire + " " + guichet + " " + dateDepot + " " + demandeur.nom());
            if (reponseNationale == null) {
                throw new RegistreNationalIndisponibleException("registre national injoignable", null);
            }
            return reponseNationale;
        }

        @Override
        public boolean transmettre(MouvementNational mouvement) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<RadiationNationale> radiations(String territoire, Instant depuis, int max) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<DoublonNational> doublons(String territoire, Instant depuis, int max) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<RecoursDalo> recoursDalo(String territoire, Instant depuis, int max) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<EtatNational> etats(String territoire, String apres, int max) {
            throw new UnsupportedOperationException();
        }
    };

    static NumerotationConfig mode(String mode) {
        return new NumerotationConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return NumerotationConfig.class;
            }

            @Override
            public String mode() {
                return mode;
            }
        };
    }

    @Test
    public void localeParDefautPuisNationaleALaVoleePuisLocaleDeNouveau() {
        numerotation.lierNational(national);
        assertEquals("0441226000001G1104", numerotation.attribuer("44109", "G1104", DEPOT, LEA));
        numerotation.configurer(mode(" Nationale "));
        assertEquals("0441226000042G1104", numerotation.attribuer("44109", "G1104", DEPOT, LEA));
        assertEquals(List.of("044 G1104 2026-12-01 Martin"), demandesNationales);
        numerotation.configurer(mode("locale"));
        // back to local: the counter went past the national number
        assertEquals("0441226000043G1104", numerotation.attribuer("44109", "G1104", DEPOT, LEA));
    }

    @Test
    public void modeInconnuIgnoreEtNumerotationInchangee() {
        numerotation.configurer(mode("departementale"));
        assertEquals("locale", numerotation.mode());
    }

    @Test
    public void nationaleSansSonClientRefuseEnLeDisant() {
        numerotation.configurer(mode("nationale"));
        try {
            numerotation.attribuer("44109", "G1104", DEPOT, LEA);
            fail("pas de client national");
        } catch (RegistreException e) {
            assertEquals(NumerotationChoisie.CODE_NATIONAL_ABSENT, e.getCode());
        }
        numerotation.lierNational(national);
        numerotation.delierNational(national);
        try {
            numerotation.attribuer("44109", "G1104", DEPOT, LEA);
            fail("client national retiré");
        } catch (RegistreException e) {
            assertEquals(NumerotationChoisie.CODE_NATIONAL_ABSENT, e.getCode());
        }
    }

    @Test
    public void nationaleIndisponibleOuReponseIncoherenteRefusees() {
        numerotation.lierNational(national);
        numerotation.configurer(mode("nationale"));
        reponseNationale = null;
        try {
            numerotation.attribuer("44109", "G1104", DEPOT, LEA);
            fail("national injoignable");
        } catch (RegistreNationalIndisponibleException e) {
            assertEquals("NATIONAL_INDISPONIBLE", e.getCode());
        }
        for (String faux : new String[] {"0591226000042G1104", "0441226000042G9999", "044"}) {
            reponseNationale = faux;
            try {
                numerotation.attribuer("44109", "G1104", DEPOT, LEA);
                fail("réponse incohérente " + faux);
            } catch (RegistreException e) {
                assertEquals(NumerotationNationale.CODE_NUMERO_INVALIDE, e.getCode());
            }
        }
        assertEquals("a refused number does not move the counter", 0, compteur);
    }
}
