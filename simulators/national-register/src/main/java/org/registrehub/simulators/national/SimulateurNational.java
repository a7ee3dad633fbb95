package org.registrehub.simulators.national;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.postgresql.ds.PGSimpleDataSource;
import org.registrehub.simulators.national.StockageNational.Ligne;
import org.registrehub.simulators.national.StockageNational.Recu;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The national register simulator: the SOAP service at {@code /ws/national/v1} (WSDL at {@code ?wsdl}) and a control
 * endpoint at {@code /pilotage} (see {@link #main}), on one HTTP port, with its storage in a PostgreSQL database of
 * its own. Tests start it in their JVM and drive it through this class.
 */
public final class SimulateurNational implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulateurNational.class);
    public static final String CHEMIN_SERVICE = "/ws/national/v1";

    private final Server serveur;
    private final Bus bus;
    private final StockageNational stockage;
    private final Comportement comportement = new Comportement();
    private final ServiceNational service;

    private SimulateurNational(String hote, int port, String urlBase, String utilisateur, String motDePasse)
            throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(urlBase);
        ds.setUser(utilisateur);
        ds.setPassword(motDePasse);
        stockage = new StockageNational(ds);
        stockage.creerSchema();

        serveur = new Server(new InetSocketAddress(hote, port));
        ServletContextHandler contexte = new ServletContextHandler();
        contexte.setContextPath("/");
        CXFNonSpringServlet cxf = new CXFNonSpringServlet();
        bus = BusFactory.newInstance().createBus();
        cxf.setBus(bus);
        contexte.addServlet(new ServletHolder(cxf), "/ws/*");
        contexte.addFilter(new FilterHolder(new FiltrePannes()), "/ws/*", EnumSet.of(DispatcherType.REQUEST));
        contexte.addServlet(new ServletHolder(new Pilotage()), "/pilotage/*");
        serveur.setHandler(contexte);
        serveur.start();

        JaxWsServerFactoryBean fabrique = new JaxWsServerFactoryBean();
        fabrique.setBus(bus);
        service = new ServiceNational(stockage, comportement);
        fabrique.setServiceBean(service);
        fabrique.setAddress("/national/v1");
        fabrique.create();
        LOG.info("Simulateur du registre national sur {} (base {})", url(), urlBase);
    }

    /**
     * Starts a simulator on this address (port 0: a free one) with its storage in this database (created if
     * missing, and its schema too).
     */
    public static SimulateurNational demarrer(String hote, int port, String urlBase, String utilisateur,
                                              String motDePasse) throws Exception {
        creerBaseSiAbsente(urlBase, utilisateur, motDePasse);
        return new SimulateurNational(hote, port, urlBase, utilisateur, motDePasse);
    }

    public int port() {
        return ((ServerConnector) serveur.getConnectors()[0]).getLocalPort();
    }

    /** URL of the SOAP endpoint. */
    public String url() {
        return "http://127.0.0.1:" + port() + CHEMIN_SERVICE;
    }

    public Comportement comportement() {
        return comportement;
    }

    public StockageNational stockage() {
        return stockage;
    }

    /** Another system (a guichet elsewhere, or the national register itself) radiates a demand. */
    public void radierAilleurs(String numero, String motif, LocalDate date, String origine, String commentaire)
            throws SQLException {
        stockage.radier(numero, motif, date, origine, commentaire, null, null);
    }

    /** Another system radiates a demand for attribution: a lease signed with a landlord of another territory. */
    public void attribuerAilleurs(String numero, LocalDate date, String origine, StockageNational.Bail bail)
            throws SQLException {
        stockage.radier(numero, "ATTRIBUTION", date, origine, "bail signé", bail, null);
    }

    /** The national register finds that two demands are the same household's. */
    public void signalerDoublon(String numero, String autre, String critere, String origine) throws SQLException {
        stockage.fait("DOUBLON", numero, autre, critere, LocalDate.now(), origine);
    }

    /** A DALO recourse declared elsewhere on a demand. */
    public void declarerDalo(String numero, LocalDate date, String decision, String origine) throws SQLException {
        stockage.fait("DALO", numero, decision, origine, date, origine);
    }

    /**
     * Whether the number was handed out here by {@code obtenirNumero} (the hub numbered nationally), not learnt from
     * a movement of a demand the hub numbered itself.
     */
    public boolean aAttribue(String numero) {
        return service.aAttribue(numero);
    }

    public List<Recu> mouvements(String numero) throws SQLException {
        return stockage.recus(numero);
    }

    public Optional<Ligne> demande(String numero) throws SQLException {
        return stockage.lire(numero);
    }

    @Override
    public void close() throws Exception {
        serveur.stop();
        bus.shutdown(true);
    }

    /** Answers HTTP 503 to the SOAP calls while the simulated service is down; waits in slow mode. */
    private final class FiltrePannes implements Filter {
        @Override
        public void init(javax.servlet.FilterConfig config) {
            // nothing to configure
        }

        @Override
        public void destroy() {
            // nothing held
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse rep, FilterChain chaine)
                throws IOException, ServletException {
            if ("POST".equals(((HttpServletRequest) req).getMethod())) {
                boolean accepte;
                try {
                    accepte = comportement.accepter();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    accepte = false;
                }
                if (!accepte) {
                    HttpServletResponse r = (HttpServletResponse) rep;
                    r.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                    r.setContentType("text/plain;charset=UTF-8");
                    r.getWriter().write("registre national indisponible (panne simulée)\n");
                    return;
                }
            }
            chaine.doFilter(req, rep);
        }
    }

    /**
     * {@code GET /pilotage}: mode and counters; {@code POST /pilotage/mode?valeur=NORMAL|LENT|PANNE|ERREUR[&delaiMs=]};
     * {@code POST /pilotage/echecs?n=}; {@code POST /pilotage/radiation?numero=&motif=[&origine=&commentaire=&motifIrrecevabilite=]
     * [&bailleur=&rpls=&reservataire=&dalo=]};
     * {@code POST /pilotage/doublon?numero=&autre=[&critere=&origine=]};
     * {@code POST /pilotage/dalo?numero=[&date=&decision=&origine=]}; {@code GET /pilotage/mouvements[?numero=]}.
     */
    private final class Pilotage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse rep) throws IOException {
            rep.setContentType("text/plain;charset=UTF-8");
            PrintWriter out = rep.getWriter();
            String chemin = req.getPathInfo() == null ? "/" : req.getPathInfo();
            try {
                if ("/mouvements".equals(chemin)) {
                    for (Recu r : stockage.recus(req.getParameter("numero"))) {
                        out.printf("%d %s %s v%d %s %s%n", r.ordre(), r.type(), r.numeroUnique(), r.version(),
                                r.evenementId(), r.origine());
                    }
                } else {
                    out.printf("mode %s%ndelaiMs %d%nappels %d%nrefus %d%n", comportement.mode(),
                            comportement.delaiMs(), comportement.appels(), comportement.refuses());
                }
            } catch (SQLException e) {
                rep.setStatus(500);
                out.println(e.getMessage());
            }
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse rep) throws IOException {
            rep.setContentType("text/plain;charset=UTF-8");
            String chemin = req.getPathInfo() == null ? "/" : req.getPathInfo();
            String origine = Optional.ofNullable(req.getParameter("origine")).orElse("pilotage");
            try {
                switch (chemin) {
                    case "/mode" -> {
                        Comportement.Mode mode = Comportement.Mode.valueOf(requis(req, "valeur"));
                        if (mode == Comportement.Mode.LENT && req.getParameter("delaiMs") != null) {
                            comportement.lent(Long.parseLong(req.getParameter("delaiMs")));
                        } else {
                            comportement.mode(mode);
                        }
                    }
                    case "/echecs" -> comportement.echouer(Integer.parseInt(requis(req, "n")));
                    case "/radiation" -> stockage.radier(requis(req, "numero"), requis(req, "motif"),
                            LocalDate.now(), origine, req.getParameter("commentaire"),
                            req.getParameter("bailleur") == null ? null : new StockageNational.Bail(
                                    req.getParameter("bailleur"), requis(req, "rpls"), requis(req, "reservataire"),
                                    Boolean.parseBoolean(req.getParameter("dalo"))),
                            req.getParameter("motifIrrecevabilite"));
                    case "/doublon" -> signalerDoublon(requis(req, "numero"), requis(req, "autre"),
                            Optional.ofNullable(req.getParameter("critere")).orElse("IDENTITE"), origine);
                    case "/dalo" -> declarerDalo(requis(req, "numero"), Optional.ofNullable(req.getParameter("date"))
                            .map(LocalDate::parse).orElse(LocalDate.now()), req.getParameter("decision"), origine);
                    default -> {
                        rep.sendError(404, "inconnu : " + chemin);
                        return;
                    }
                }
                rep.getWriter().println("ok");
            } catch (IllegalArgumentException | SQLException e) {
                rep.setStatus(400);
                rep.getWriter().println(e.getMessage());
            }
        }

        private String requis(HttpServletRequest req, String nom) {
            String v = req.getParameter(nom);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException("paramètre " + nom + " requis");
            }
            return v;
        }
    }

    private static void creerBaseSiAbsente(String url, String utilisateur, String motDePasse) throws SQLException {
        int fin = url.indexOf('?') < 0 ? url.length() : url.indexOf('?');
        String nom = url.substring(url.lastIndexOf('/') + 1, fin);
        String serveur = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(serveur, utilisateur, motDePasse);
             PreparedStatement p = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            p.setString(1, nom);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    return;
                }
            }
            if (!nom.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("nom de base invalide : " + nom);
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + nom);
            }
        }
    }

    /**
     * Standalone: {@code mvn -pl simulators/national-register exec:java} (or java -cp ...). Properties (-D or
     * environment): {@code national.port} / NATIONAL_PORT (8282), {@code national.hote} / NATIONAL_HOTE (127.0.0.1),
     * {@code national.db.url} / NATIONAL_DB_URL (jdbc:postgresql://127.0.0.1:5432/registre_national),
     * {@code national.db.user} / NATIONAL_DB_USER (postgres), NATIONAL_DB_PASSWORD. Stops on Ctrl-C.
     */
    public static void main(String[] args) throws Exception {
        SimulateurNational s = demarrer(parametre("national.hote", "NATIONAL_HOTE", "127.0.0.1"),
                Integer.parseInt(parametre("national.port", "NATIONAL_PORT", "8282")),
                parametre("national.db.url", "NATIONAL_DB_URL", "jdbc:postgresql://127.0.0.1:5432/registre_national"),
                parametre("national.db.user", "NATIONAL_DB_USER", "postgres"),
                parametre("national.db.password", "NATIONAL_DB_PASSWORD", ""));
        System.out.println("Registre national simulé : " + s.url() + "  (WSDL : " + s.url() + "?wsdl ; pilotage : "
                + "http://127.0.0.1:" + s.port() + "/pilotage)");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                s.close();
            } catch (Exception e) {
                LOG.warn("arrêt du simulateur", e);
            }
        }));
        s.serveur.join();
    }

    private static String parametre(String propriete, String variable, String defaut) {
        String v = System.getProperty(propriete);
        if (v == null) {
            v = System.getenv(variable);
        }
        return v == null || v.isBlank() ? defaut : v;
    }
}
