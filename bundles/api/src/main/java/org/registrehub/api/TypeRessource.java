package org.registrehub.api;

/** Types of monthly resources of the CERFA 14069 (section 4). */
public enum TypeRessource {
    /** salaire */ SAL,
    /** retraite */ RET,
    /** allocation chômage */ CHO,
    /** pension alimentaire reçue */ PAR,
    /** pension d'invalidité */ PINV,
    /** allocations familiales */ AF,
    /** allocation aux adultes handicapés */ AAH,
    /** allocation d'éducation de l'enfant handicapé */ AEEH,
    /** allocation journalière de présence parentale */ AJPP,
    /** revenu de solidarité active */ RSA,
    /** allocation minimum vieillesse */ AMV,
    /** prestation d'accueil du jeune enfant */ PAJE,
    /** bourse étudiante */ BE,
    /** autre */ AUT
}
