package dev.cachet.tools.files;

import dev.cachet.tools.ToolException;
import java.util.Locale;

/** A file holds more than the file tools load into memory; the message gives its size and another way to read it. */
public class FileTooLargeException extends ToolException {
    public FileTooLargeException(WorkspacePath path, long size, long limit) {
        super(path + " is " + size(size) + ", over the " + size(limit) + " the file tools load; read parts of it with "
                + "run_command (e.g. sed -n '1,200p' " + path + ")");
    }

    /** In binary units, whole where the value is, else with one decimal: 3 GiB, 10.5 MiB. */
    public static String size(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }
}
