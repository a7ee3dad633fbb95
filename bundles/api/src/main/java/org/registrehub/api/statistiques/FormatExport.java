package org.registrehub.api.statistiques;

/** The formats a statistics table is exported in. */
public enum FormatExport {
    /** UTF-8 with a byte order mark, semicolon-separated, decimal comma: opens as is in French office tools. */
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    /** The table's chart. */
    SVG("image/svg+xml", "svg"),
    /** The table's chart. */
    PNG("image/png", "png");

    private final String typeMime;
    private final String extension;

    FormatExport(String typeMime, String extension) {
        this.typeMime = typeMime;
        this.extension = extension;
    }

    public String typeMime() {
        return typeMime;
    }

    public String extension() {
        return extension;
    }
}
