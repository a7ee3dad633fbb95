package org.registrehub.console.internal;

import java.util.Comparator;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.registrehub.api.EtatSante;
import org.registrehub.api.SanteService;

/** {@code registre:health}: the status of every component that reports one (database, ...). */
@Service
@Command(scope = "registre", name = "health", description = "État des composants du hub (base de données, ...)")
public class HealthCommand implements Action {

    @Reference(optional = true)
    List<SanteService> composants;

    @Override
    public Object execute() {
        if (composants == null || composants.isEmpty()) {
            throw new IllegalStateException("Aucun composant ne publie son état : la fonctionnalité registre-store "
                    + "est-elle installée (feature:list | grep registre) ?");
        }
        ShellTable table = new ShellTable();
        table.column("Composant");
        table.column("État");
        table.column("Depuis");
        table.column("Détail").maxSize(140).wrap();
        composants.stream().map(SanteService::etat).sorted(Comparator.comparing(EtatSante::composant))
                .forEach(e -> table.addRow().addContent(e.composant(), e.statut(), e.depuis(), e.message()));
        table.print(System.out);
        return null;
    }
}
