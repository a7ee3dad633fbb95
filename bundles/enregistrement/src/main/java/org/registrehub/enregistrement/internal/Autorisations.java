package org.registrehub.enregistrement.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Role;

/**
 * Who may do what on demands (CCH R441-2-5/-6): nominative data only for services enregistreurs, landlords and
 * gestionnaires of the demand's territory; observateurs and administrators never see a demand.
 *
 * <table>
 * <caption>Rights by role, always within the organisation's territories</caption>
 * <tr><th>role</th><th>read, search</th><th>register</th><th>modify, renew, reactivate</th><th>radiate</th></tr>
 * <tr><td>guichet</td><td>yes</td><td>under its own guichet code</td><td>yes</td><td>any reason</td></tr>
 * <tr><td>bailleur</td><td>yes</td><td>no</td><td>no</td><td>attribution, irrecevabilité (CAL)</td></tr>
 * <tr><td>gestionnaire</td><td>yes</td><td>any guichet code</td><td>yes</td><td>any reason</td></tr>
 * <tr><td>observateur, admin</td><td>no</td><td>no</td><td>no</td><td>no</td></tr>
 * </table>
 */
final class Autorisations {

    static final Set<Role> LECTEURS = EnumSet.of(Role.GUICHET, Role.BAILLEUR, Role.GESTIONNAIRE);
    static final Set<Role> ENREGISTREURS = EnumSet.of(Role.GUICHET, Role.GESTIONNAIRE);
    static final Set<Role> RADIATEURS = EnumSet.of(Role.GUICHET, Role.BAILLEUR, Role.GESTIONNAIRE);
    static final Set<Role> IMPORTATEURS = EnumSet.of(Role.GESTIONNAIRE, Role.ADMIN);
    private static final Set<MotifRadiation> MOTIFS_BAILLEUR = EnumSet.of(MotifRadiation.ATTRIBUTION,
            MotifRadiation.IRRECEVABILITE);

    private Autorisations() {
    }

    /** The caller holds one of the roles, or is refused before anything is read. */
    static void exigerRole(Contexte contexte, Set<Role> roles, String operation) {
        Identite i = contexte.identite();
        if (roles.stream().noneMatch(i::a)) {
            throw new AccesRefuseException("Accès refusé : " + operation + " exige le rôle "
                    + roles.stream().map(Role::nom).collect(Collectors.joining(" ou ")) + " ; « " + i.identifiant()
                    + " » a le rôle " + noms(i) + (i.a(Role.OBSERVATEUR) || i.a(Role.ADMIN)
                            ? " (aucune donnée nominative)." : "."));
        }
    }

    /** The demand (or the territory of a new one) is in the caller's territories. */
    static void exigerTerritoire(Contexte contexte, String territoire, String numeroUnique) {
        Identite i = contexte.identite();
        if (!i.couvre(territoire)) {
            throw new AccesRefuseException("Accès refusé : " + (numeroUnique == null ? "le territoire " + territoire
                    + " est" : "la demande " + numeroUnique + " relève du territoire " + territoire + ",")
                    + " hors des territoires de " + i.organisation().code() + " (" + territoires(i) + ").");
        }
    }

    /** The demand is in the caller's perimeter: its département, or (EPCI) one of its wished communes. */
    static void exigerPerimetre(Contexte contexte, Demande d) {
        exigerPerimetre(contexte, d.territoire(), d.dossier().logementRecherche().communes(), d.numeroUnique());
    }

    /** The caller's perimeter: the demand's département, or (EPCI) one of its wished communes. */
    static boolean dansPerimetre(Identite i, String territoire, List<String> communes) {
        return i.couvre(territoire) || communes != null && communes.stream().anyMatch(i::couvreCommune);
    }

    private static void exigerPerimetre(Contexte contexte, String territoire, List<String> communes, String numero) {
        if (dansPerimetre(contexte.identite(), territoire, communes)) {
            return;
        }
        exigerTerritoire(contexte, territoire, numero);
    }

    static void lire(Contexte contexte, Demande d) {
        exigerRole(contexte, LECTEURS, "la lecture d'une demande");
        exigerPerimetre(contexte, d);
    }

    static void changer(Contexte contexte, Demande d, String operation) {
        exigerRole(contexte, ENREGISTREURS, operation);
        exigerPerimetre(contexte, d);
    }

    /** Registration: a guichet registers under its own code; a gestionnaire under any code of its territory. */
    static void enregistrer(Contexte contexte, String guichet, String territoire, List<String> communes) {
        exigerRole(contexte, ENREGISTREURS, "l'enregistrement d'une demande");
        exigerPerimetre(contexte, territoire, communes, null);
        Identite i = contexte.identite();
        if (!i.a(Role.GESTIONNAIRE) && !guichet.equals(i.organisation().guichet())) {
            throw new AccesRefuseException("Accès refusé : " + i.organisation().code() + " enregistre sous son code"
                    + " de guichet " + (i.organisation().guichet() == null ? "(aucun code de guichet attribué)"
                            : i.organisation().guichet()) + ", pas sous " + guichet + ".");
        }
    }

    /** The caller's rights by its roles (the table above). */
    static org.registrehub.api.DroitsRegistre droits(Identite i) {
        boolean lire = LECTEURS.stream().anyMatch(i::a);
        boolean enregistrer = ENREGISTREURS.stream().anyMatch(i::a);
        Set<MotifRadiation> motifs = !RADIATEURS.stream().anyMatch(i::a) ? Set.of()
                : i.a(Role.GUICHET) || i.a(Role.GESTIONNAIRE) ? EnumSet.allOf(MotifRadiation.class) : MOTIFS_BAILLEUR;
        return new org.registrehub.api.DroitsRegistre(lire, enregistrer, enregistrer, motifs, i.a(Role.GESTIONNAIRE),
                IMPORTATEURS.stream().anyMatch(i::a));
    }

    /** The caller's rights on this demand: none outside its perimeter. */
    static org.registrehub.api.DroitsRegistre droits(Identite i, Demande d) {
        if (!dansPerimetre(i, d.territoire(), d.dossier().logementRecherche().communes())) {
            return new org.registrehub.api.DroitsRegistre(false, false, false, Set.of(), false, false);
        }
        return droits(i);
    }

    static void radier(Contexte contexte, Demande d, MotifRadiation motif) {
        exigerRole(contexte, RADIATEURS, "la radiation d'une demande");
        exigerPerimetre(contexte, d);
        Identite i = contexte.identite();
        if (!i.a(Role.GUICHET) && !i.a(Role.GESTIONNAIRE) && !MOTIFS_BAILLEUR.contains(motif)) {
            throw new AccesRefuseException("Accès refusé : un bailleur radie pour attribution ou pour irrecevabilité"
                    + " (décision de CAL), pas pour " + motif + ".");
        }
    }

    /**
     * What a search may cover.
     *
     * @param departements départements (null: none)
     * @param communes     wished communes of the caller's EPCI (null: none)
     */
    record Perimetre(Set<String> departements, Set<String> communes) {
    }

    /**
     * The perimeter of a search: the département asked for, which must be the caller's, or all the caller's
     * départements and the communes of its EPCI.
     */
    static Perimetre rechercher(Contexte contexte, String territoire) {
        exigerRole(contexte, LECTEURS, "la recherche de demandes");
        Identite i = contexte.identite();
        if (territoire != null) {
            exigerTerritoire(contexte, territoire, null);
            return new Perimetre(Set.of(territoire), null);
        }
        if (i.departements().isEmpty() && i.communes().isEmpty()) {
            throw new AccesRefuseException("Accès refusé : aucun territoire n'est accordé à " + i.organisation().code()
                    + " ; un gestionnaire peut en accorder.");
        }
        return new Perimetre(i.departements(), i.communes().isEmpty() ? null : i.communes());
    }

    private static String noms(Identite i) {
        return i.roles().stream().map(Role::nom).sorted().collect(Collectors.joining(", "));
    }

    private static String territoires(Identite i) {
        return i.territoires().isEmpty() ? "aucun" : String.join(", ", new TreeSet<>(i.territoires()));
    }
}
