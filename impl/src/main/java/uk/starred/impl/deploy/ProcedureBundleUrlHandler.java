package uk.starred.impl.deploy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.Locale;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.url.AbstractURLStreamHandlerService;
import org.osgi.service.url.URLConstants;
import org.osgi.service.url.URLStreamHandlerService;

import uk.starred.impl.descriptor.DescriptorReader;
import uk.starred.impl.extender.ProcedureExtender;

/**
 * {@code starred-procedure:<url of a descriptor>}: the descriptor wrapped as a procedure bundle, with
 * the {@code Starred-Procedure} header and the extender requirement a built procedure bundle has.
 */
@Component(service = URLStreamHandlerService.class,
        property = URLConstants.URL_HANDLER_PROTOCOL + "=" + ProcedureBundleUrlHandler.PROTOCOL)
public class ProcedureBundleUrlHandler extends AbstractURLStreamHandlerService {

    public static final String PROTOCOL = "starred-procedure";

    @Override
    public URLConnection openConnection(URL url) throws IOException {
        URL descriptor = new URL(url.getPath());
        return new URLConnection(url) {
            @Override
            public void connect() {
                // the bundle is made when it is read
            }

            @Override
            public InputStream getInputStream() throws IOException {
                return new ByteArrayInputStream(bundle(descriptor));
            }
        };
    }

    /** Passes on what is written to it up to a number of bytes, and drops the rest. */
    private static final class BoundedOutput extends java.io.FilterOutputStream {
        private long left;

        BoundedOutput(java.io.OutputStream out, long most) {
            super(out);
            this.left = most;
        }

        @Override
        public void write(int b) throws IOException {
            if (left > 0) {
                out.write(b);
                left--;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int passed = (int) Math.min(len, left);
            if (passed > 0) {
                out.write(b, off, passed);
                left -= passed;
            }
        }

        @Override
        public void close() {
            // the jar entry is closed by its owner
        }
    }

    /** @return a bundle holding the descriptor, named after its file */
    static byte[] bundle(URL descriptor) throws IOException {
        String file = descriptor.getPath().substring(descriptor.getPath().lastIndexOf('/') + 1);
        String name = file.replaceAll("\\.(yaml|yml)$", "");
        String entry = "OSGI-INF/starred/" + file;
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "uk.starred.procedure.deployed."
                + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-"));
        main.putValue("Bundle-Version", "0.0.0");
        main.putValue("Bundle-Name", "Starred procedure deployed from " + file);
        main.putValue(ProcedureExtender.HEADER, entry);
        main.putValue("Require-Capability", "osgi.extender;filter:=\"(&(osgi.extender=" + ProcedureExtender.EXTENDER
                + ")(version>=1.0)(!(version>=2.0)))\"");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest); InputStream in = descriptor.openStream()) {
            jar.putNextEntry(new JarEntry(entry));
            // no more than the extender reads (its limit in characters, at most four bytes each): a larger
            // descriptor is refused for its size, not copied whole
            in.transferTo(new BoundedOutput(jar, 4L * DescriptorReader.MAX_CHARACTERS + 4));
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }
}
