package uk.starred.impl.descriptor;

/**
 * One thing wrong with a procedure descriptor, placed so an integrator can go straight to it.
 *
 * @param source  the file (or bundle entry) read
 * @param line    the line, from 1, or 0 when the whole file is at fault
 * @param column  the column, from 1, or 0
 * @param path    the field, as a path into the descriptor ({@code stages[2].timescale}), or empty
 * @param message what is wrong and what was expected
 */
public record DescriptorError(String source, int line, int column, String path, String message) {

    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line + ":" + column : "") + ": " + (path.isEmpty() ? "" : path + ": ")
                + message;
    }
}
