package org.registrehub.soap.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.registrehub.api.spi.FluxLimite;

/**
 * What a SOAP request may be before the XML parser sees it: at most {@code requete.tailleMaxOctets} bytes (HTTP 413
 * otherwise, at once when {@code Content-Length} says so, while reading otherwise), and no {@code DOCTYPE} in its
 * prolog (no DTD, hence no external entity nor entity expansion; HTTP 400 and a client fault {@code XML_INTERDIT}).
 */
public class EntreeSoapInterceptor extends AbstractPhaseInterceptor<Message> {

    static final String CODE_TAILLE = "REQUETE_TROP_VOLUMINEUSE";
    static final String CODE_XML = "XML_INTERDIT";
    private static final int PROLOGUE = 8192;

    private final long tailleMax;
    /** The limit of a deposerPiece request: a supporting document (MTOM) and its envelope. */
    private final long tailleMaxPiece;
    /** The JDK's own StAX, configured once (a configured factory is safe to share between threads). */
    private static final javax.xml.stream.XMLInputFactory PROLOGUES = prologues();

    private static javax.xml.stream.XMLInputFactory prologues() {
        javax.xml.stream.XMLInputFactory f = javax.xml.stream.XMLInputFactory.newDefaultFactory();
        f.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    public EntreeSoapInterceptor(long tailleMax) {
        this(tailleMax, tailleMax);
    }

    /**
     * @param tailleMaxPiece the limit of the operation deposerPiece (its SOAPAction), whose request carries a document
     */
    public EntreeSoapInterceptor(long tailleMax, long tailleMaxPiece) {
        super(Phase.RECEIVE);
        addAfter(AuthentificationSoapInterceptor.class.getName());
        this.tailleMax = tailleMax;
        this.tailleMaxPiece = Math.max(tailleMax, tailleMaxPiece);
    }

    /** deposerPiece, named by the SOAPAction header (SOAP 1.1) or the action of the content type (SOAP 1.2). */
    static boolean depotDePiece(Message message) {
        Object h = message.get(Message.PROTOCOL_HEADERS);
        if (h instanceof java.util.Map<?, ?> entetes) {
            for (java.util.Map.Entry<?, ?> e : entetes.entrySet()) {
                String nom = String.valueOf(e.getKey());
                if (("SOAPAction".equalsIgnoreCase(nom) || "Content-Type".equalsIgnoreCase(nom))
                        && String.valueOf(e.getValue()).contains("registre:v1:deposerPiece")) {
                    return true;
                }
            }
        }
        Object type = message.get(Message.CONTENT_TYPE);
        return type != null && type.toString().contains("registre:v1:deposerPiece");
    }

    @Override
    public void handleMessage(Message message) {
        InputStream in = message.getContent(InputStream.class);
        if (in == null) {
            return;
        }
        long limite = depotDePiece(message) ? tailleMaxPiece : tailleMax;
        long annoncee = longueur(message);
        if (annoncee > limite) {
            throw refus(413, CODE_TAILLE, message(annoncee, limite));
        }
        BufferedInputStream lu = new BufferedInputStream(new FluxLimite(in, limite,
                () -> refus(413, CODE_TAILLE, message(-1, limite))), PROLOGUE);
        try {
            lu.mark(PROLOGUE);
            byte[] debut = lu.readNBytes(PROLOGUE);
            lu.reset();
            if (doctype(debut)) {
                throw refus(400, CODE_XML, "Les déclarations DOCTYPE (DTD, entités) sont refusées dans une requête"
                        + " SOAP ; rien n'a été lu ni enregistré.");
            }
        } catch (IOException e) {
            throw new Fault(e);
        }
        message.setContent(InputStream.class, lu);
    }

    /**
     * A DOCTYPE before the first element, in whatever encoding the document is (UTF-8, UTF-16 with or without byte
     * order mark, Latin-1...): the JDK's own StAX parser reads the prolog, with DTD support and external entities off
     * (it reports a DOCTYPE without reading it). A prolog it cannot read to its first element (cut, malformed) is also
     * searched as text in the encodings a DOCTYPE could hide in.
     */
    static boolean doctype(byte[] debut) {
        try {
            javax.xml.stream.XMLStreamReader r = PROLOGUES.createXMLStreamReader(
                    new java.io.ByteArrayInputStream(debut));
            try {
                while (r.hasNext()) {
                    int evenement = r.next();
                    if (evenement == javax.xml.stream.XMLStreamConstants.DTD) {
                        return true;
                    }
                    if (evenement == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
                        return false;
                    }
                }
            } finally {
                r.close();
            }
        } catch (javax.xml.stream.XMLStreamException | RuntimeException illisible) {
            // cut or malformed before the first element: searched as text below
        }
        for (java.nio.charset.Charset c : List.of(StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16BE,
                StandardCharsets.UTF_16LE, java.nio.charset.Charset.forName("UTF-32BE"),
                java.nio.charset.Charset.forName("UTF-32LE"))) {
            if (doctype(new String(debut, c).replace("\uFEFF", ""))) {
                return true;
            }
        }
        return false;
    }

    /** A DOCTYPE before the first element of the document (comments and processing instructions skipped). */
    static boolean doctype(String debut) {
        int i = 0;
        while (true) {
            int lt = debut.indexOf('<', i);
            if (lt < 0 || lt + 1 >= debut.length()) {
                return false;
            }
            if (debut.startsWith("<?", lt)) {
                i = finDe(debut, "?>", lt);
            } else if (debut.startsWith("<!--", lt)) {
                i = finDe(debut, "-->", lt);
            } else {
                return debut.regionMatches(true, lt, "<!DOCTYPE", 0, 9);
            }
            if (i < 0) {
                return false;
            }
        }
    }

    private static int finDe(String texte, String fin, int depuis) {
        int j = texte.indexOf(fin, depuis);
        return j < 0 ? -1 : j + fin.length();
    }

    private String message(long taille, long limite) {
        return "La requête" + (taille >= 0 ? " fait " + taille + " octets ; elle" : "") + " dépasse la limite de "
                + limite + " octets du registre (" + (limite == tailleMax ? "requete.tailleMaxOctets"
                : "requete.tailleMaxPieceOctets") + ") ; rien n'a été enregistré.";
    }

    private static long longueur(Message message) {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> entetes = (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
        if (entetes != null) {
            for (Map.Entry<String, List<String>> e : entetes.entrySet()) {
                if ("Content-Length".equalsIgnoreCase(e.getKey()) && !e.getValue().isEmpty()) {
                    try {
                        return Long.parseLong(e.getValue().get(0).strip());
                    } catch (NumberFormatException ignored) {
                        return -1;
                    }
                }
            }
        }
        return -1;
    }

    /** A client fault with this HTTP status and the register's error detail. */
    static Fault refus(int statut, String code, String texte) {
        Fault fault = AuthentificationSoapInterceptor.refus(texte, code);
        fault.setStatusCode(statut);
        return fault;
    }
}
