package dev.hybridconf.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Memory of a process from {@code /proc} (Linux only). RSS counts pages shared between the JVMs (the
 * JDK's own class data archive, libraries) once per process; PSS splits them, so its sum is what the
 * stack really occupies.
 */
final class ProcessMemory {

    private ProcessMemory() {
    }

    /** VmRSS in KiB, empty where {@code /proc} is unavailable or the process is gone. */
    static OptionalLong residentKiB(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    String value = line.substring("VmRSS:".length()).trim();
                    int space = value.indexOf(' ');
                    return OptionalLong.of(Long.parseLong(space < 0 ? value : value.substring(0, space)));
                }
            }
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Proportional set size in KiB ({@code /proc/<pid>/smaps_rollup}), empty where unavailable. */
    static OptionalLong proportionalKiB(long pid) {
        Path rollup = Path.of("/proc", Long.toString(pid), "smaps_rollup");
        try {
            for (String line : Files.readAllLines(rollup)) {
                if (line.startsWith("Pss:")) {
                    String value = line.substring("Pss:".length()).trim();
                    int space = value.indexOf(' ');
                    return OptionalLong.of(Long.parseLong(space < 0 ? value : value.substring(0, space)));
                }
            }
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static String format(long kib) {
        return kib >= 1024 * 1024 ? String.format(Locale.ROOT, "%.2f GiB", kib / (1024.0 * 1024))
                : String.format(Locale.ROOT, "%d MiB", kib / 1024);
    }
}
