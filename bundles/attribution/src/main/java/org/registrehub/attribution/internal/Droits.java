package org.registrehub.attribution.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.Contexte;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Role;
import org.registrehub.api.attribution.LogementOffert;
import org.registrehub.api.attribution.spi.LogementStore;

/**
 * Who may do what with an offered dwelling.
 *
 * <table>
 * <caption>Rights on offered dwellings</caption>
 * <tr><th>who</th><th>declare, withdraw</th><th>read, match</th></tr>
 * <tr><td>bailleur</td><td>its own dwellings, in its territories</td><td>its own dwellings</td></tr>
 * <tr><td>réservataire (its organisation named on the dwelling; guichet, bailleur or gestionnaire)</td><td>no</td>
 * <td>the dwellings reserved for it</td></tr>
 * <tr><td>gestionnaire</td><td>any dwelling of its territories</td><td>any dwelling of its territories</td></tr>
 * <tr><td>observateur, admin</td><td>no</td><td>no</td></tr>
 * </table>
 */
final class Droits {

    static final Set<Role> DECLARANTS = EnumSet.of(Role.BAILLEUR, Role.GESTIONNAIRE);
    static final Set<Role> LECTEURS = EnumSet.of(Role.BAILLEUR, Role.GESTIONNAIRE, Role.GUICHET);

    private Droits() {
    }

    static void exigerRole(Contexte contexte, Set<Role> roles, String operation) {
        Identite i = contexte.identite();
        if (roles.stream().noneMatch(i::a)) {
            throw new AccesRefuseException("Accès refusé : " + operation + " exige le rôle " + roles.stream()
                    .map(Role::nom).collect(Collectors.joining(" ou ")) + " ; « " + i.identifiant() + " » a le rôle "
                    + i.roles().stream().map(Role::nom).sorted().collect(Collectors.joining(", ")) + ".");
        }
    }

    /** The dwelling's commune or département is one of the caller's territories. */
    static boolean couvre(Identite i, String territoire, String commune) {
        return i.couvre(territoire) || i.couvreCommune(commune);
    }

    /** A landlord declares its own dwellings in its territories; a gestionnaire any landlord's in its territories. */
    static void declarer(Contexte contexte, String bailleur, String territoire, String commune) {
        exigerRole(contexte, DECLARANTS, "la déclaration d'un logement");
        Identite i = contexte.identite();
        if (!i.a(Role.GESTIONNAIRE) && !bailleur.equals(i.organisation().code())) {
            throw new AccesRefuseException("Accès refusé : " + i.organisation().code() + " déclare ses propres"
                    + " logements, pas ceux de " + bailleur + ".");
        }
        if (!couvre(i, territoire, commune)) {
            throw new AccesRefuseException("Accès refusé : la commune " + commune + " (département " + territoire
                    + ") est hors des territoires de " + i.organisation().code() + " (" + territoires(i) + ").");
        }
    }

    /** Withdraw: the dwelling's landlord, or a gestionnaire of its territory. */
    static void changer(Contexte contexte, LogementOffert l, String operation) {
        exigerRole(contexte, DECLARANTS, operation);
        if (!change(contexte.identite(), l)) {
            throw new AccesRefuseException("Accès refusé : le logement " + l.identifiantRpls() + " relève de "
                    + l.bailleur() + " (commune " + l.commune() + ") ; " + operation + " revient à son bailleur ou à un"
                    + " gestionnaire de son territoire.");
        }
    }

    /** The dwelling's landlord or a gestionnaire of its territory: who withdraws it, puts it before a commission. */
    static boolean change(Identite i, LogementOffert l) {
        boolean bailleur = i.a(Role.BAILLEUR) && l.bailleur().equals(i.organisation().code());
        boolean gestionnaire = i.a(Role.GESTIONNAIRE) && couvre(i, l.territoire(), l.commune());
        return bailleur || gestionnaire;
    }

    /** What the roles allow, without a dwelling: the menu of a screen. */
    static org.registrehub.api.attribution.DroitsAttribution droits(Identite i) {
        boolean declarant = DECLARANTS.stream().anyMatch(i::a);
        return new org.registrehub.api.attribution.DroitsAttribution(LECTEURS.stream().anyMatch(i::a), declarant,
                declarant);
    }

    /** What the user may do now with a dwelling: the checks of the operations, and an open offer. */
    static org.registrehub.api.attribution.ActionsLogement actions(Identite i, LogementOffert l) {
        boolean ouverte = l.statut().ouverte();
        boolean declarant = DECLARANTS.stream().anyMatch(i::a);
        boolean lecteur = LECTEURS.stream().anyMatch(i::a) && voit(i, l);
        boolean change = declarant && change(i, l);
        return new org.registrehub.api.attribution.ActionsLogement(ouverte && change, ouverte && lecteur,
                ouverte && change);
    }

    /** Read and match: its landlord, its réservataire, a gestionnaire of its territory. */
    static void lire(Contexte contexte, LogementOffert l) {
        exigerRole(contexte, LECTEURS, "la consultation d'un logement offert");
        if (!voit(contexte.identite(), l)) {
            throw new AccesRefuseException("Accès refusé : le logement " + l.identifiantRpls() + " (bailleur "
                    + l.bailleur() + ", réservataire " + l.reservataire().organisation() + ", commune " + l.commune()
                    + ") n'est ni à " + contexte.identite().organisation().code() + " ni réservé pour elle, ni dans"
                    + " ses territoires de gestionnaire.");
        }
    }

    static boolean voit(Identite i, LogementOffert l) {
        String organisation = i.organisation().code();
        return l.bailleur().equals(organisation) && i.a(Role.BAILLEUR)
                || l.reservataire().organisation().equals(organisation)
                || i.a(Role.GESTIONNAIRE) && couvre(i, l.territoire(), l.commune());
    }

    /** What a list of offers covers for this caller. */
    static LogementStore.Perimetre perimetre(Contexte contexte) {
        exigerRole(contexte, LECTEURS, "la liste des logements offerts");
        Identite i = contexte.identite();
        boolean gestionnaire = i.a(Role.GESTIONNAIRE);
        return new LogementStore.Perimetre(i.organisation().code(), gestionnaire ? i.departements() : Set.of(),
                gestionnaire ? i.communes() : Set.of());
    }

    private static String territoires(Identite i) {
        return i.territoires().isEmpty() ? "aucun" : String.join(", ", new TreeSet<>(i.territoires()));
    }
}
