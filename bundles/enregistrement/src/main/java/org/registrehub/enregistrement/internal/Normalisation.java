package org.registrehub.enregistrement.internal;

import java.util.List;

import org.registrehub.api.CoDemandeur;
import org.registrehub.api.Contact;
import org.registrehub.api.Dossier;
import org.registrehub.api.LogementRecherche;
import org.registrehub.api.Personne;
import org.registrehub.api.PersonneACharge;

/**
 * The only changes the register makes to what it receives, once the dossier is valid: surrounding and repeated
 * spaces, NIR and phone separators, email case. Nothing else is rewritten.
 */
final class Normalisation {

    private Normalisation() {
    }

    static Dossier dossier(Dossier d) {
        CoDemandeur co = d.coDemandeur() == null ? null
                : new CoDemandeur(personne(d.coDemandeur().personne()), d.coDemandeur().lien());
        List<PersonneACharge> enfants = d.personnesACharge() == null ? List.of() : d.personnesACharge().stream()
                .map(p -> new PersonneACharge(n(p.nom()), n(p.prenoms()), p.dateNaissance(), p.sexe(), p.lien()))
                .toList();
        Contact c = d.contact();
        Contact contact = new Contact(n(c.adresse()), n(c.codePostal()), n(c.ville()),
                vide(ValidateurDemande.normaliserTelephone(c.telephone())),
                c.email() == null || c.email().isBlank() ? null : c.email().strip().toLowerCase());
        LogementRecherche r = d.logementRecherche();
        LogementRecherche recherche = new LogementRecherche(List.copyOf(r.typologies()),
                r.communes().stream().map(String::strip).toList(), r.loyerMax(), r.ascenseur(), r.rezDeChaussee(),
                r.parking());
        return new Dossier(personne(d.demandeur()), co, enfants, contact, d.situationFamiliale(),
                d.ressources() == null ? List.of() : List.copyOf(d.ressources()), d.revenuFiscal(),
                d.logementActuel(), List.copyOf(d.motifs()), recherche, d.handicap());
    }

    private static Personne personne(Personne p) {
        return new Personne(n(p.nom()), n(p.prenoms()), p.dateNaissance(), vide(n(p.lieuNaissance())), p.sexe(),
                n(p.nationalite()), vide(ValidateurDemande.normaliserNir(p.nir())), p.situationProfessionnelle(),
                vide(n(p.employeur())));
    }

    private static String n(String valeur) {
        return ValidateurDemande.normaliser(valeur);
    }

    private static String vide(String valeur) {
        return valeur == null || valeur.isEmpty() ? null : valeur;
    }
}
