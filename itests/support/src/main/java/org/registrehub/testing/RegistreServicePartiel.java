package org.registrehub.testing;

import java.util.List;
import java.util.Optional;

import org.registrehub.api.Contexte;
import org.registrehub.api.CriteresRecherche;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.Dossier;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.PageDemandes;
import org.registrehub.api.RegistreService;
import org.registrehub.api.Tri;

/**
 * Base of the test doubles of {@link RegistreService} in channel tests (SOAP mapping, routes): a test overrides the
 * operations its channel calls; any other call fails the test loudly.
 */
public abstract class RegistreServicePartiel implements RegistreService {

    private static UnsupportedOperationException nonPrevu(String operation) {
        return new UnsupportedOperationException(operation + " n'est pas attendu par ce test");
    }

    @Override
    public Demande enregistrer(NouvelleDemande demande, Contexte contexte) {
        throw nonPrevu("enregistrer");
    }

    @Override
    public List<ErreurChamp> verifier(NouvelleDemande demande) {
        throw nonPrevu("verifier");
    }

    @Override
    public Optional<Demande> consulter(String numeroUnique, Contexte contexte) {
        throw nonPrevu("consulter");
    }

    @Override
    public Demande modifier(String numeroUnique, long version, Dossier dossier, Contexte contexte) {
        throw nonPrevu("modifier");
    }

    @Override
    public Demande renouveler(String numeroUnique, long version, Dossier dossier, Contexte contexte) {
        throw nonPrevu("renouveler");
    }

    @Override
    public Demande radier(String numeroUnique, long version, DemandeRadiation radiation, Contexte contexte) {
        throw nonPrevu("radier");
    }

    @Override
    public Demande reactiver(String numeroUnique, long version, Contexte contexte) {
        throw nonPrevu("reactiver");
    }

    @Override
    public PageDemandes rechercher(CriteresRecherche criteres, Tri tri, int page, int taille, Contexte contexte) {
        throw nonPrevu("rechercher");
    }

    @Override
    public List<EntreeHistorique> historique(String numeroUnique, Contexte contexte) {
        throw nonPrevu("historique");
    }

    @Override
    public org.registrehub.api.DroitsRegistre droits(Contexte contexte) {
        throw nonPrevu("droits");
    }

    @Override
    public org.registrehub.api.ActionsDemande actions(Demande demande, Contexte contexte) {
        throw nonPrevu("actions");
    }
}
