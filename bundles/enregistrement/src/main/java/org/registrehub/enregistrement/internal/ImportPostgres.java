package org.registrehub.enregistrement.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.BilanLot;
import org.registrehub.api.LigneRejetee;
import org.registrehub.api.Personne;
import org.registrehub.api.RegistreException;
import org.registrehub.api.TravailImport;
import org.registrehub.api.registre.spi.ImportStore;
import org.registrehub.api.spi.BaseDeDonnees;
import org.registrehub.api.spi.JsonCodec;

/**
 * The bulk imports' persistence. A batch is one transaction: the duplicate checks of all its lines first (two
 * queries for the whole batch), then one set-based insert per table (demands, history, events, rejects: see
 * {@link LotImporte}), then the import's position, moved only forward: a batch written twice (two nodes resuming one
 * import) rolls back whole. This bundle's SQL ({@code ImportMapper.xml}) through the shared store core.
 */
@Component(service = ImportStore.class)
public class ImportPostgres implements ImportStore {

    private final BaseDeDonnees.Sessions store;
    private final JsonCodec json;

    @Activate
    public ImportPostgres(@Reference BaseDeDonnees base, @Reference JsonCodec json) {
        this.store = base.sessions(ImportMapper.class);
        this.json = json;
    }

    @Override
    public TravailImport ouvrir(String fichier, String empreinte, String format, String encodage, String lancePar,
                                String canal, Long total) {
        return store.executer("ouverture de l'import " + fichier, ImportMapper.class, m -> {
            TravailImport enCours = m.enCours(empreinte);
            return enCours != null ? enCours : m.travail(m.creer(fichier, empreinte, format, encodage, lancePar,
                    canal, total));
        });
    }

    @Override
    public Optional<TravailImport> dejaTermine(String empreinte) {
        return Optional.ofNullable(store.executer("imports de l'extrait", ImportMapper.class,
                m -> m.dernierTermine(empreinte)));
    }

    @Override
    public Optional<TravailImport> travail(long id) {
        return Optional.ofNullable(store.executer("import " + id, ImportMapper.class, m -> m.travail(id)));
    }

    @Override
    public List<TravailImport> travaux(int max) {
        return store.executer("liste des imports", ImportMapper.class, m -> m.travaux(max));
    }

    @Override
    public List<TravailImport> interrompus() {
        return store.executer("imports interrompus", ImportMapper.class, ImportMapper::interrompus);
    }

    @Override
    public Optional<String[]> correspondance(String numero) {
        Map<String, String> ligne = store.executer("correspondance de " + numero, ImportMapper.class,
                m -> m.correspondance(numero));
        return ligne == null ? Optional.empty()
                : Optional.of(new String[] {ligne.get("numero_unique"), ligne.get("ancien_numero")});
    }

    @Override
    public Set<String> dejaImportes(Collection<String> ancienNumeros) {
        if (ancienNumeros.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(store.executer("numéros départementaux déjà importés", ImportMapper.class,
                m -> m.dejaImportes(ancienNumeros.toArray(String[]::new))));
    }

    @Override
    public BilanLot ecrireLot(long importId, List<Importee> demandes, List<LigneRejetee> rejetsDeLecture,
                              int dejaImportees, long position) {
        return store.executerParLots("lot de l'import " + importId, session -> {
            ImportMapper imports = session.mapper(ImportMapper.class);
            List<LigneRejetee> rejets = new ArrayList<>(rejetsDeLecture);
            // departmental numbers imported since the batch was prepared (by the batch before it, written while this
            // one was prepared, or by another import of the same number)
            Set<String> importesDepuis = demandes.isEmpty() ? Set.of() : new HashSet<>(imports.dejaImportes(
                    demandes.stream().map(Importee::ancienNumero).toArray(String[]::new)));
            int deja = dejaImportees;
            Map<Long, String> doublons = doublons(imports, demandes);
            List<Importee> retenues = new ArrayList<>(demandes.size());
            Set<String> anciensDuLot = new HashSet<>();
            for (Importee i : demandes) {
                String doublon = doublons.get(i.ligne());
                if (importesDepuis.contains(i.ancienNumero())) {
                    deja++;
                } else if (doublon != null) {
                    rejets.add(new LigneRejetee(i.ligne(), i.ancienNumero(), "dossier.demandeur", doublon));
                } else if (!anciensDuLot.add(i.ancienNumero())) {
                    // the same departmental number twice in the extract: the first line is the one imported
                    deja++;
                } else {
                    retenues.add(i);
                }
            }
            // one statement per table for the whole batch (its statement triggers run once)
            if (!retenues.isEmpty()) {
                LotImporte lot = LotImporte.de(json, retenues);
                imports.insererDemandes(lot);
                imports.insererHistoriques(lot);
                imports.insererEvenements(lot);
            }
            int importees = retenues.size();
            if (!rejets.isEmpty()) {
                imports.insererRejets(importId, LotImporte.Rejets.de(rejets));
            }
            if (imports.avancer(importId, position, importees, deja, rejets.size()) == null) {
                throw new RegistreException("IMPORT_CONCURRENT", "Le lot de l'import " + importId + " jusqu'à la ligne "
                        + position + " a déjà été écrit (import repris ailleurs) : ce lot n'est pas écrit deux fois.");
            }
            return new BilanLot(importees, deja, rejets);
        });
    }

    /**
     * The lines that duplicate an active demand (its numéro) or an earlier line of the batch, with the message the
     * rejects report gives.
     */
    private static Map<Long, String> doublons(ImportMapper m, List<Importee> demandes) {
        Map<Long, String> resultat = new HashMap<>();
        if (demandes.isEmpty()) {
            return resultat;
        }
        int n = demandes.size();
        Long[] lignes = new Long[n];
        String[] noms = new String[n];
        String[] prenoms = new String[n];
        String[] dates = new String[n];
        String[] nirs = new String[n];
        Map<Long, String> ancienParLigne = new HashMap<>();
        for (int k = 0; k < n; k++) {
            Importee i = demandes.get(k);
            Personne p = i.demande().dossier().demandeur();
            lignes[k] = i.ligne();
            noms[k] = p.nom();
            prenoms[k] = p.prenoms();
            dates[k] = p.dateNaissance().toString();
            nirs[k] = p.nir();
            ancienParLigne.put(i.ligne(), i.ancienNumero());
        }
        for (ImportMapper.LigneDoublon d : m.doublonsExistants(lignes, noms, prenoms, dates, nirs)) {
            resultat.putIfAbsent(d.ligne(), "doublon présumé de la demande active " + d.autre() + " (même "
                    + (d.critere().equals("NIR") ? "NIR" : "nom, prénom et date de naissance") + ")");
        }
        for (ImportMapper.LigneDoublon d : m.doublonsInternes(lignes, noms, prenoms, dates, nirs)) {
            String autre = ancienParLigne.get(Long.parseLong(d.autre()));
            resultat.putIfAbsent(d.ligne(), "doublon présumé de la ligne " + d.autre() + (autre == null ? ""
                    : " (" + autre + ")") + " du même extrait (même " + (d.critere().equals("NIR") ? "NIR"
                    : "nom, prénom et date de naissance") + ")");
        }
        return resultat;
    }

    @Override
    public void terminer(long importId, String etat, String erreur) {
        store.executer("fin de l'import " + importId, ImportMapper.class, m -> m.terminer(importId, etat, erreur));
    }

    @Override
    public List<LigneRejetee> rejets(long importId) {
        return store.executer("rejets de l'import " + importId, ImportMapper.class, m -> m.rejets(importId));
    }
}
