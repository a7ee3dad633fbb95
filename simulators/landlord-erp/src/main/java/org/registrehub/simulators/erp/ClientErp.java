package org.registrehub.simulators.erp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.jms.JMSException;


/**
 * A landlord ERP talking to Registre Hub over AMQP 1.0 with a standard client (Qpid JMS).
 *
 * <pre>
 *   envoyer FICHIER.json | -                      send any message (docs/exemples/erp; - : read it from the standard
 *                                                 input, e.g. an example whose numéro sed replaced), wait for the
 *                                                 reply, print it
 *   bail NUMERO RPLS [RESERVATAIRE] [--dalo]      declare a signed lease (radiates the demand for attribution)
 *   ecouter [N]                                   print the next N events of the organisation (default 1)
 * </pre>
 * The organisation's queues are {@code registre.erp.<CODE>.entrant} (send), {@code .reponses} and {@code .evenements}
 * (read); only its landlord and guichet accounts may use them.
 * Connection: REGISTRE_BROKER_HOST (127.0.0.1), REGISTRE_BROKER_PORT (61616), the organisation's code
 * REGISTRE_ERP_ORGANISATION, and one of its register accounts, REGISTRE_BROKER_USER and REGISTRE_BROKER_PASSWORD (no
 * default: the broker knows only the register's accounts); {@code envoyer} waits REGISTRE_ERP_ATTENTE_SECONDES (30)
 * for the reply; or the system properties of the same names in lower case with dots ({@code registre.broker.host},
 * ...).
 */
public final class ClientErp {

    private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\"\\s*:\\s*\"([^\"]*)\"");

    private ClientErp() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage : envoyer FICHIER.json|- | bail NUMERO RPLS [RESERVATAIRE] [--dalo] | ecouter [N]");
            System.exit(2);
        }
        int code;
        try {
            code = switch (args[0]) {
                case "envoyer" -> envoyer("-".equals(args[1])
                        ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                        : Files.readString(Path.of(args[1]), StandardCharsets.UTF_8));
                case "bail" -> envoyer(bailSigne(args));
                case "ecouter" -> ecouter(args.length > 1 ? Integer.parseInt(args[1]) : 1);
                default -> {
                    System.err.println("commande inconnue : " + args[0] + " (envoyer | bail | ecouter)");
                    yield 2;
                }
            };
        } catch (JMSException e) {
            System.err.println("Broker injoignable ou refus : " + e.getMessage());
            code = 1;
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            System.err.println("Paramètres invalides : " + e.getMessage());
            code = 2;
        }
        System.exit(code);
    }

    static ConnexionErp client() {
        String url = "amqp://" + param("REGISTRE_BROKER_HOST", "127.0.0.1") + ":"
                + param("REGISTRE_BROKER_PORT", "61616");
        String utilisateur = param("REGISTRE_BROKER_USER", null);
        String motDePasse = param("REGISTRE_BROKER_PASSWORD", null);
        if (utilisateur == null || motDePasse == null) {
            throw new IllegalArgumentException("identifiants du broker requis : REGISTRE_BROKER_USER et"
                    + " REGISTRE_BROKER_PASSWORD (un compte du registre de l'organisation)");
        }
        return new ConnexionErp(url, utilisateur, motDePasse, organisation());
    }

    /** How long {@code envoyer} waits for the reply: REGISTRE_ERP_ATTENTE_SECONDES, 30 by default. */
    static int attenteSecondes() {
        String valeur = param("REGISTRE_ERP_ATTENTE_SECONDES", "30");
        try {
            int secondes = Integer.parseInt(valeur.strip());
            if (secondes < 1) {
                throw new NumberFormatException();
            }
            return secondes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("REGISTRE_ERP_ATTENTE_SECONDES : nombre de secondes attendu (1 ou plus),"
                    + " reçu « " + valeur + " »");
        }
    }

    static String organisation() {
        String code = param("REGISTRE_ERP_ORGANISATION", null);
        if (code == null) {
            throw new IllegalArgumentException("code de l'organisation requis : REGISTRE_ERP_ORGANISATION (par"
                    + " exemple NMH)");
        }
        return code;
    }

    private static String param(String env, String fallback) {
        String prop = System.getProperty(env.toLowerCase().replace('_', '.'));
        if (prop != null && !prop.isBlank()) {
            return prop;
        }
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A bailSigne message of today (schema docs/messages/erp-bail-signe.schema.json). */
    static String bailSigne(String[] args) {
        String numero = args[1];
        String rpls = args[2];
        String reservataire = args.length > 3 && !args[3].startsWith("--") ? args[3] : "ETAT";
        boolean dalo = java.util.Arrays.asList(args).contains("--dalo");
        return "{\"messageId\":\"" + UUID.randomUUID() + "\",\"type\":\"bailSigne\",\"versionSchema\":1,"
                + "\"horodatage\":\"" + OffsetDateTime.now() + "\",\"bailSigne\":{\"numeroUnique\":\"" + numero
                + "\",\"identifiantRpls\":\"" + rpls + "\",\"reservataire\":\"" + reservataire + "\",\"dalo\":"
                + dalo + ",\"dateSignature\":\"" + LocalDate.now() + "\"}}";
    }

    /** Sends a message and prints the reply whose JMSCorrelationID is its messageId. */
    static int envoyer(String json) throws Exception {
        Matcher m = MESSAGE_ID.matcher(json);
        String messageId = m.find() ? m.group(1) : UUID.randomUUID().toString();
        ConnexionErp client = client();
        int attente = attenteSecondes();
        ConnexionErp.Reponse reponse = client.envoyer(json, messageId, Duration.ofSeconds(attente));
        System.out.println("envoyé sur " + client.file("entrant") + " : messageId=" + messageId);
        if (reponse == null) {
            System.err.println("pas de réponse en " + attente + " s sur " + client.file("reponses")
                    + " (message illisible ? voir registre:erp-etat --lettres-mortes 20)");
            return 1;
        }
        System.out.println("réponse (" + reponse.statut() + ") : " + reponse.json());
        return 0;
    }

    /** Reads the next {@code n} events of the organisation's event queue (they wait there while the ERP is away). */
    static int ecouter(int n) throws Exception {
        ConnexionErp client = client();
        System.out.println("à l'écoute de " + client.file("evenements") + " ...");
        List<String> evenements = client.ecouter(n, Duration.ofSeconds(120));
        evenements.forEach(System.out::println);
        if (evenements.size() < n) {
            System.err.println("aucun événement en 120 s");
            return 1;
        }
        return 0;
    }
}
