package org.registrehub.departemental.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An XML extract: {@code <extrait>} holding {@code <demande>} elements whose children are the columns of the CSV
 * format ({@code <nom>}, {@code <date_depot>}...; {@code ancien_numero} may also be an attribute). Read with StAX,
 * streaming, DTDs and external entities refused; the encoding is the document's (its declaration, UTF-8 otherwise).
 * The line number of a demand is its rank in the extract.
 */
final class LecteurXml extends LecteurExtrait {

    private static final int TAILLE_VALEUR_MAX = 2000;

    private final InputStream source;
    private final XMLStreamReader xml;
    private final String encodage;
    private long rang;
    private LigneLue suivante;

    LecteurXml(InputStream source) {
        this.source = source;
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        try {
            xml = f.createXMLStreamReader(source);
            encodage = xml.getEncoding() == null ? "UTF-8" : xml.getEncoding().toUpperCase(Locale.ROOT);
        } catch (XMLStreamException e) {
            throw new ExtraitIllisible("XML illisible : " + e.getMessage(), e);
        }
    }

    String encodage() {
        return encodage;
    }

    @Override
    public boolean hasNext() {
        if (suivante == null) {
            suivante = lire();
        }
        return suivante != null;
    }

    @Override
    public LigneLue next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        LigneLue l = suivante;
        suivante = null;
        return l;
    }

    private LigneLue lire() {
        try {
            while (xml.hasNext()) {
                int e = xml.next();
                if (e == XMLStreamConstants.DTD || e == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new ExtraitIllisible("XML refusé : DTD et entités ne sont pas acceptées dans un extrait",
                            null);
                }
                if (e == XMLStreamConstants.START_ELEMENT && "demande".equals(xml.getLocalName())) {
                    rang++;
                    return convertir(rang, demande());
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw new ExtraitIllisible("XML mal formé après la demande " + rang + " : " + e.getMessage(), e);
        }
    }

    /** The children of a {@code <demande>} element, as columns. */
    private Map<String, String> demande() throws XMLStreamException {
        Map<String, String> valeurs = new HashMap<>();
        String attribut = xml.getAttributeValue(null, "ancienNumero");
        if (attribut == null) {
            attribut = xml.getAttributeValue(null, "ancien_numero");
        }
        if (attribut != null) {
            valeurs.put("ancien_numero", attribut);
        }
        int profondeur = 1;
        String champ = null;
        StringBuilder texte = new StringBuilder();
        while (profondeur > 0) {
            int e = xml.next();
            if (e == XMLStreamConstants.ENTITY_REFERENCE || e == XMLStreamConstants.DTD) {
                throw new ExtraitIllisible("XML refusé : DTD et entités ne sont pas acceptées dans un extrait", null);
            }
            if (e == XMLStreamConstants.START_ELEMENT) {
                profondeur++;
                champ = xml.getLocalName().toLowerCase(Locale.ROOT);
                texte.setLength(0);
            } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
                if (texte.length() < TAILLE_VALEUR_MAX) {
                    texte.append(xml.getText());
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                profondeur--;
                if (profondeur == 1 && champ != null) {
                    valeurs.put(champ, texte.toString());
                    champ = null;
                }
            }
        }
        return valeurs;
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            source.close();
        }
    }
}
