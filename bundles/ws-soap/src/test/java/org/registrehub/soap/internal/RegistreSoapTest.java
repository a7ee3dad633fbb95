package org.registrehub.soap.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.Test;
import org.registrehub.api.Contexte;
import org.registrehub.api.Attribution;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.Radiation;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.RegistreService;
import org.registrehub.api.Statut;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.VersionObsoleteException;
import org.registrehub.soap.internal.v1.ErreurRegistreFault;
import org.registrehub.soap.internal.v1.SaisieDemande;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.Identites;
import org.registrehub.testing.RegistreServicePartiel;

public class RegistreSoapTest {

    private final List<NouvelleDemande> enregistrees = new ArrayList<>();

    /** Applies one rule of the register (the first commune is mandatory) and keeps what it registers. */
    private final RegistreService registre = new RegistreServicePartiel() {
        @Override
        public Demande enregistrer(NouvelleDemande d, Contexte contexte) {
            List<ErreurChamp> erreurs = verifier(d);
            if (!erreurs.isEmpty()) {
                throw new DemandeInvalideException(erreurs);
            }
            enregistrees.add(d);
            return demande(d);
        }

        @Override
        public List<ErreurChamp> verifier(NouvelleDemande d) {
            List<ErreurChamp> erreurs = new ArrayList<>();
            if (d.dossier().demandeur().dateNaissance() == null) {
                erreurs.add(new ErreurChamp("dossier.demandeur.dateNaissance", "obligatoire", null, "champ obligatoire"));
            }
            if (d.dossier().contact() == null) {
                erreurs.add(new ErreurChamp("dossier.contact", "obligatoire", null, "champ obligatoire"));
            }
            return erreurs;
        }

        @Override
        public Optional<Demande> consulter(String numeroUnique, Contexte contexte) {
            if (numeroUnique.startsWith("999")) {
                throw new RegistreIndisponibleException("PostgreSQL injoignable", null);
            }
            return Optional.empty();
        }
    };

    private final RegistreSoap soap = new RegistreSoap(registre, null, null, Identites::guichet44);

    private static Demande demande(NouvelleDemande d) {
        return new Demande("0441123000001" + d.guichet(), Statut.ACTIVE, d.guichet(), "044",
                LocalDate.of(2023, 11, 2), LocalDate.of(2024, 11, 2), null, null, 0, d.dossier());
    }

    /** The XML of the example dossier, as a departmental system would send it. */
    private static SaisieDemande saisie() {
        SaisieDemande s = new SaisieDemande();
        s.setGuichet("G1104");
        s.setDossier(new ConversionSoap().ecrire(demande(Exemples.nouvelleDemande("Martin"))).getDossier());
        return s;
    }

    @Test
    public void theWholeDossierRoundTripsThroughTheContract() throws Exception {
        org.registrehub.soap.internal.v1.Demande d = soap.enregistrerDemande(saisie());
        assertEquals(Exemples.dossier("Martin"), enregistrees.get(0).dossier());
        assertEquals("0441123000001G1104", d.getNumeroUnique());
        assertEquals("2024-11-02", d.getDateValidite().toXMLFormat());
        assertEquals(List.of("T3", "T4"), d.getDossier().getLogementRecherche().getTypologies());
        assertEquals("1850.00", d.getDossier().getRessources().get(0).getMontantMensuel());
    }

    @Test
    public void theDocumentedSoapRequestIsTheExampleDossier() throws Exception {
        javax.xml.bind.Unmarshaller lecteur = javax.xml.bind.JAXBContext
                .newInstance(org.registrehub.soap.internal.v1.ObjectFactory.class).createUnmarshaller();
        javax.xml.stream.XMLStreamReader xml = javax.xml.stream.XMLInputFactory.newFactory().createXMLStreamReader(
                java.nio.file.Files.newInputStream(java.nio.file.Path.of("../../docs/soap/enregistrer-demande.xml")));
        while (!(xml.isStartElement() && xml.getLocalName().equals("saisie"))) {
            xml.next();
        }
        SaisieDemande saisie = lecteur.unmarshal(xml, SaisieDemande.class).getValue();
        soap.enregistrerDemande(saisie);
        assertEquals(Exemples.nouvelleDemande("Martin"), enregistrees.get(0));
    }

    @Test
    public void unparseableValuesAreReportedPerFieldAndNothingIsRegistered() {
        SaisieDemande s = saisie();
        s.getDossier().getDemandeur().setDateNaissance("12/04/1990");
        s.getDossier().getLogementRecherche().getTypologies().set(1, "T9");
        s.getDossier().getRessources().get(0).setMontantMensuel("1850,00");
        s.getDossier().getLogementRecherche().setParking("oui");
        s.getDossier().setContact(null);
        try {
            soap.enregistrerDemande(s);
            fail("invalid demand accepted");
        } catch (ErreurRegistreFault f) {
            assertEquals("DEMANDE_INVALIDE", f.getFaultInfo().getCode());
            assertEquals("dossier.demandeur.dateNaissance:format dossier.ressources[0].montantMensuel:format "
                    + "dossier.logementRecherche.typologies[1]:valeur-autorisee dossier.logementRecherche.parking:format "
                    + "dossier.contact:obligatoire", f.getFaultInfo().getErreur().stream()
                            .map(e -> e.getChamp() + ":" + e.getRegle()).collect(Collectors.joining(" ")));
        }
        assertTrue("nothing registered", enregistrees.isEmpty());
    }

    @Test
    public void anOptionalValueThatDoesNotParseStillStopsTheRegistration() {
        SaisieDemande s = saisie();
        s.getDossier().getLogementActuel().setLoyer("cinq cents");
        try {
            soap.enregistrerDemande(s);
            fail("a loyer that is not an amount must be refused, not dropped");
        } catch (ErreurRegistreFault f) {
            assertEquals("dossier.logementActuel.loyer", f.getFaultInfo().getErreur().get(0).getChamp());
        }
        assertTrue(enregistrees.isEmpty());
    }

    @Test
    public void radiationIsReadWithItsLeaseAndAnUnknownReasonIsAFieldError() throws Exception {
        List<DemandeRadiation> recues = new ArrayList<>();
        RegistreSoap radiations = new RegistreSoap(new RegistreServicePartiel() {
            @Override
            public Demande radier(String numero, long version, DemandeRadiation radiation, Contexte contexte) {
                recues.add(radiation);
                Demande d = demande(Exemples.nouvelleDemande("Martin"));
                return new Demande(d.numeroUnique(), Statut.RADIEE, d.guichet(), d.territoire(), d.dateDepot(),
                        d.dateValidite(), null, new Radiation(radiation.motif(), LocalDate.of(2024, 6, 30),
                                radiation.attribution(), null, null), version + 1, d.dossier());
            }
        }, null, null, Identites::guichet44);
        var x = new org.registrehub.soap.internal.v1.DemandeRadiation();
        x.setMotif("ATTRIBUTION");
        var a = new org.registrehub.soap.internal.v1.Attribution();
        a.setBailleur("Habitat 44");
        a.setIdentifiantRpls("RPLS0449");
        a.setReservataire("ETAT");
        a.setDalo("true");
        x.setAttribution(a);
        org.registrehub.soap.internal.v1.Demande d = radiations.radierDemande("0441123000001G1104", 3, x);
        assertEquals(new Attribution("Habitat 44", "RPLS0449", "ETAT", true), recues.get(0).attribution());
        assertEquals("RPLS0449", d.getRadiation().getAttribution().getIdentifiantRpls());
        assertEquals("2024-06-30", d.getRadiation().getDate().toXMLFormat());
        assertEquals(4, d.getVersion());

        x.setMotif("DEMENAGEMENT");
        try {
            radiations.radierDemande("0441123000001G1104", 3, x);
            fail("unknown reason accepted");
        } catch (ErreurRegistreFault f) {
            assertEquals("radiation.motif", f.getFaultInfo().getErreur().get(0).getChamp());
            assertEquals("valeur-autorisee", f.getFaultInfo().getErreur().get(0).getRegle());
        }
        assertEquals(1, recues.size());
    }

    @Test
    public void staleVersionAndForbiddenTransitionAreClientFaults() {
        RegistreSoap etats = new RegistreSoap(new RegistreServicePartiel() {
            @Override
            public Demande reactiver(String numero, long version, Contexte contexte) {
                if (version == 1) {
                    throw new VersionObsoleteException(numero, 1, 2);
                }
                throw new TransitionInterditeException("est active");
            }
        }, null, null, Identites::guichet44);
        for (long version : new long[] {1, 2}) {
            try {
                etats.reactiverDemande("0441123000001G1104", version);
                fail();
            } catch (ErreurRegistreFault f) {
                assertEquals(version == 1 ? "VERSION_OBSOLETE" : "TRANSITION_INTERDITE", f.getFaultInfo().getCode());
                assertTrue(FauteClientInterceptor.CODES_CLIENT.contains(f.getFaultInfo().getCode()));
            }
        }
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

    /** Without the registre-attestation feature the operation answers at once, naming the feature to install. */
    @Test
    public void attestationWithoutItsFeatureIsUnavailableAndNamesTheFeature() {
        RegistreSoap sansAttestation = new RegistreSoap(registre, List.of(), List.of(), Identites::guichet44);
        try {
            sansAttestation.attestationDemande("0441123000001G1104");
            fail("attestation without its feature");
        } catch (ErreurRegistreFault f) {
            assertEquals("REGISTRE_INDISPONIBLE", f.getFaultInfo().getCode());
            assertTrue(f.getFaultInfo().getMessage(), f.getFaultInfo().getMessage()
                    .contains("feature:install registre-attestation"));
        }
    }

    /** The cotation as the contract writes it; without the registre-attribution feature, a fault naming it. */
    @Test
    public void cotationIsWrittenByTheContractAndNamesItsFeatureWhenAbsent() throws Exception {
        org.registrehub.api.attribution.CotationDemande lue = new org.registrehub.api.attribution.CotationDemande(
                "0441123000001G1104", LocalDate.of(2026, 12, 7), "044", 2, 45, List.of(
                        new org.registrehub.api.attribution.PointsCritere("ANCIENNETE", "Par mois d'ancienneté", 40),
                        new org.registrehub.api.attribution.PointsCritere("ENFANTS", "Par enfant", 5)), "44109", "T3",
                3, 17, 4, 11.5);
        org.registrehub.api.attribution.CotationService service = (org.registrehub.api.attribution.CotationService)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {
                    org.registrehub.api.attribution.CotationService.class}, (proxy, methode, args) -> {
                        if (methode.getName().equals("cotation")) {
                            assertEquals(org.registrehub.api.Canal.SOAP, ((Contexte) args[1]).canal());
                            return lue;
                        }
                        throw new UnsupportedOperationException(methode.getName());
                    });
        org.registrehub.soap.internal.v1.Cotation c = new RegistreSoap(registre, List.of(), List.of(service),
                Identites::guichet44).cotationDemande("0441123000001G1104");
        assertEquals(45, c.getPoints());
        assertEquals(List.of("ANCIENNETE", "ENFANTS"), c.getCritere().stream().map(x -> x.getCode()).toList());
        assertEquals(3, c.getPosition());
        assertEquals(Double.valueOf(11.5), c.getDelaiMoyenMois());
        assertEquals("2026-12-07", c.getJour().toXMLFormat());
        try {
            new RegistreSoap(registre, List.of(), List.of(), Identites::guichet44).cotationDemande("0441123000001G1104");
            fail("cotation without its feature");
        } catch (ErreurRegistreFault f) {
            assertEquals("REGISTRE_INDISPONIBLE", f.getFaultInfo().getCode());
            assertTrue(f.getFaultInfo().getMessage().contains("feature:install registre-attribution"));
        }
    }

    /** The dossier unique through the contract: listed, read (content as an attachment), uploaded; absent, a fault. */
    @Test
    public void lesPiecesPassentParLeContratEtNommentLeurFonctionnaliteAbsente() throws Exception {
        org.registrehub.api.dossier.Piece p = new org.registrehub.api.dossier.Piece(7, "0441123000001G1104",
                org.registrehub.api.dossier.CategoriePiece.AVIS_IMPOSITION, "avis.pdf", "application/pdf", 9,
                "ab".repeat(32), java.time.Instant.parse("2026-12-07T08:00:00Z"), "agent.g1104");
        byte[] contenu = "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.util.List<Object[]> depots = new java.util.ArrayList<>();
        org.registrehub.api.dossier.PiecesService service = (org.registrehub.api.dossier.PiecesService)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {
                    org.registrehub.api.dossier.PiecesService.class}, (proxy, methode, args) -> switch (methode.getName()) {
                        case "pieces" -> List.of(p);
                        case "lire" -> new org.registrehub.api.dossier.ContenuPiece(p, contenu);
                        case "deposer" -> {
                            depots.add(args);
                            if (((byte[]) args[4]).length == 0) {
                                throw new org.registrehub.api.dossier.PieceRefuseeException("taille",
                                        "Le fichier est vide.");
                            }
                            yield p;
                        }
                        default -> throw new UnsupportedOperationException(methode.getName());
                    });
        RegistreSoap avec = new RegistreSoap(registre, List.of(), List.of(), List.of(service), Identites::guichet44);
        org.registrehub.soap.internal.v1.Piece listee = avec.listerPieces("0441123000001G1104").get(0);
        assertEquals(org.registrehub.soap.internal.v1.CategoriePiece.AVIS_IMPOSITION, listee.getCategorie());
        assertEquals("2026-12-07T08:00:00.000Z", listee.getDeposeLe().toXMLFormat());
        org.registrehub.soap.internal.v1.PieceEtContenu lue = avec.lirePiece("0441123000001G1104", 7);
        assertEquals("application/pdf", lue.getContenu().getContentType());
        assertArrayEquals(contenu, lue.getContenu().getInputStream().readAllBytes());
        avec.deposerPiece("0441123000001G1104", org.registrehub.soap.internal.v1.CategoriePiece.RESSOURCES, "b.pdf",
                "application/pdf", new javax.activation.DataHandler(new org.apache.cxf.attachment.ByteDataSource(contenu,
                        "application/pdf")), 3L);
        assertEquals(org.registrehub.api.dossier.CategoriePiece.RESSOURCES, depots.get(0)[1]);
        assertArrayEquals(contenu, (byte[]) depots.get(0)[4]);
        assertEquals(3L, depots.get(0)[5]);
        try {
            avec.deposerPiece("0441123000001G1104", org.registrehub.soap.internal.v1.CategoriePiece.RESSOURCES,
                    "b.pdf", "application/pdf", null, null);
            fail("une pièce vide");
        } catch (ErreurRegistreFault f) {
            assertEquals("PIECE_REFUSEE", f.getFaultInfo().getCode());
        }
        try {
            new RegistreSoap(registre, List.of(), List.of(), List.of(), Identites::guichet44)
                    .listerPieces("0441123000001G1104");
            fail("sans le dossier unique");
        } catch (ErreurRegistreFault f) {
            assertEquals("REGISTRE_INDISPONIBLE", f.getFaultInfo().getCode());
            assertTrue(f.getFaultInfo().getMessage(), f.getFaultInfo().getMessage()
                    .contains("feature:install registre-dossier-unique"));
        }
    }
}
