package org.registrehub.bench;

import static org.registrehub.testing.MessagesErp.bailSigne;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.jms.Connection;
import javax.jms.MessageConsumer;
import javax.jms.MessageProducer;
import javax.jms.Session;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.registrehub.testing.HubLance;
import org.registrehub.testing.TestDatabase;

/**
 * Landlord ERP throughput: {@code bailSigne} messages processed end to end (consumed from the landlord's queue in a
 * broker transaction, checked against the contract, applied in PostgreSQL with the messageId, answered, acknowledged,
 * and the radiation event relayed from the outbox to the landlord's event queue), against a raw send and receive of
 * the same messages through the same broker, same client library and protocol, in the same run. See bench/README.md.
 */
public final class ErpBench {

    private static final String MOT_DE_PASSE = "mot de passe du banc ERP";
    private static final Pattern NUMERO = Pattern.compile("\"numeroUnique\":\"([0-9AB]{13}G[0-9]{4})\"");

    private ErpBench() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int echauffement = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int bailleurs = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Path distribution = Path.of(System.getProperty("registre.distribution"));
        Path dir = Path.of(System.getProperty("registre.bench.dir", "target/hub-bench"));
        try (TestDatabase db = TestDatabase.createDurable("registre_bench_erp");
             HubLance hub = new HubLance(distribution, dir, db)) {
            System.out.printf("BENCH boot.health %.1f s%n", hub.attendreSante(Duration.ofMinutes(3)));
            String gestionnaire = hub.compteDeMesure(db, List.of("044"));
            HubLance.creerCompte(db, "NMH", "BAILLEUR", "044", "bailleur.nmh", "bailleur", MOT_DE_PASSE);
            JmsConnectionFactory bailleur = new JmsConnectionFactory("bailleur.nmh", MOT_DE_PASSE,
                    "amqp://127.0.0.1:" + hub.broker + "?jms.populateJMSXUserID=true");
            String[] admin = hub.administrateur();
            JmsConnectionFactory administrateur = new JmsConnectionFactory(admin[0], admin[1],
                    "amqp://127.0.0.1:" + hub.broker);

            List<String> numeros = enregistrer(hub, gestionnaire, echauffement + 2 * messages + bailleurs);
            System.out.printf("BENCH demandes %d registered through REST for the leases%n", numeros.size());
            attendreFiles(bailleur, numeros.get(0));

            List<String> chauds = numeros.subList(1, echauffement);
            long t0 = System.nanoTime();
            Resultat froid = baux(bailleur, "chauffe-", chauds);
            System.out.printf("BENCH erp.bailSigne.warmup %.0f messages/s (first %d, cold JVM)%n",
                    chauds.size() / froid.secondes, chauds.size());

            List<String> mesures = numeros.subList(echauffement, echauffement + messages);
            // each measure (one landlord, several, raw AMQP) starts on a quiet machine and states its CPU share
            Machine.attendreRepos("one landlord's leases", 20, Duration.ofMinutes(3));
            Machine.Instantane cpuUn = Machine.Instantane.maintenant();
            Resultat hubErp = baux(bailleur, "bail-", mesures);
            double occupationUn = cpuUn.occupationJusquA(Machine.Instantane.maintenant());
            long rss = hub.rssMiB();

            // the same number of leases spread over several landlords, each on its own queue, at the same time
            List<String> reste = numeros.subList(echauffement + messages, numeros.size());
            List<JmsConnectionFactory> fabriques = new ArrayList<>();
            for (int b = 0; b < bailleurs; b++) {
                String code = "BAILLEUR" + b;
                HubLance.creerCompte(db, code, "BAILLEUR", "044", "bailleur." + b, "bailleur", MOT_DE_PASSE);
                fabriques.add(new JmsConnectionFactory("bailleur." + b, MOT_DE_PASSE, "amqp://127.0.0.1:" + hub.broker
                        + "?jms.populateJMSXUserID=true"));
            }
            for (int b = 0; b < bailleurs; b++) {
                attendreFiles(fabriques.get(b), "BAILLEUR" + b, reste.get(b));
            }
            List<String> parallele = reste.subList(bailleurs, reste.size());
            int part = parallele.size() / bailleurs;
            ExecutorService pool = Executors.newFixedThreadPool(bailleurs);
            Machine.attendreRepos("the landlords' leases in parallel", 20, Duration.ofMinutes(3));
            Machine.Instantane cpuPlusieurs = Machine.Instantane.maintenant();
            long tp = System.nanoTime();
            List<Future<Resultat>> fins = new ArrayList<>();
            for (int b = 0; b < bailleurs; b++) {
                int i = b;
                fins.add(pool.submit(() -> baux(fabriques.get(i), "BAILLEUR" + i, "par-", parallele.subList(i * part,
                        (i + 1) * part))));
            }
            Mesures latencesParallele = new Mesures(1);
            for (Future<Resultat> f : fins) {
                latencesParallele = f.get().latences;
            }
            double secondesParallele = (System.nanoTime() - tp) / 1e9;
            double occupationPlusieurs = cpuPlusieurs.occupationJusquA(Machine.Instantane.maintenant());
            pool.shutdown();
            Machine.attendreRepos("the raw AMQP baseline", 20, Duration.ofMinutes(3));
            Machine.Instantane cpuBrut = Machine.Instantane.maintenant();
            double brut = brut(administrateur, bailSigne("brut-0", mesures.get(0)).length(), mesures.size());
            // what the broker gives a consumer that answers each message in its own transaction, as the hub's route
            // does, with no work of the register in between (and with a transaction per group of messages)
            Machine.attendreRepos("the transacted AMQP baseline", 20, Duration.ofMinutes(3));
            double transacte = transacte(administrateur, bailSigne("brut-0", mesures.get(0)).length(),
                    mesures.size(), 1);
            Machine.attendreRepos("the transacted AMQP baseline by groups", 20, Duration.ofMinutes(3));
            double transacteGroupes = transacte(administrateur, bailSigne("brut-0", mesures.get(0)).length(),
                    mesures.size(), 20);
            System.out.printf("BENCH erp.machine CPU busy %.0f %% (one landlord), %.0f %% (%d landlords), %.0f %% (raw"
                    + " AMQP); load %s%n", occupationUn, occupationPlusieurs, bailleurs, cpuBrut.occupationJusquA(
                    Machine.Instantane.maintenant()), Machine.charge());
            System.out.printf("BENCH erp.bailSigne %.0f messages/s (%d leases, one landlord queue: consumed, applied"
                    + " in PostgreSQL, answered, acknowledged, event relayed), send-to-reply latency %s%n",
                    mesures.size() / hubErp.secondes, mesures.size(), hubErp.latences.resume());
            System.out.printf("BENCH erp.lastEvent %.2f s after the last reply%n", hubErp.eventsApres);
            System.out.printf("BENCH erp.bailSigne.%dlandlords %.0f messages/s (%d leases over %d landlord queues at"
                    + " once), send-to-reply latency of the last one %s%n", bailleurs, part * bailleurs
                    / secondesParallele, part * bailleurs, bailleurs, latencesParallele.resume());
            System.out.printf("BENCH amqp.baseline %.0f messages/s (same count and size, raw send then receive"
                    + " through the same broker, Qpid JMS over AMQP)%n", brut);
            System.out.printf("BENCH amqp.transacted %.0f messages/s (the same messages received and answered by a"
                    + " plain client, one broker transaction per message: receive, send the reply, commit)%n",
                    transacte);
            System.out.printf("BENCH amqp.transacted.20 %.0f messages/s (the same, one broker transaction per 20"
                    + " messages)%n", transacteGroupes);
            System.out.printf("BENCH ratio.transacted %.3f (ERP end to end, one landlord / plain transacted"
                    + " consume-and-answer)%n", (mesures.size() / hubErp.secondes) / transacte);
            System.out.printf("BENCH ratio %.3f (ERP end to end, one landlord / raw AMQP of the same messages)%n",
                    (mesures.size() / hubErp.secondes) / brut);
            System.out.printf("BENCH ratio.%dlandlords %.3f (ERP end to end, %d landlords / raw AMQP)%n", bailleurs,
                    (part * bailleurs / secondesParallele) / brut, bailleurs);
            System.out.printf("BENCH rss.loaded %d MiB%n", rss);
            System.out.printf("BENCH total %.0f s%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    private record Resultat(double secondes, Mesures latences, double eventsApres) {
    }

    /** Sends one lease per demand, and waits for every reply and every radiation event on the landlord's queues. */
    private static Resultat baux(JmsConnectionFactory f, String prefixe, List<String> numeros) throws Exception {
        return baux(f, "NMH", prefixe, numeros);
    }

    private static Resultat baux(JmsConnectionFactory f, String organisation, String prefixe, List<String> numeros)
            throws Exception {
        int n = numeros.size();
        Map<String, Long> envoyes = new ConcurrentHashMap<>();
        Mesures latences = new Mesures(n);
        CountDownLatch reponses = new CountDownLatch(n);
        CountDownLatch evenements = new CountDownLatch(n);
        AtomicLong derniereReponse = new AtomicLong();
        AtomicLong dernierEvenement = new AtomicLong();
        try (Connection c = f.createConnection()) {
            Session lecture = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer r = lecture.createConsumer(lecture.createQueue("registre.erp." + organisation
                    + ".reponses"));
            r.setMessageListener(m -> {
                try {
                    Long depart = envoyes.get(m.getJMSCorrelationID());
                    if (depart != null && "ACCEPTE".equals(m.getStringProperty("registreStatut"))) {
                        long maintenant = System.nanoTime();
                        latences.ajouter(maintenant - depart);
                        derniereReponse.set(maintenant);
                        reponses.countDown();
                    }
                } catch (javax.jms.JMSException e) {
                    throw new IllegalStateException(e);
                }
            });
            Session evts = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer e = evts.createConsumer(evts.createQueue("registre.erp." + organisation
                    + ".evenements"));
            e.setMessageListener(m -> {
                try {
                    if ("demandeRadiee".equals(m.getStringProperty("registreType"))) {
                        dernierEvenement.set(System.nanoTime());
                        evenements.countDown();
                    }
                } catch (javax.jms.JMSException ex) {
                    throw new IllegalStateException(ex);
                }
            });
            c.start();
            Session envoi = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = envoi.createProducer(envoi.createQueue("registre.erp." + organisation
                    + ".entrant"));
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                String id = prefixe + i;
                envoyes.put(id, System.nanoTime());
                p.send(envoi.createTextMessage(bailSigne(id, numeros.get(i))));
            }
            if (!reponses.await(30, TimeUnit.MINUTES) || !evenements.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("réponses ou événements manquants : " + reponses.getCount() + " / "
                        + evenements.getCount());
            }
            long fin = Math.max(derniereReponse.get(), dernierEvenement.get());
            return new Resultat((fin - t0) / 1e9, latences, Math.max(0, dernierEvenement.get()
                    - derniereReponse.get()) / 1e9);
        }
    }

    /** The same number of messages of the same size, sent and received through the broker by a plain client. */
    private static double brut(JmsConnectionFactory f, int taille, int n) throws Exception {
        String corps = "x".repeat(taille);
        CountDownLatch recus = new CountDownLatch(n);
        AtomicLong dernier = new AtomicLong();
        try (Connection c = f.createConnection()) {
            Session lecture = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            lecture.createConsumer(lecture.createQueue("registre.bench.brut")).setMessageListener(m -> {
                dernier.set(System.nanoTime());
                recus.countDown();
            });
            c.start();
            Session envoi = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = envoi.createProducer(envoi.createQueue("registre.bench.brut"));
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                p.send(envoi.createTextMessage(corps));
            }
            if (!recus.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("messages bruts manquants : " + recus.getCount());
            }
            return n / ((dernier.get() - t0) / 1e9);
        }
    }

    /**
     * The same number of messages of the same size sent, then received and answered by a plain client in a transacted
     * session (receive, send the reply in the same session, commit every {@code parTransaction} messages): what the
     * broker itself allows the hub's route, which does that with the register's work in between. Timed from the
     * first receive (the messages are all queued before).
     */
    private static double transacte(JmsConnectionFactory f, int taille, int n, int parTransaction) throws Exception {
        String corps = "x".repeat(taille);
        String file = "registre.bench.transacte." + parTransaction;
        try (Connection c = f.createConnection()) {
            c.start();
            Session envoi = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = envoi.createProducer(envoi.createQueue(file));
            for (int i = 0; i < n; i++) {
                p.send(envoi.createTextMessage(corps));
            }
            long t0 = System.nanoTime();
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer r = tx.createConsumer(tx.createQueue(file));
            MessageProducer reponses = tx.createProducer(tx.createQueue(file + ".reponses"));
            for (int i = 0; i < n; i++) {
                javax.jms.Message m = r.receive(60_000);
                if (m == null) {
                    throw new IllegalStateException("messages transactionnels manquants : " + (n - i));
                }
                reponses.send(tx.createTextMessage(corps));
                if ((i + 1) % parTransaction == 0 || i == n - 1) {
                    tx.commit();
                }
            }
            double debit = n / ((System.nanoTime() - t0) / 1e9);
            Session purge = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer vider = purge.createConsumer(purge.createQueue(file + ".reponses"));
            while (vider.receive(200) != null) {
                // the replies are not part of the figure
            }
            return debit;
        }
    }

    /** The landlord's queues exist and are consumed once a first lease is answered. */
    private static void attendreFiles(JmsConnectionFactory f, String numero) throws Exception {
        attendreFiles(f, "NMH", numero);
    }

    private static void attendreFiles(JmsConnectionFactory f, String organisation, String numero) throws Exception {
        HubLance.attendre("les files ERP de " + organisation + " répondent à un premier bail",
                Duration.ofSeconds(90), () -> {
            try (Connection c = f.createConnection()) {
                c.start();
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer r = s.createConsumer(s.createQueue("registre.erp." + organisation + ".reponses"),
                        "JMSCorrelationID = 'sonde'");
                s.createProducer(s.createQueue("registre.erp." + organisation + ".entrant")).send(
                        s.createTextMessage(bailSigne("sonde", numero)));
                return r.receive(5_000) != null;
            } catch (javax.jms.JMSException e) {
                return false; // the queue's security settings are not there yet
            }
        });
    }


    /** {@code n} demands of distinct applicants through REST, 8 clients; their numéros in order. */
    private static List<String> enregistrer(HubLance hub, String autorisation, int n) throws Exception {
        String modele = Files.readString(Path.of(System.getProperty("registre.exemples")), StandardCharsets.UTF_8)
                .replaceFirst("\"nir\": \"[0-9]+\",", "");
        HttpClient client = hub.client;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                StringBuilder prenom = new StringBuilder("Erp");
                for (int k = 0, x = i; k < 5; k++, x /= 26) {
                    prenom.append((char) ('a' + x % 26));
                }
                String json = modele.replaceFirst("\"prenoms\": \"Léa Marie\"", "\"prenoms\": \"" + prenom + "\"");
                futures.add(pool.submit(() -> {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(hub.base
                            + "/api/v1/demandes")).header("Content-Type", "application/json")
                            .header("Authorization", autorisation)
                            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    Matcher m = NUMERO.matcher(r.body());
                    if (r.statusCode() != 201 || !m.find()) {
                        throw new IllegalStateException("enregistrement refusé : " + r.statusCode() + " " + r.body());
                    }
                    return m.group(1);
                }));
            }
            List<String> numeros = new ArrayList<>();
            for (Future<String> f : futures) {
                numeros.add(f.get());
            }
            return numeros;
        } finally {
            pool.shutdownNow();
        }
    }
}
