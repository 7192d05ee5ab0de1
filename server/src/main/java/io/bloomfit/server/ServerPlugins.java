package io.bloomfit.server;

import io.bloomfit.host.Plugins;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The registries this server resolves every name against (specs, recommendations, the plugin list): the built-in
 * providers plus the configured plugin directory, opened once.
 */
public class ServerPlugins {

    @Produces
    @Singleton
    Plugins plugins() {
        return Plugins.shared();
    }
}
