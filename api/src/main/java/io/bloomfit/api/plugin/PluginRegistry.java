package io.bloomfit.api.plugin;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
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
 * {@link ServiceLoader} on the application's class path or module path, then those of each drop-in jar.
 *
 * <p>Name clashes never fail: a built-in provider wins over a jar, an earlier jar (by file name) over a later
 * one, and a {@link PluginProblem} names both sources. A jar or provider that fails to load is reported and
 * skipped. Problems are also logged as warnings through {@link System.Logger}.
 *
 * @param <T> the SPI type
 */
public final class PluginRegistry<T> {

    private static final System.Logger LOG = System.getLogger(PluginRegistry.class.getName());
    private static final Map<Class<?>, PluginRegistry<?>> SHARED = new ConcurrentHashMap<>();
    private static PluginDirectory sharedDirectory;

    private final String kind;
    private final Map<String, Entry<T>> entries;
    private final List<PluginProblem> problems;

    /** A provider and where it came from. */
    public record Entry<T>(String name, T provider, PluginSource source) {
    }

    private PluginRegistry(String kind, Map<String, Entry<T>> entries, List<PluginProblem> problems) {
        this.kind = kind;
        this.entries = Collections.unmodifiableMap(entries);
        this.problems = List.copyOf(problems);
    }

    /**
     * The process-wide registry of {@code service}, loaded once with the {@link PluginDirectory#configured()
     * configured} plugin directory. Every SPI's shared registry reads the same opened directory, so a jar that
     * provides, say, a hash function and a compressor gets one class loader, not one per SPI.
     */
    @SuppressWarnings("unchecked")
    public static <T> PluginRegistry<T> shared(Class<T> service, Function<T, String> nameOf, String kind) {
        return (PluginRegistry<T>) SHARED.computeIfAbsent(service,
                s -> load(service, nameOf, kind, sharedDirectory()));
    }

    private static synchronized PluginDirectory sharedDirectory() {
        if (sharedDirectory == null) {
            sharedDirectory = PluginDirectory.configured();
        }
        return sharedDirectory;
    }

    /** Forgets the shared registries so the next lookup reloads them (after the plugin directory changed). */
    public static void resetShared() {
        synchronized (PluginRegistry.class) {
            sharedDirectory = null;
        }
        SHARED.clear();
    }

    /** Loads the built-in providers of {@code service} and those of every jar in {@code directory}. */
    public static <T> PluginRegistry<T> load(Class<T> service, Function<T, String> nameOf, String kind,
                                             PluginDirectory directory) {
        Map<String, Entry<T>> entries = new TreeMap<>();
        List<PluginProblem> problems = new ArrayList<>(directory.problems());
        ClassLoader builtInLoader = Thread.currentThread().getContextClassLoader();
        if (builtInLoader == null) {
            builtInLoader = service.getClassLoader();
        }
        collect(ServiceLoader.load(service, builtInLoader), null, PluginSource.BUILT_IN, nameOf, kind, entries,
                problems);
        if (builtInLoader != service.getClassLoader()) {
            // In module mode or when the context loader is unrelated, also look where the SPI itself lives.
            collect(ServiceLoader.load(service, service.getClassLoader()), null, PluginSource.BUILT_IN, nameOf,
                    kind, entries, problems);
        }
        for (PluginDirectory.JarLoader jar : directory.jars()) {
            collect(ServiceLoader.load(service, jar.loader()), jar.loader(), new PluginSource(jar.jar()), nameOf,
                    kind, entries, problems);
        }
        for (PluginProblem problem : problems) {
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
                    return; // a broken jar: skip the rest of it rather than loop on the same error
                }
                continue;
            }
            try {
                if (onlyFrom != null && provider.type().getClassLoader() != onlyFrom) {
                    continue; // found through the parent: a built-in, already collected
                }
                T instance = provider.get();
                String name = nameOf.apply(instance);
                if (name == null || name.isBlank()) {
                    problems.add(new PluginProblem(source.toString(), kind + " provider "
                            + provider.type().getName() + " has no name; skipped"));
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
    public T forName(String name) {
        Entry<T> entry = name == null ? null : entries.get(name);
        if (entry == null) {
            throw new UnknownPluginException(kind, name, available());
        }
        return entry.provider();
    }

    /** Whether a provider has this name. */
    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    /** Every name, sorted. */
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
    public String kind() {
        return kind;
    }
}
