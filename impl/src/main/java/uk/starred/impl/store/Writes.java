package uk.starred.impl.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.hibernate.jpa.TypedParameterValue;
import org.hibernate.type.InstantType;
import org.hibernate.type.LocalDateType;
import org.hibernate.type.StandardBasicTypes;
import org.hibernate.type.Type;

/**
 * The statements one change writes, sent to the database together. On PostgreSQL they go as one
 * statement text, separated by semicolons, which the driver sends in one round trip; on H2, which
 * runs in the same process, one by one. Values are bound through Hibernate's own types, so that what
 * is written here reads back through the entities exactly as they write it.
 */
public final class Writes {

    /**
     * One statement; an insert also keeps its table and columns, so that inserts of the same shape in a
     * row become one statement of several rows.
     */
    private record Statement(String sql, List<Object> values, String table, List<String> columns) {

        Statement(String sql, List<Object> values) {
            this(sql, values, null, null);
        }

        boolean insertsLike(Statement other) {
            return table != null && table.equals(other.table) && columns.equals(other.columns);
        }
    }

    private final boolean together;
    private final List<Statement> statements = new ArrayList<>();

    /** @param together whether the database takes several statements in one text (PostgreSQL) */
    public Writes(boolean together) {
        this.together = together;
    }

    /**
     * @return whether the database under the entity manager takes several statements in one text
     *         (PostgreSQL, whose driver sends them in one round trip; H2 refuses them)
     */
    public static boolean takesSeveralStatements(EntityManager em) {
        return Dialects.takesSeveralStatements(em);
    }

    /** @return writes for the database the entity manager works on */
    public static Writes to(EntityManager em) {
        return new Writes(Dialects.takesSeveralStatements(em));
    }

    /**
     * A statement with its values in order, each written {@code ?} in the text. A value is a
     * {@link String}, {@link Long}, {@link Integer}, {@link Instant}, {@link LocalDate}, or
     * {@link #none(Class)} for a null of the type.
     */
    public Writes add(String sql, Object... values) {
        statements.add(new Statement(sql, List.of(values)));
        return this;
    }

    /**
     * An insert of one row, the columns in order. Inserts of the same columns into the same table, one
     * after the other, are sent as one statement of several rows: the database starts one statement
     * where it would have started several.
     */
    public Writes insert(String table, Map<String, Object> columns) {
        Statement row = new Statement(null, new ArrayList<>(columns.values()), table, List.copyOf(columns.keySet()));
        Statement last = statements.isEmpty() ? null : statements.get(statements.size() - 1);
        if (last != null && last.insertsLike(row)) {
            List<Object> values = new ArrayList<>(last.values());
            values.addAll(row.values());
            statements.set(statements.size() - 1, new Statement(null, values, table, row.columns()));
        } else {
            statements.add(row);
        }
        return this;
    }

    /** @return the statement's text: an insert's with a row of marks for each row it holds */
    private static String text(Statement s) {
        if (s.table() == null) {
            return s.sql();
        }
        StringJoiner marks = new StringJoiner(", ", "(", ")");
        s.columns().forEach(column -> marks.add("?"));
        StringJoiner rows = new StringJoiner(", ");
        for (int i = 0; i < s.values().size() / s.columns().size(); i++) {
            rows.add(marks.toString());
        }
        return "INSERT INTO " + s.table() + " (" + String.join(", ", s.columns()) + ") VALUES " + rows;
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** A null value of the type, for a column that may be empty. */
    public static Object none(Class<?> type) {
        return new TypedParameterValue(typeOf(type), null);
    }

    /** @return the value as it is to be bound: a null typed, anything else as itself */
    public static Object maybe(Object value, Class<?> type) {
        return value == null ? none(type) : value;
    }

    /**
     * Runs the statements, in order.
     *
     * @return how many rows the first changed: a versioned update that finds nothing to change tells
     *         the caller the row moved on, and the caller's transaction must then be undone
     */
    public int run(EntityManager em) {
        if (statements.isEmpty()) {
            return 0;
        }
        if (!together) {
            int first = -1;
            for (Statement s : statements) {
                int n = bind(em.createNativeQuery(numbered(text(s), 0)), s.values(), 0).executeUpdate();
                first = first < 0 ? n : first;
            }
            return first;
        }
        StringBuilder sql = new StringBuilder();
        List<Object> values = new ArrayList<>();
        for (Statement s : statements) {
            if (sql.length() > 0) {
                // a space before the semicolon: Hibernate reads "?3;" as a parameter named "3;"
                sql.append(" ;\n");
            }
            sql.append(numbered(text(s), values.size()));
            values.addAll(s.values());
        }
        // the driver answers with the first statement's count
        return bind(em.createNativeQuery(sql.toString()), values, 0).executeUpdate();
    }

    /** @return the text with each {@code ?} numbered from {@code offset + 1}, as Hibernate binds by position */
    private static String numbered(String sql, int offset) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int n = offset;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            out.append(c);
            if (c == '?') {
                out.append(++n);
            }
        }
        return out.toString();
    }

    private static Query bind(Query query, List<Object> values, int offset) {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            Object bound = v instanceof TypedParameterValue ? v : new TypedParameterValue(typeOf(v.getClass()), v);
            query.setParameter(offset + i + 1, bound);
        }
        return query;
    }

    private static Type typeOf(Class<?> type) {
        if (type == String.class) {
            return StandardBasicTypes.STRING;
        } else if (type == Long.class) {
            return StandardBasicTypes.LONG;
        } else if (type == Integer.class) {
            return StandardBasicTypes.INTEGER;
        } else if (type == Instant.class) {
            return InstantType.INSTANCE;
        } else if (type == LocalDate.class) {
            return LocalDateType.INSTANCE;
        }
        throw new IllegalArgumentException("no column type for " + type.getName());
    }
}
