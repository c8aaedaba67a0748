package uk.starred.benchmarks.screens;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The peer of the screens: static pages of the same sizes as the screens measured, served by the
 * same Pax Web through the OSGi HTTP Whiteboard's resource service. {@link #bundle} writes the bundle
 * (this activator and the pages) for Karaf's {@code deploy} folder.
 */
public final class StaticPages implements BundleActivator {

    static final String PATH = "/starred-benchmark-static";

    private ServiceRegistration<Object> registration;

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.resource.pattern", PATH + "/*");
        properties.put("osgi.http.whiteboard.resource.prefix", "/pages");
        registration = context.registerService(Object.class, new Object(), properties);
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
    }

    /**
     * Writes the bundle with a page of each size given.
     *
     * @param pages each page's name and size in bytes
     */
    static void bundle(Path jar, Map<String, Integer> pages) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "uk.starred.benchmarks.static");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", StaticPages.class.getName());
        main.putValue("Import-Package", "org.osgi.framework");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            String clazz = StaticPages.class.getName().replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry(clazz));
            try (var in = StaticPages.class.getClassLoader().getResourceAsStream(clazz)) {
                in.transferTo(out);
            }
            for (Map.Entry<String, Integer> page : pages.entrySet()) {
                out.putNextEntry(new JarEntry("pages/" + page.getKey()));
                out.write(page(page.getValue()));
            }
        }
        Files.write(jar, bytes.toByteArray());
    }

    /** An HTML page of exactly the size. */
    private static byte[] page(int size) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><title>Static</title></head><body><p>");
        String tail = "</p></body></html>";
        while (html.length() + tail.length() < size) {
            html.append("The same number of bytes as the screen. ");
        }
        html.setLength(Math.max(0, size - tail.length()));
        return (html + tail).getBytes(StandardCharsets.US_ASCII);
    }
}
