package org.registrehub.console.commun;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.registrehub.api.CriteresRecherche;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreService;
import org.registrehub.api.ResumeDemande;
import org.registrehub.api.Tri;

/**
 * Completes a numéro unique from its first characters (at least {@value #PREFIXE_MIN}: the territory), with the first
 * {@value #PROPOSITIONS} matching numéros of the register.
 */
@Service
public class NumeroUniqueCompleter implements Completer {

    public static final int PREFIXE_MIN = 3;
    public static final int PROPOSITIONS = 20;
    private static final Pattern PREFIXE = Pattern.compile("^[0-9A-Z]{" + PREFIXE_MIN + ",17}$");

    @Reference
    protected RegistreService registre;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String argument = commandLine.getCursorArgument();
        String prefixe = argument == null ? "" : argument.substring(0, commandLine.getArgumentPosition()).toUpperCase();
        if (!PREFIXE.matcher(prefixe).matches()) {
            return -1;
        }
        if (Sessions.identite().isEmpty()) {
            return -1; // no register account in this session: nothing to propose
        }
        try {
            List<String> numeros = registre.rechercher(new CriteresRecherche(prefixe, null, null, null, null, null,
                    null, null, null, null, null, null), new Tri(Tri.Champ.NUMERO_UNIQUE, true), 0, PROPOSITIONS,
                    Sessions.contexte())
                    .demandes().stream().map(ResumeDemande::numeroUnique).toList();
            return new StringsCompleter(numeros).complete(session, commandLine, candidates);
        } catch (RegistreException e) {
            return -1; // no completion while the register is unavailable
        }
    }
}
