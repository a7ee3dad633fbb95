package org.registrehub.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.core.ConditionTimeoutException;

/**
 * The machine's state around a measure, so that a baseline and the hub's figure are taken under the same conditions
 * and each says what else was running: the share of CPU time spent busy (all cores, from {@code /proc/stat}) over a
 * window, the load average, and a wait for the machine to be quiet (the hub booted and idle) before a measure.
 */
final class Machine {

    private static final Path STAT = Path.of("/proc/stat");
    private static final Path CHARGE = Path.of("/proc/loadavg");

    /** The CPU counters at one instant: busy and total jiffies of all cores. */
    record Instantane(long occupe, long total) {

        static Instantane maintenant() {
            try {
                String[] c = Files.readAllLines(STAT).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < c.length; i++) {
                    total += Long.parseLong(c[i]);
                }
                // idle and iowait are the time not spent working
                long repos = Long.parseLong(c[4]) + (c.length > 5 ? Long.parseLong(c[5]) : 0);
                return new Instantane(total - repos, total);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The busy share, in percent, from this instant to now. */
        double occupationJusquA(Instantane fin) {
            long t = fin.total - total;
            return t <= 0 ? 0 : 100.0 * (fin.occupe - occupe) / t;
        }
    }

    private Machine() {
    }

    /** The 1, 5 and 15 minute load averages, as the kernel gives them. */
    static String charge() {
        try {
            String[] c = Files.readString(CHARGE).trim().split("\\s+");
            return c[0] + " / " + c[1] + " / " + c[2];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the machine did since {@code avant}: "CPU 87 % busy, load 1.9 / 1.2 / 0.8". */
    static String depuis(Instantane avant) {
        return String.format(java.util.Locale.ROOT, "CPU %.0f %% busy, load %s",
                avant.occupationJusquA(Instantane.maintenant()), charge());
    }

    /**
     * Waits until the machine is quiet — three one-second polls in a row under {@code seuil} percent busy, each
     * measured since the previous one — or {@code max} has passed, and prints which (a baseline taken on a busy
     * machine says so).
     */
    static void attendreRepos(String avant, double seuil, Duration max) {
        long debut = System.nanoTime();
        Instantane[] precedent = {Instantane.maintenant()};
        int[] calmes = {0};
        double[] derniere = {100};
        try {
            await().atMost(max).pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                Instantane maintenant = Instantane.maintenant();
                derniere[0] = precedent[0].occupationJusquA(maintenant);
                precedent[0] = maintenant;
                calmes[0] = derniere[0] < seuil ? calmes[0] + 1 : 0;
                return calmes[0] >= 3;
            });
        } catch (ConditionTimeoutException e) {
            // reported below: the measure goes on, saying the machine was busy
        }
        System.out.printf("BENCH machine.repos before %s: %s after %.0f s (CPU %.0f %% busy, load %s)%n", avant,
                calmes[0] >= 3 ? "quiet" : "NOT quiet", (System.nanoTime() - debut) / 1e9, derniere[0], charge());
    }
}
