package org.registrehub.web.portail.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/**
 * The portal's pages: FreeMarker templates ({@code gabarits/*.ftlh}) in this bundle, HTML output with every value
 * escaped (the {@code .ftlh} output format), French locale.
 */
final class Gabarits {

    private final Configuration configuration;

    Gabarits() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassLoaderForTemplateLoading(Gabarits.class.getClassLoader(), "org/registrehub/web/portail/gabarits");
        c.setDefaultEncoding("UTF-8");
        c.setLocale(Locale.FRANCE);
        c.setTimeZone(TimeZone.getTimeZone("Europe/Paris"));
        c.setRecognizeStandardFileExtensions(true);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setNumberFormat("computer");
        this.configuration = c;
    }

    String rendre(String gabarit, Map<String, Object> modele) {
        StringWriter w = new StringWriter(8192);
        try {
            configuration.getTemplate(gabarit + ".ftlh").process(modele, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("gabarit " + gabarit + " : " + e.getMessage(), e);
        }
        return w.toString();
    }
}
