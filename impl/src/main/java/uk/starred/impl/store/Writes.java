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

    private record Statement(String sql, List<Object> values) {
    }

    private final boolean together;
    private final List<Statement> statements = new ArrayList<>();

    /** @param together whether the database takes several statements in one text (PostgreSQL) */
    public Writes(boolean together) {
        this.together = together;
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

    /** An insert of one row, the columns in order. */
    public Writes insert(String table, Map<String, Object> columns) {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(", ");
        columns.keySet().forEach(name -> {
            names.add(name);
            marks.add("?");
        });
        statements.add(new Statement("INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")",
                new ArrayList<>(columns.values())));
        return this;
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
                int n = bind(em.createNativeQuery(numbered(s.sql(), 0)), s.values(), 0).executeUpdate();
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
            sql.append(numbered(s.sql(), values.size()));
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
