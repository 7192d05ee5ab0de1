package io.bloomfit.cli;

import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code bloomfit --version}: the build's version and the Java runtime it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {

    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"bloomfit " + version(),
            "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
