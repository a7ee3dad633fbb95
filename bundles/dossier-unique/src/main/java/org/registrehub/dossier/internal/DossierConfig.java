package org.registrehub.dossier.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.registrehub.dossier.cfg}. */
@ObjectClassDefinition(name = "Registre Hub - dossier unique")
public @interface DossierConfig {

    String PID = "org.registrehub.dossier";

    @AttributeDefinition(description = "Taille maximale d'une pièce, en octets (10 Mio par défaut)")
    long piece_tailleMaxOctets() default 10L * 1024 * 1024;

    @AttributeDefinition(description = "Pixels au plus d'une image (largeur × hauteur annoncées par son en-tête)")
    long image_pixelsMax() default 60_000_000L;

    @AttributeDefinition(description = "Pages au plus d'un PDF")
    int pdf_pagesMax() default 100;

    @AttributeDefinition(description = "Pièces en vigueur au plus par demande")
    int demande_piecesMax() default 40;
}
