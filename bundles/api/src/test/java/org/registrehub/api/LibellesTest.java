package org.registrehub.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.registrehub.api.attribution.Accessibilite;
import org.registrehub.api.attribution.Financement;
import org.registrehub.api.attribution.MotifMoinsDeTrois;
import org.registrehub.api.attribution.StatutCandidature;
import org.registrehub.api.attribution.StatutCommission;
import org.registrehub.api.attribution.StatutOffre;
import org.registrehub.api.attribution.TypeReservataire;
import org.registrehub.api.attribution.Verdict;

/** Every code a person may read has its French label: a code added to the register without one fails here. */
public class LibellesTest {

    @Test
    public void chaqueCodeDuDossierASonLibelle() {
        List<String> sans = new ArrayList<>();
        for (Class<? extends Enum<?>> type : List.of(Sexe.class, SituationFamiliale.class,
                SituationProfessionnelle.class, LienParente.class, LienCoDemandeur.class, Beneficiaire.class,
                TypeRessource.class, StatutLogement.class, Typologie.class, Motif.class, Statut.class,
                MotifRadiation.class, MotifIrrecevabilite.class, Operation.class, Canal.class, NatureSuivi.class,
                org.registrehub.api.acces.TypeOrganisation.class, org.registrehub.api.acces.Role.class,
                DecisionCal.class, StatutOffre.class, StatutCandidature.class, StatutCommission.class,
                MotifMoinsDeTrois.class, Financement.class, Accessibilite.class, TypeReservataire.class,
                Verdict.class, org.registrehub.api.attribution.CleClassement.class)) {
            for (Enum<?> code : type.getEnumConstants()) {
                if (Libelles.de(code).equals(code.name())) {
                    sans.add(type.getSimpleName() + "." + code.name());
                }
            }
        }
        assertTrue("codes sans libellé (libelles.properties) : " + sans, sans.isEmpty());
    }

    @Test
    public void unLibelleEstEnFrancaisEtUnCodeInconnuResteLui() {
        assertEquals("Personne à charge", Libelles.de(Beneficiaire.PERSONNE_A_CHARGE));
        assertEquals("T6 ou plus", Libelles.de("Typologie", "T6_PLUS"));
        assertEquals("INCONNU", Libelles.de("Typologie", "INCONNU"));
        assertEquals("", Libelles.de(null));
    }

    /** Every modality of the Infocentre's breakdowns reads in French in the report and its charts. */
    @Test
    public void chaqueModaliteDesRepartitionsASonLibelle() {
        List<String> sans = new ArrayList<>();
        for (org.registrehub.api.statistiques.Dimension d : org.registrehub.api.statistiques.Dimension.values()) {
            d.modalites().stream().filter(m -> !Libelles.connu("Modalite", m)).forEach(m -> sans.add(d + "." + m));
        }
        for (org.registrehub.api.statistiques.DimensionAttribution d
                : org.registrehub.api.statistiques.DimensionAttribution.values()) {
            d.modalites().stream().filter(m -> !Libelles.connu("Modalite", m)).forEach(m -> sans.add(d + "." + m));
        }
        assertTrue("modalités sans libellé : " + sans, sans.isEmpty());
        assertEquals("T6 ou plus", Libelles.de("Modalite", "T6_PLUS"));
        assertEquals("Moins de 25 ans", Libelles.de("Modalite", "MOINS_DE_25"));
    }
}
