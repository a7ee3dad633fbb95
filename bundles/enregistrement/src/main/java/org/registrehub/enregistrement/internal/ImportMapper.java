package org.registrehub.enregistrement.internal;

import java.util.List;

import org.apache.ibatis.annotations.Param;
import org.registrehub.api.LigneRejetee;
import org.registrehub.api.TravailImport;

/** MyBatis mapper of the bulk imports; the SQL lives in {@code ImportMapper.xml}. */
public interface ImportMapper {

    TravailImport enCours(@Param("empreinte") String empreinte);

    TravailImport dernierTermine(@Param("empreinte") String empreinte);

    TravailImport travail(@Param("id") long id);

    List<TravailImport> travaux(@Param("max") int max);

    List<TravailImport> interrompus();

    long creer(@Param("fichier") String fichier, @Param("empreinte") String empreinte, @Param("format") String format,
               @Param("encodage") String encodage, @Param("lancePar") String lancePar, @Param("canal") String canal,
               @Param("total") Long total);

    java.util.Map<String, String> correspondance(@Param("numero") String numero);

    List<String> dejaImportes(@Param("numeros") String[] numeros);

    /** Lines of the batch whose applicant has an active demand: {@code ligne} and that demand's numéro. */
    List<LigneDoublon> doublonsExistants(@Param("lignes") Long[] lignes, @Param("noms") String[] noms,
                                         @Param("prenoms") String[] prenoms, @Param("dates") String[] dates,
                                         @Param("nirs") String[] nirs);

    /** Lines of the batch that are the same applicant as an earlier line of it. */
    List<LigneDoublon> doublonsInternes(@Param("lignes") Long[] lignes, @Param("noms") String[] noms,
                                        @Param("prenoms") String[] prenoms, @Param("dates") String[] dates,
                                        @Param("nirs") String[] nirs);

    int insererDemandes(@Param("l") LotImporte lot);

    int insererHistoriques(@Param("l") LotImporte lot);

    int insererEvenements(@Param("l") LotImporte lot);

    int insererRejets(@Param("importId") long importId, @Param("r") LotImporte.Rejets rejets);

    Long avancer(@Param("id") long id, @Param("position") long position, @Param("importees") int importees,
                @Param("deja") int deja, @Param("rejetees") int rejetees);


    int terminer(@Param("id") long id, @Param("etat") String etat, @Param("erreur") String erreur);

    List<LigneRejetee> rejets(@Param("id") long id);

    /** A line of a batch and what it duplicates (a numéro, or another line of the batch). */
    record LigneDoublon(long ligne, String autre, String critere) {
    }
}
