package io.kisflow.designer.debug.inspect;

import io.kisflow.designer.debug.data.RowJson;

import java.util.List;

/**
 * Rows as text for the clipboard and for export: TSV lines, CSV records and JSON. Pure functions
 * over the rows, so they can run on any thread.
 */
final class RowText {
    private RowText() {
    }

    /** TSV has no quoting: tabs and line breaks inside a cell are written as \t, \n and \r. */
    static String tsvCell(String s) {
        if (s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\\') < 0) {
            return s;
        }
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String tsv(List<Object> rows, List<String> columns) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join("\t", columns.stream().map(RowText::tsvCell).toList())).append('\n');
        for (Object row : rows) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    sb.append('\t');
                }
                sb.append(tsvCell(RowJson.cellText(RowJson.field(row, columns.get(c)))));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String jsonArray(List<Object> rows) {
        com.fasterxml.jackson.databind.node.ArrayNode array = RowJson.mapper().createArrayNode();
        for (Object row : rows) {
            array.add(RowJson.tree(row));
        }
        try {
            return RowJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write rows as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String csvRecord(Object row, List<String> columns) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) {
                sb.append(',');
            }
            sb.append(Csv.field(RowJson.cellText(RowJson.field(row, columns.get(c)))));
        }
        return sb.append(Csv.LINE_END).toString();
    }

    static String csvHeader(List<String> columns) {
        return String.join(",", columns.stream().map(Csv::field).toList()) + Csv.LINE_END;
    }
}
