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
}
