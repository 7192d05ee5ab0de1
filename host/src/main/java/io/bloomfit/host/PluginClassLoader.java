package io.bloomfit.host;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin, after Trino's {@code PluginClassLoader}: classes and resources of the contract
 * ({@code io.bloomfit.api.*}, {@code io/bloomfit/api/...}) come from the loader that holds the api, the JDK from
 * the platform class loader, and everything else from the plugin's own jars only, never from the application's
 * class path. A plugin therefore runs with the Guava or Jackson it bundles, and a class it does not bundle (the
 * host's Guava, a framework class outside the api) is a {@link ClassNotFoundException}, not a silent loan.
 */
final class PluginClassLoader extends URLClassLoader {

    /** Classes under this prefix are the contract shared with the host. */
    static final String API_PACKAGE_PREFIX = "io.bloomfit.api.";
    /** Resources under this prefix belong to the contract as well. */
    static final String API_RESOURCE_PREFIX = "io/bloomfit/api/";

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final ClassLoader apiLoader;

    /**
     * @param name      the loader's name, seen in stack traces
     * @param jars      the plugin's jars, searched in this order
     * @param apiLoader the loader that holds {@code io.bloomfit.api}
     */
    PluginClassLoader(String name, List<URL> jars, ClassLoader apiLoader) {
        super(name, jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        this.apiLoader = apiLoader;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(API_PACKAGE_PREFIX)) {
            return apiLoader.loadClass(name);
        }
        // The parent is the platform loader: the JDK first, then this plugin's jars.
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        if (isApiResource(name)) {
            return apiLoader.getResource(name);
        }
        return super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (isApiResource(name)) {
            return apiLoader.getResources(name);
        }
        return super.getResources(name);
    }

    private static boolean isApiResource(String name) {
        return name.startsWith(API_RESOURCE_PREFIX);
    }
}
