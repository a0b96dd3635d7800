package dev.hybridconf.kit.web;

/**
 * CSV exports are opened in spreadsheet programs, which evaluate a cell starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return as a formula (CSV injection). Such a cell is written with a
 * leading apostrophe, which the spreadsheet shows as plain text.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
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
