package uk.starred.impl.deploy;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;

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

    /**
     * Every YAML file dropped into {@code deploy/} is taken as a procedure descriptor, whatever it holds: one that
     * is not a sound descriptor (not YAML, too large, hostile) is then refused by the extender with its problems,
     * listed by {@code starred:procedure-list}, rather than lying in the folder unremarked.
     */
    @Override
    public boolean canHandle(File artifact) {
        String name = artifact.getName();
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && artifact.isFile();
    }

    @Override
    public URL transform(URL artifact) throws MalformedURLException {
        return new URL(ProcedureBundleUrlHandler.PROTOCOL, null, artifact.toString());
    }
}
