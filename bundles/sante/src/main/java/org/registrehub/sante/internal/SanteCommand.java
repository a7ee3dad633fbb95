package org.registrehub.sante.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.registrehub.api.EtatSante;
import org.registrehub.api.SanteHub;

/**
 * {@code registre:sante}: whether the hub can serve, and the status of every component the installed features
 * declare (database, realm, broker, routes, channels), as {@code /api/v1/health} reports them.
 */
@Service
@Command(scope = "registre", name = "sante", description = "État du hub et de chacun de ses composants (base de"
        + " données, authentification, broker, routes, canaux)")
public class SanteCommand implements Action {

    @Reference(optional = true)
    SanteHub sante;

    @Override
    public Object execute() {
        if (sante == null) {
            throw new IllegalStateException("Le service de santé du hub n'est pas démarré : la fonctionnalité "
                    + "registre-sante est-elle installée (feature:list | grep registre-sante) ?");
        }
        SanteHub.Sante etat = sante.etat();
        System.out.println("Hub : " + etat.statut() + (etat.statut() == EtatSante.Statut.UP ? " (prêt à servir)"
                : " (pas prêt : " + etat.nonPrets().size() + " composant(s))"));
        ShellTable table = new ShellTable();
        table.column("Composant");
        table.column("État");
        table.column("Depuis");
        table.column("Détail").maxSize(140).wrap();
        etat.composants().forEach(e -> table.addRow().addContent(e.composant(), e.statut(), e.depuis(), e.message()));
        table.print(System.out);
        return null;
    }
}
