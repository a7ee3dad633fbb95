package org.registrehub.api.portail;

import java.time.Instant;

import org.registrehub.api.RegistreException;

/** Too many attempts from one address or on one account: refused without checking until {@link #jusqua()}. */
public class TropDeTentativesException extends RegistreException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "TROP_DE_TENTATIVES";

    private final Instant jusqua;

    public TropDeTentativesException(String message, Instant jusqua) {
        super(CODE, message);
        this.jusqua = jusqua;
    }

    public Instant jusqua() {
        return jusqua;
    }
}
