package org.registrehub.enregistrement.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.registrehub.api.LigneRejetee;
import org.registrehub.api.registre.spi.ImportStore.Importee;
import org.registrehub.api.spi.JsonCodec;

/**
 * An import batch as one array per column, for the set-based statements of {@code ImportMapper.xml}: each table gets
 * one {@code INSERT … SELECT … FROM unnest(…)} per batch, so that its statement triggers (statistics, matching, audit,
 * notices) run once over the whole batch instead of once per row or per driver chunk. Dates and instants travel as
 * their ISO text and are cast by the statement; the communes and typologies of a demand as an array literal.
 */
record LotImporte(
        // demande
        String[] numeros, String[] statuts, String[] guichets, String[] territoires, String[] datesDepot,
        String[] datesValidite, String[] datesRenouvellement, String[] noms, String[] prenoms,
        String[] datesNaissance, String[] communes, String[] typologies, String[] nirs, String[] dossiers,
        String[] canaux, String[] listesCommunes, String[] listesTypologies, String[] anciensNumeros,
        Long[] versions,
        // demande_historique
        Long[] versionsHistorique, String[] horodatages, String[] operations, String[] acteurs, String[] changements, String[] commentaires,
        // outbox
        String[] evenements, String[] types, String[] contenus) {

    static LotImporte de(JsonCodec json, List<Importee> importees) {
        int n = importees.size();
        LotImporte l = new LotImporte(new String[n], new String[n], new String[n], new String[n], new String[n],
                new String[n], new String[n], new String[n], new String[n], new String[n], new String[n],
                new String[n], new String[n], new String[n], new String[n], new String[n], new String[n],
                new String[n], new Long[n], new Long[n], new String[n], new String[n], new String[n], new String[n],
                new String[n], new String[n], new String[n], new String[n]);
        for (int k = 0; k < n; k++) {
            Importee i = importees.get(k);
            LigneDemande d = RegistrePostgres.ligne(json, i.demande(), 0, i.creation().canal());
            l.numeros[k] = d.numeroUnique();
            l.statuts[k] = d.statut();
            l.guichets[k] = d.guichet();
            l.territoires[k] = d.territoire();
            l.datesDepot[k] = texte(d.dateDepot());
            l.datesValidite[k] = texte(d.dateValidite());
            l.datesRenouvellement[k] = texte(d.dateDernierRenouvellement());
            l.noms[k] = d.nom();
            l.prenoms[k] = d.prenoms();
            l.datesNaissance[k] = texte(d.dateNaissance());
            l.communes[k] = d.commune();
            l.typologies[k] = d.typologie();
            l.nirs[k] = d.nir();
            l.dossiers[k] = d.dossier();
            l.canaux[k] = d.canal();
            l.listesCommunes[k] = litteral(d.communes());
            l.listesTypologies[k] = litteral(d.typologies());
            l.anciensNumeros[k] = i.ancienNumero();
            l.versions[k] = d.version();
            LigneHistorique h = RegistrePostgres.ligne(json, d.numeroUnique(), i.creation());
            l.versionsHistorique[k] = h.version();
            l.horodatages[k] = h.horodatage().toString();
            l.operations[k] = h.operation();
            l.acteurs[k] = h.acteur();
            l.changements[k] = h.changements();
            l.commentaires[k] = h.commentaire();
            l.evenements[k] = i.evenement().evenementId().toString();
            l.types[k] = i.evenement().type();
            l.contenus[k] = i.evenement().contenu();
        }
        return l;
    }

    /** The rejects of a batch, one array per column. */
    record Rejets(Long[] lignes, String[] anciensNumeros, String[] champs, String[] motifs) {

        static Rejets de(List<LigneRejetee> rejets) {
            int n = rejets.size();
            Rejets r = new Rejets(new Long[n], new String[n], new String[n], new String[n]);
            for (int k = 0; k < n; k++) {
                LigneRejetee l = rejets.get(k);
                r.lignes[k] = l.ligne();
                r.anciensNumeros[k] = l.ancienNumero();
                r.champs[k] = l.champ();
                r.motifs[k] = l.motif();
            }
            return r;
        }
    }

    private static String texte(Object valeur) {
        return valeur == null ? null : valeur.toString();
    }

    /** A PostgreSQL array literal of these texts, each quoted (and its quotes and backslashes escaped). */
    static String litteral(String[] valeurs) {
        return java.util.Arrays.stream(valeurs)
                .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
