package io.bloomfit.host;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a provider came from: the application's own class path or module path ("built-in") or a drop-in plugin.
 *
 * @param jar the drop-in plugin (its jar, or the plugin's sub-directory of jars), or {@code null} for built-in
 *            providers
 */
public record PluginSource(Path jar) {

    public static final PluginSource BUILT_IN = new PluginSource(null);

    public boolean builtIn() {
        return jar == null;
    }

    public Optional<Path> jarPath() {
        return Optional.ofNullable(jar);
    }

    @Override
    public String toString() {
        return jar == null ? "built-in" : jar.toString();
    }
}
