package org.registrehub.soap.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The DOCTYPE check of the SOAP requests' prolog. */
public class EntreeSoapInterceptorTest {

    @Test
    public void aDoctypeBeforeTheFirstElementIsFoundWhateverComesBeforeIt() {
        assertTrue(EntreeSoapInterceptor.doctype("<!DOCTYPE foo [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a/>"));
        assertTrue(EntreeSoapInterceptor.doctype("<?xml version=\"1.0\"?>\n<!-- c -->\n<!doctype foo><a/>"));
        assertTrue(EntreeSoapInterceptor.doctype("  <?xml version=\"1.0\"?><?pi x?><!DOCTYPE a SYSTEM \"x.dtd\"><a/>"));
    }

    @Test
    public void aPlainEnvelopeOrTheWordInTheBodyIsNoDoctype() {
        assertFalse(EntreeSoapInterceptor.doctype("<?xml version=\"1.0\"?><soapenv:Envelope><soapenv:Body>"
                + "<r:x>&lt;!DOCTYPE</r:x></soapenv:Body></soapenv:Envelope>"));
        assertFalse(EntreeSoapInterceptor.doctype("<a><!DOCTYPE x></a>"));
        assertFalse(EntreeSoapInterceptor.doctype(""));
        assertFalse(EntreeSoapInterceptor.doctype("<!-- never closed"));
    }

    @org.junit.Test
    public void aDoctypeIsFoundInEveryEncodingTheParserReads() {
        String doc = "<?xml version=\"1.0\" encoding=\"ENC\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>&e;</soap:Body>"
                + "</soap:Envelope>";
        for (java.nio.charset.Charset c : java.util.List.of(java.nio.charset.StandardCharsets.UTF_16,
                java.nio.charset.StandardCharsets.UTF_16LE, java.nio.charset.StandardCharsets.UTF_16BE,
                java.nio.charset.StandardCharsets.UTF_8, java.nio.charset.StandardCharsets.ISO_8859_1,
                java.nio.charset.Charset.forName("UTF-32"))) {
            assertTrue(c.name(), EntreeSoapInterceptor.doctype(doc.replace("ENC", c.name()).getBytes(c)));
            String sain = "<?xml version=\"1.0\" encoding=\"" + c.name() + "\"?><soap:Envelope"
                    + " xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body/></soap:Envelope>";
            assertFalse(c.name(), EntreeSoapInterceptor.doctype(sain.getBytes(c)));
        }
    }
}
