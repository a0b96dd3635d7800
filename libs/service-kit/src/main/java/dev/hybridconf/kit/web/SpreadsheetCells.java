package dev.hybridconf.kit.web;

import java.io.IOException;
import java.io.Writer;

/**
 * CSV exports are opened in spreadsheet programs, which evaluate a cell starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return as a formula (CSV injection). Such a cell is written with a
 * leading apostrophe, which the spreadsheet shows as plain text. An export also starts with the UTF-8 byte order
 * mark: without it Excel reads the file in the computer's legacy code page, and "Séance", "Bogotá" or
 * "Alcaldía" come out garbled.
 */
public final class SpreadsheetCells {

    /** Written first, so that spreadsheet programs read the file as UTF-8. */
    public static final char BYTE_ORDER_MARK = '\uFEFF';

    private SpreadsheetCells() {
    }

    /** Starts a CSV export on {@code out}: the byte order mark, before the header row. */
    public static void startExport(Writer out) throws IOException {
        out.write(BYTE_ORDER_MARK);
    }

    /** The cell as plain text for a spreadsheet; {@code null} becomes empty. */
    public static String plain(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }
}
