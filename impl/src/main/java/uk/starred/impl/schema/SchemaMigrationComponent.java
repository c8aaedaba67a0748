package uk.starred.impl.schema;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Migrates the Starred DataSource when it appears, then offers {@link StarredSchema}. The
 * DataSource is the one pax-jdbc-config registers with {@code dataSourceName=starred}; an operator
 * can point this component elsewhere with the {@code dataSource.target} property.
 */
@Component(service = StarredSchema.class, immediate = true)
public class SchemaMigrationComponent implements StarredSchema {

    private final StarredSchema schema;

    @Activate
    public SchemaMigrationComponent(
            @Reference(name = "dataSource", target = "(osgi.jndi.service.name=starred)") DataSource dataSource) {
        this.schema = new SchemaMigration(dataSource).migrate();
    }

    @Override
    public String version() {
        return schema.version();
    }

    @Override
    public String database() {
        return schema.database();
    }
}
