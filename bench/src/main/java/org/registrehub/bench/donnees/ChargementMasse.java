package org.registrehub.bench.donnees;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.IntConsumer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.registrehub.api.Demande;
import org.registrehub.api.spi.JsonCodec;

/**
 * Loads generated demands into a hub database (schema migrated by the hub) with PostgreSQL {@code COPY}, in batches,
 * then sets the numbering counters after the highest generated sequence, so that the hub goes on registering
 * without collision.
 */
public final class ChargementMasse {

    static final String COLONNES = "numero_unique, statut, guichet, territoire, date_depot, date_validite, "
            + "date_dernier_renouvellement, version, nom, prenoms, date_naissance, commune, typologie, nir, dossier, "
            + "motif_radiation, date_radiation, radiation, canal_creation, communes, typologies";

    private final JsonCodec json;

    public ChargementMasse(JsonCodec json) {
        this.json = json;
    }

    /**
     * @param progression called with the number of rows loaded after each batch
     * @return rows loaded
     */
    public long charger(Connection connexion, GenerateurDemandes generateur, int nombre, int lot,
                        IntConsumer progression) throws SQLException, IOException {
        CopyManager copie = connexion.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder tampon = new StringBuilder();
        int charges = 0;
        while (charges < nombre) {
            int taille = Math.min(lot, nombre - charges);
            tampon.setLength(0);
            for (int i = 0; i < taille; i++) {
                ligne(generateur.suivante(), tampon);
            }
            try (Reader lecteur = new StringReader(tampon.toString())) {
                copie.copyIn("COPY demande (" + COLONNES + ") FROM STDIN WITH (FORMAT text)", lecteur);
            }
            charges += taille;
            progression.accept(charges);
        }
        compteurs(connexion, generateur.sequences());
        return charges;
    }

    private static void compteurs(Connection connexion, Map<String, Integer> sequences) throws SQLException {
        try (PreparedStatement s = connexion.prepareStatement("INSERT INTO compteur_numero (territoire, mois_annee, "
                + "dernier) VALUES (?, ?, ?) ON CONFLICT (territoire, mois_annee) DO UPDATE SET dernier = "
                + "GREATEST(compteur_numero.dernier, EXCLUDED.dernier)")) {
            for (Map.Entry<String, Integer> e : sequences.entrySet()) {
                s.setString(1, e.getKey().substring(0, 3));
                s.setString(2, e.getKey().substring(4));
                s.setInt(3, e.getValue());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** One row in COPY text format: tab-separated, \N for null, backslashes and control characters escaped. */
    void ligne(Demande d, StringBuilder sb) {
        var demandeur = d.dossier().demandeur();
        var recherche = d.dossier().logementRecherche();
        champ(sb, d.numeroUnique()).append('\t');
        champ(sb, d.statut().name()).append('\t');
        champ(sb, d.guichet()).append('\t');
        champ(sb, d.territoire()).append('\t');
        champ(sb, d.dateDepot()).append('\t');
        champ(sb, d.dateValidite()).append('\t');
        champ(sb, d.dateDernierRenouvellement()).append('\t');
        champ(sb, d.version()).append('\t');
        champ(sb, demandeur.nom()).append('\t');
        champ(sb, demandeur.prenoms()).append('\t');
        champ(sb, demandeur.dateNaissance()).append('\t');
        champ(sb, recherche.communes().get(0)).append('\t');
        champ(sb, recherche.typologies().get(0).name()).append('\t');
        champ(sb, demandeur.nir()).append('\t');
        champ(sb, json.ecrire(d.dossier())).append('\t');
        champ(sb, d.radiation() == null ? null : d.radiation().motif().name()).append('\t');
        champ(sb, d.radiation() == null ? null : d.radiation().date()).append('\t');
        champ(sb, d.radiation() == null ? null : json.ecrire(d.radiation())).append('\t');
        champ(sb, "IMPORT").append('\t');
        champ(sb, "{" + String.join(",", recherche.communes()) + "}").append('\t');
        champ(sb, "{" + String.join(",", recherche.typologies().stream().map(Enum::name).toList()) + "}").append('\n');
    }

    private static StringBuilder champ(StringBuilder sb, Object valeur) {
        if (valeur == null) {
            return sb.append("\\N");
        }
        String texte = valeur.toString();
        for (int i = 0; i < texte.length(); i++) {
            char c = texte.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb;
    }
}
