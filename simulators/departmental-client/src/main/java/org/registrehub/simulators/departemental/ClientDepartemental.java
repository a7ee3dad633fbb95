package org.registrehub.simulators.departemental;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.bind.JAXBContext;
import javax.xml.bind.JAXBElement;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import javax.xml.ws.BindingProvider;

import org.registrehub.simulators.departemental.v1.Demande;
import org.registrehub.simulators.departemental.v1.DetailErreur;
import org.registrehub.simulators.departemental.v1.EnregistrerDemande;
import org.registrehub.simulators.departemental.v1.EntreeHistorique;
import org.registrehub.simulators.departemental.v1.ErreurRegistreFault;
import org.registrehub.simulators.departemental.v1.RegistrePortType;
import org.registrehub.simulators.departemental.v1.RegistreService;

/**
 * A legacy departmental file system calling the register over SOAP, with the classes generated from its WSDL: it
 * registers a demand (and gets its numéro unique back), reads a demand and its history. A refusal of the register is
 * a fault whose detail carries a stable code and, for invalid data, one error per field.
 *
 * <pre>
 * mvn -q -pl simulators/departmental-client exec:java -Dexec.args="URL LOGIN MOT_DE_PASSE enregistrer docs/soap/enregistrer-demande.xml"
 * ... consulter 0441126000001G1104
 * ... historique 0441126000001G1104
 * </pre>
 */
public final class ClientDepartemental {

    private final RegistrePortType port;

    /** @param url the register's SOAP endpoint, e.g. {@code http://127.0.0.1:8181/ws/registre/v1} */
    public ClientDepartemental(String url, String identifiant, String motDePasse) {
        port = new RegistreService().getRegistrePort();
        Map<String, Object> contexte = ((BindingProvider) port).getRequestContext();
        contexte.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, url);
        contexte.put(BindingProvider.USERNAME_PROPERTY, identifiant);
        contexte.put(BindingProvider.PASSWORD_PROPERTY, motDePasse);
    }

    /** The register's refusal, as the departmental system reads it: code, message, errors by field. */
    public static final class Refus extends Exception {
        public final String code;

        Refus(ErreurRegistreFault f) {
            super(texte(f.getFaultInfo(), f.getMessage()));
            this.code = f.getFaultInfo() == null ? "?" : f.getFaultInfo().getCode();
        }

        private static String texte(DetailErreur d, String message) {
            if (d == null) {
                return message;
            }
            String champs = d.getErreur().stream().map(e -> e.getChamp() + " (" + e.getRegle() + ") : "
                    + e.getMessage()).collect(Collectors.joining(" ; "));
            String doublons = d.getDoublon().stream().map(x -> x.getNumeroUnique() + " (" + x.getCritere() + ")")
                    .collect(Collectors.joining(", "));
            return d.getCode() + " : " + d.getMessage() + (champs.isEmpty() ? "" : " [" + champs + "]")
                    + (doublons.isEmpty() ? "" : " doublon(s) : " + doublons);
        }
    }

    /** Registers the demand of a request file such as {@code docs/soap/enregistrer-demande.xml}. */
    public Demande enregistrer(Path requete) throws Exception {
        EnregistrerDemande e = lire(requete);
        try {
            return port.enregistrerDemande(e.getSaisie());
        } catch (ErreurRegistreFault f) {
            throw new Refus(f);
        }
    }

    public Demande consulter(String numeroUnique) throws Refus {
        try {
            return port.consulterDemande(numeroUnique);
        } catch (ErreurRegistreFault f) {
            throw new Refus(f);
        }
    }

    public List<EntreeHistorique> historique(String numeroUnique) throws Refus {
        try {
            return port.historiqueDemande(numeroUnique);
        } catch (ErreurRegistreFault f) {
            throw new Refus(f);
        }
    }

    /** The {@code enregistrerDemande} element of a SOAP request file (DTDs and entities refused). */
    static EnregistrerDemande lire(Path requete) throws Exception {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(requete)) {
            XMLStreamReader xml = f.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "enregistrerDemande".equals(xml.getLocalName())) {
                    JAXBElement<EnregistrerDemande> e = JAXBContext.newInstance(EnregistrerDemande.class)
                            .createUnmarshaller().unmarshal(xml, EnregistrerDemande.class);
                    return e.getValue();
                }
            }
        }
        throw new IllegalArgumentException(requete + " ne contient pas d'élément enregistrerDemande");
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage : URL IDENTIFIANT MOT_DE_PASSE (enregistrer FICHIER | consulter NUMERO |"
                    + " historique NUMERO)");
            System.exit(2);
        }
        ClientDepartemental client = new ClientDepartemental(args[0], args[1], args[2]);
        try {
            switch (args[3]) {
                case "enregistrer" -> {
                    Demande d = client.enregistrer(Path.of(args[4]));
                    System.out.println("Demande enregistrée : " + d.getNumeroUnique() + " (déposée le "
                            + d.getDateDepot() + ", valable jusqu'au " + d.getDateValidite() + ", version "
                            + d.getVersion() + ")");
                }
                case "consulter" -> {
                    Demande d = client.consulter(args[4]);
                    System.out.println(d.getNumeroUnique() + " " + d.getStatut() + " guichet " + d.getGuichet()
                            + ", déposée le " + d.getDateDepot() + ", valable jusqu'au " + d.getDateValidite()
                            + ", version " + d.getVersion() + (d.getRadiation() == null ? ""
                            : ", radiée le " + d.getRadiation().getDate() + " (" + d.getRadiation().getMotif() + ")"));
                }
                case "historique" -> {
                    for (EntreeHistorique h : client.historique(args[4])) {
                        System.out.println("v" + h.getVersion() + " " + h.getHorodatage() + " " + h.getOperation()
                                + " " + h.getActeur() + " (" + h.getCanal() + ")"
                                + (h.getCommentaire() == null ? "" : " : " + h.getCommentaire()));
                    }
                }
                default -> {
                    System.err.println("commande inconnue : " + args[3]);
                    System.exit(2);
                }
            }
        } catch (Refus r) {
            System.err.println("Refus du registre " + r.getMessage());
            System.exit(1);
        }
    }
}
