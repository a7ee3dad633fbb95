package org.registrehub.api.spi;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/** A request body that stops being read past a number of bytes: the channel's error is thrown instead. */
public final class FluxLimite extends FilterInputStream {

    private final long max;
    private final Supplier<? extends RuntimeException> depassement;
    private long lus;

    public FluxLimite(InputStream in, long max, Supplier<? extends RuntimeException> depassement) {
        super(in);
        this.max = max;
        this.depassement = depassement;
    }

    private void compter(long n) {
        if (n > 0) {
            lus += n;
            if (lus > max) {
                throw depassement.get();
            }
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        compter(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        compter(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        compter(s);
        return s;
    }
}
