package org.registrehub.acces.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.NumerotationService;
import org.registrehub.api.acces.AnnuaireService;
import org.registrehub.api.acces.Guichet;
import org.registrehub.api.acces.spi.IdentiteStore;

/** The public directory: the active guichets enregistreurs of the commune's département. */
@Component(service = AnnuaireService.class)
public class Annuaire implements AnnuaireService {

    private final IdentiteStore store;

    @Activate
    public Annuaire(@Reference IdentiteStore store) {
        this.store = store;
    }

    @Override
    public List<Guichet> guichets(String commune) {
        String territoire;
        try {
            territoire = NumerotationService.territoire(commune == null ? null : commune.strip());
        } catch (IllegalArgumentException e) {
            throw new DemandeInvalideException(List.of(new ErreurChamp("commune", commune == null ? "obligatoire"
                    : "format", commune, "code commune INSEE attendu : 5 caractères, par exemple 44109 ou 2A004")));
        }
        return store.annuaire(territoire, commune.strip());
    }
}
