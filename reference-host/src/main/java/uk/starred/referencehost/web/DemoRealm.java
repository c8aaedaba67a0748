package uk.starred.referencehost.web;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Properties;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.config.impl.Config;
import org.apache.karaf.jaas.config.impl.Module;
import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The reference host's Karaf JAAS realm, {@value #NAME}: the demo staff, each with the password
 * {@value #DEMO_PASSWORD}, kept apart from Karaf's own {@code karaf} realm so that signing in to the
 * demo never gives anyone the Karaf console. Karaf's properties login module reads the users from a
 * file in this bundle's data area. A council's host authenticates against its own directory instead.
 */
@Component(immediate = true, service = DemoRealm.class)
public class DemoRealm {

    public static final String NAME = "starred-demo";
    public static final String DEMO_PASSWORD = "demo";

    private ServiceRegistration<JaasRealm> registration;
    private File users;

    @Activate
    void activate(BundleContext context) throws IOException {
        users = context.getDataFile("users.properties");
        try (Writer out = Files.newBufferedWriter(users.toPath(), StandardCharsets.UTF_8)) {
            out.write("# The reference host's demo staff: user = password,role. Demo only.\n");
            for (var member : uk.starred.referencehost.demo.DemoDirectory.staff()) {
                out.write(member.id() + " = " + DEMO_PASSWORD + ",starred-demo-user\n");
            }
        }
        Module module = new Module();
        module.setName("properties");
        module.setClassName(PropertiesLoginModule.class.getName());
        module.setFlags("required");
        Properties options = new Properties();
        options.put("users", users.getAbsolutePath());
        module.setOptions(options);
        Config realm = new Config();
        realm.setName(NAME);
        realm.setRank(0);
        realm.setModules(new Module[] {module});
        realm.setBundleContext(context);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("org.apache.karaf.jaas.realm", NAME);
        registration = context.registerService(JaasRealm.class, realm, props);
    }

    /** Lets a person added to the demo sign in, with the demo password. */
    public synchronized void addUser(String staffId) throws IOException {
        Files.writeString(users.toPath(), staffId + " = " + DEMO_PASSWORD + ",starred-demo-user\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }
}
