package org.registrehub.web.commun;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;

/**
 * The pages of a web bundle: its own FreeMarker templates (a folder of {@code *.ftlh} in the bundle), then the shared
 * ones of this package ({@code org/registrehub/web/commun/gabarits}: form fields, the demand's sections). HTML output
 * with every value escaped (the {@code .ftlh} output format), French locale, Paris time.
 */
public final class Gabarits {

    /** Where the shared templates are, in every bundle that embeds this package. */
    public static final String COMMUNS = "org/registrehub/web/commun/gabarits";

    private final Configuration configuration;

    /**
     * @param ancre   a class of the web bundle (its class loader finds the templates)
     * @param dossier the bundle's folder of templates, e.g. {@code org/registrehub/web/portail/gabarits}
     */
    public Gabarits(Class<?> ancre, String dossier) {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {
            new ClassTemplateLoader(ancre.getClassLoader(), dossier),
            new ClassTemplateLoader(Gabarits.class.getClassLoader(), COMMUNS)}));
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setURLEscapingCharset("UTF-8");
        c.setLocale(Locale.FRANCE);
        c.setTimeZone(TimeZone.getTimeZone("Europe/Paris"));
        c.setRecognizeStandardFileExtensions(true);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setNumberFormat("computer");
        // a demand's field in plain words, from its path: ${libelleChamp("dossier.demandeur.nom")}, and a value of it
        c.setSharedVariable("libelleChamp", (TemplateMethodModelEx) a -> LibellesChamps.libelle(texte(a, 0)));
        c.setSharedVariable("valeurChamp", (TemplateMethodModelEx) a -> LibellesChamps.valeur(texte(a, 0),
                texte(a, 1)));
        this.configuration = c;
    }

    private static String texte(java.util.List<?> arguments, int i) throws TemplateModelException {
        if (arguments.size() <= i || arguments.get(i) == null) {
            return null;
        }
        Object a = arguments.get(i);
        return a instanceof TemplateScalarModel t ? t.getAsString() : a.toString();
    }

    public String rendre(String gabarit, Map<String, Object> modele) {
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
