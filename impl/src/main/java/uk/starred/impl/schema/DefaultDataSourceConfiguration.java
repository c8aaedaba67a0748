package uk.starred.impl.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives Starred a DataSource where none is configured: an embedded H2 database under the Karaf data
 * folder, configured through Config Admin for pax-jdbc-config as {@code org.ops4j.datasource~starred}.
 * It steps aside whenever an operator has configured one, in {@code etc/org.ops4j.datasource-starred.cfg}
 * or otherwise; that file, added later, replaces this configuration (it is the same one).
 *
 * <p>Configuring it here, rather than shipping the file for File Install to read, leaves no moment
 * at which File Install could read a file still being written and keep an empty configuration.
 */
@Component(immediate = true)
public class DefaultDataSourceConfiguration {

    static final String FACTORY_PID = "org.ops4j.datasource";
    static final String NAME = "starred";
    static final String FILE = "org.ops4j.datasource-starred.cfg";

    private static final Logger LOG = LoggerFactory.getLogger(DefaultDataSourceConfiguration.class);

    @Activate
    public DefaultDataSourceConfiguration(@Reference ConfigurationAdmin configurationAdmin)
            throws IOException, InvalidSyntaxException {
        String etc = System.getProperty("karaf.etc");
        if (etc != null && Files.exists(Path.of(etc, FILE))) {
            return;
        }
        if (configurationAdmin.listConfigurations("(&(service.factoryPid=" + FACTORY_PID + ")(dataSourceName="
                + NAME + "))") != null) {
            return;
        }
        Configuration configuration = configurationAdmin.getFactoryConfiguration(FACTORY_PID, NAME, null);
        if (configuration.getProperties() != null) {
            durable(configuration);
            return;
        }
        Path database = Path.of(System.getProperty("karaf.data", "data"), "starred", "starred").toAbsolutePath();
        configuration.update(h2(database));
        LOG.info("No DataSource is configured for Starred: using an embedded H2 database at {}. For PostgreSQL,"
                + " write etc/{} as the README says.", database, FILE);
    }

    /** H2 writes each commit to its file before the commit returns. */
    static final String DURABLE = "WRITE_DELAY=0";

    /**
     * Brings the embedded database this component configured before commits were written at once up to date:
     * the DataSource is made again with the setting, and Starred rebinds to it.
     */
    private static void durable(Configuration configuration) throws IOException {
        Object url = configuration.getProperties().get("url");
        if (url instanceof String h2 && h2.startsWith("jdbc:h2:file:") && !h2.toUpperCase(java.util.Locale.ROOT)
                .contains("WRITE_DELAY")) {
            Dictionary<String, Object> p = configuration.getProperties();
            p.put("url", h2 + ";" + DURABLE);
            configuration.update(p);
            LOG.info("Starred's embedded H2 database now writes each commit before it returns ({})", DURABLE);
        }
    }

    static Dictionary<String, Object> h2(Path database) {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("dataSourceName", NAME);
        p.put("osgi.jdbc.driver.class", "org.h2.Driver");
        // H2 keeps the plans of 8 statements per connection unless told otherwise; a command runs more
        // than that, and parsing them again each time was a sixth of its time
        // and writes each commit to the file before the commit returns (WRITE_DELAY=0): by default it writes
        // them a second later, so Karaf killed meanwhile lost commands it had acknowledged
        p.put("url", "jdbc:h2:file:" + database + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;" + DURABLE);
        p.put("user", "starred");
        p.put("password", "starred");
        p.put("pool", "dbcp2");
        p.put("xa", "false");
        p.put("pool.maxTotal", "16");
        p.put("pool.maxWaitMillis", "10000");
        return p;
    }
}
