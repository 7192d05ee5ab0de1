package io.bloomfit.host;

import io.bloomfit.api.plugin.NamedProviders;
import io.bloomfit.api.plugin.PluginName;
import io.bloomfit.api.plugin.UnknownPluginException;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Providers of one SPI keyed by name, like Lucene's {@code Codec.forName}: the built-in providers found by
 * {@link ServiceLoader} on the application's class path or module path, then those of each drop-in plugin of a
 * {@link PluginDirectory}, each through the plugin's own isolated class loader.
 *
 * <p>Every name must follow {@link PluginName#RULE}; a provider whose name does not is skipped. Name clashes
 * never fail: a built-in provider wins over a plugin, an earlier plugin (by file name) over a later one, and a
 * {@link PluginProblem} names both sources. A plugin or provider that fails to load is reported and skipped.
 * Problems are also logged as warnings through {@link System.Logger}. A registry is immutable and thread-safe.
 *
 * @param <T> the SPI type
 */
public final class PluginRegistry<T> implements NamedProviders<T> {

    private static final System.Logger LOG = System.getLogger(PluginRegistry.class.getName());

    /** Loaded shared registries; read without locking once loaded. */
    private static final Map<Class<?>, PluginRegistry<?>> SHARED = new ConcurrentHashMap<>();
    /** Held while a shared registry loads: one lock for all services, so lookups between them cannot deadlock. */
    private static final Object SHARED_LOCK = new Object();
    /** Services whose shared registry the thread holding {@link #SHARED_LOCK} is loading right now. */
    private static final Set<Class<?>> LOADING = new HashSet<>();
    /** The plugin directory and host loader every shared registry reads; guarded by {@link #SHARED_LOCK}. */
    private static SharedPlugins sharedPlugins;

    private final String kind;
    private final Map<String, Entry<T>> entries;
    private final List<PluginProblem> problems;

    /** A provider and where it came from. */
    public record Entry<T>(String name, T provider, PluginSource source) {
    }

    /** What every shared registry loads from: one opened plugin directory, one loader for the built-ins. */
    private record SharedPlugins(PluginDirectory directory, ClassLoader hostLoader) {
    }

    private PluginRegistry(String kind, Map<String, Entry<T>> entries, List<PluginProblem> problems) {
        this.kind = kind;
        this.entries = Collections.unmodifiableMap(entries);
        this.problems = List.copyOf(problems);
    }

    /**
     * The process-wide registry of {@code service}, loaded once with the {@link PluginDirectory#configured()
     * configured} plugin directory. Every SPI's shared registry reads the same opened directory, so a plugin that
     * provides, say, a hash function and a compressor gets one class loader, not one per SPI.
     *
     * <p>Providers are instantiated outside any map update, so a provider may look up another SPI's shared
     * registry from its constructor (a compressor resolving a hash function, say). A provider that looks up its
     * own SPI's shared registry while that registry is loading gets an {@link IllegalStateException} saying so,
     * and is skipped with a {@link PluginProblem}; the rest of the registry loads.
     *
     * @throws IllegalStateException when called, directly or not, from a constructor of a provider of
     *                               {@code service} while the shared registry of {@code service} loads
     */
    @SuppressWarnings("unchecked")
    public static <T> PluginRegistry<T> shared(Class<T> service, Function<T, String> nameOf, String kind) {
        PluginRegistry<?> registry = SHARED.get(service);
        return (PluginRegistry<T>) (registry != null ? registry : loadShared(service, nameOf, kind));
    }

    private static <T> PluginRegistry<?> loadShared(Class<T> service, Function<T, String> nameOf, String kind) {
        synchronized (SHARED_LOCK) {
            PluginRegistry<?> registry = SHARED.get(service);
            if (registry != null) {
                return registry;
            }
            // SHARED_LOCK is held, so only this very thread can be loading the service: a provider's
            // constructor (or static initialiser) has asked for the registry it is being loaded into.
            if (!LOADING.add(service)) {
                throw new IllegalStateException("the shared " + kind + " registry was looked up while it is being "
                        + "loaded: a " + kind + " provider asks for " + kind + "s in its constructor or static "
                        + "initialiser; look them up when first used instead");
            }
            try {
                if (sharedPlugins == null) {
                    sharedPlugins = new SharedPlugins(PluginDirectory.configured(), hostLoader(service));
                }
                PluginRegistry<T> loaded = load(service, nameOf, kind, sharedPlugins.directory(),
                        sharedPlugins.hostLoader());
                SHARED.put(service, loaded);
                return loaded;
            } finally {
                LOADING.remove(service);
            }
        }
    }

    /**
     * Forgets the shared registries and the opened plugin directory, so the next lookup reloads them (after the
     * plugin directory changed).
     */
    public static void resetShared() {
        synchronized (SHARED_LOCK) {
            sharedPlugins = null;
            SHARED.clear();
        }
    }

    /**
     * Loads the built-in providers of {@code service} (through the thread's context class loader, and the loader
     * of {@code service}) and those of every plugin in {@code directory}.
     */
    public static <T> PluginRegistry<T> load(Class<T> service, Function<T, String> nameOf, String kind,
                                             PluginDirectory directory) {
        return load(service, nameOf, kind, directory, hostLoader(service));
    }

    /** The loader that sees the built-ins: the context loader, unless it is unset or a plugin's own. */
    private static ClassLoader hostLoader(Class<?> service) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context == null || context instanceof PluginClassLoader ? service.getClassLoader() : context;
    }

    private static <T> PluginRegistry<T> load(Class<T> service, Function<T, String> nameOf, String kind,
                                              PluginDirectory directory, ClassLoader builtInLoader) {
        Map<String, Entry<T>> entries = new TreeMap<>();
        List<PluginProblem> problems = new ArrayList<>(directory.problems());
        collect(ServiceLoader.load(service, builtInLoader), null, PluginSource.BUILT_IN, nameOf, kind, entries,
                problems);
        if (builtInLoader != service.getClassLoader()) {
            // In module mode or when the context loader is unrelated, also look where the SPI itself lives.
            collect(ServiceLoader.load(service, service.getClassLoader()), null, PluginSource.BUILT_IN, nameOf,
                    kind, entries, problems);
        }
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        for (PluginDirectory.JarLoader plugin : directory.jars()) {
            // As Trino does: a plugin's code runs with its own loader as context loader while it is set up.
            thread.setContextClassLoader(plugin.loader());
            try {
                collect(ServiceLoader.load(service, plugin.loader()), plugin.loader(), new PluginSource(plugin.jar()),
                        nameOf, kind, entries, problems);
            } finally {
                thread.setContextClassLoader(context);
            }
        }
        // The directory's own problems were logged once when it was opened (one directory serves every SPI).
        for (PluginProblem problem : problems.subList(directory.problems().size(), problems.size())) {
            LOG.log(Level.WARNING, "bloomfit plugins: {0}", problem);
        }
        return new PluginRegistry<>(kind, new LinkedHashMap<>(entries), problems);
    }

    private static <T> void collect(ServiceLoader<T> loader, ClassLoader onlyFrom, PluginSource source,
                                    Function<T, String> nameOf, String kind, Map<String, Entry<T>> entries,
                                    List<PluginProblem> problems) {
        var iterator = loader.stream().iterator();
        while (true) {
            ServiceLoader.Provider<T> provider;
            try {
                if (!iterator.hasNext()) {
                    return;
                }
                provider = iterator.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add(new PluginProblem(source.toString(), "cannot load " + kind + " provider: "
                        + describe(e) + "; skipped"));
                if (onlyFrom != null) {
                    return; // a broken plugin: skip the rest of it rather than loop on the same error
                }
                continue;
            }
            try {
                if (onlyFrom != null && provider.type().getClassLoader() != onlyFrom) {
                    continue; // not the plugin's own class: a built-in, already collected
                }
                T instance = provider.get();
                String name = nameOf.apply(instance);
                if (!PluginName.isValid(name)) {
                    problems.add(new PluginProblem(source.toString(), kind + " provider "
                            + provider.type().getName() + " is named " + (name == null ? "null" : "'" + name + "'")
                            + ", which breaks the plugin name rule " + PluginName.RULE + " (lower-case letters, "
                            + "digits, '_' and '-', starting with a letter or digit, at most 64 characters); "
                            + "rename it; skipped"));
                    continue;
                }
                Entry<T> existing = entries.get(name);
                if (existing != null) {
                    if (existing.provider().getClass() != instance.getClass() || !existing.source().equals(source)) {
                        problems.add(new PluginProblem(source.toString(), kind + " '" + name + "' ("
                                + instance.getClass().getName() + ") is also provided by " + existing.source()
                                + " (" + existing.provider().getClass().getName() + "); keeping the one from "
                                + existing.source()));
                    }
                    continue;
                }
                entries.put(name, new Entry<>(name, instance, source));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                problems.add(new PluginProblem(source.toString(), "cannot instantiate " + kind + " provider: "
                        + describe(e) + "; skipped"));
            }
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" caused by ").append(cause);
        }
        return text.toString();
    }

    /**
     * The provider named {@code name}.
     *
     * @throws UnknownPluginException when there is none; the message lists every available name
     */
    @Override
    public T forName(String name) {
        Entry<T> entry = name == null ? null : entries.get(name);
        if (entry == null) {
            throw new UnknownPluginException(kind, name, available());
        }
        return entry.provider();
    }

    /** Whether a provider has this name. */
    @Override
    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    /** Every name, sorted. */
    @Override
    public Set<String> available() {
        return Collections.unmodifiableSet(new TreeSet<>(entries.keySet()));
    }

    /** Every provider with its source, sorted by name. */
    public List<Entry<T>> entries() {
        return List.copyOf(entries.values());
    }

    /** Where the provider named {@code name} came from. */
    public PluginSource sourceOf(String name) {
        forName(name);
        return entries.get(name).source();
    }

    /** What was skipped or overridden while loading. */
    public List<PluginProblem> problems() {
        return problems;
    }

    /** The kind of plugin, as used in messages ("hash function", "compressor", "trainer"). */
    @Override
    public String kind() {
        return kind;
    }
}
