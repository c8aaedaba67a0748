package uk.starred.impl.deploy;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.util.regex.Pattern;

import org.apache.felix.fileinstall.ArtifactListener;
import org.apache.felix.fileinstall.ArtifactUrlTransformer;
import org.osgi.service.component.annotations.Component;

/**
 * Lets an integrator deploy a procedure with no build tool: a bare descriptor file dropped into
 * Karaf's {@code deploy/} folder is turned into a procedure bundle (through the
 * {@value ProcedureBundleUrlHandler#PROTOCOL} URL handler), which the procedure extender then loads
 * like any other. Editing the file updates the bundle; deleting it uninstalls it. Running concerns
 * keep the definition stored with them either way.
 */
@Component(service = {ArtifactUrlTransformer.class, ArtifactListener.class})
public class ProcedureDeployer implements ArtifactUrlTransformer {

    /** A descriptor is a YAML file with the top-level fields a procedure must have. */
    private static final Pattern STAGES = Pattern.compile("(?m)^stages\\s*:");
    private static final Pattern ID = Pattern.compile("(?m)^id\\s*:");
    private static final long LARGEST = 1024 * 1024;

    @Override
    public boolean canHandle(File artifact) {
        String name = artifact.getName();
        if (!(name.endsWith(".yaml") || name.endsWith(".yml")) || !artifact.isFile() || artifact.length() > LARGEST) {
            return false;
        }
        try {
            String text = Files.readString(artifact.toPath());
            return STAGES.matcher(text).find() && ID.matcher(text).find();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public URL transform(URL artifact) throws MalformedURLException {
        return new URL(ProcedureBundleUrlHandler.PROTOCOL, null, artifact.toString());
    }
}
