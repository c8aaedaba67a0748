package uk.starred.impl.schema;

/**
 * Present as a service once the database schema is at the version this bundle needs. Components
 * that read or write the database reference it, so nothing touches a table before it exists.
 */
public interface StarredSchema {

    /** @return the schema version now applied, for example {@code 1} */
    String version();

    /** @return the database product the schema lives in, for example {@code PostgreSQL 15.19} */
    String database();
}
