package io.bloomfit.it;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The source rules on small in-memory modules: clean ones, then variants that break one rule each. */
class SourceRulesTest {

    private static SourceRules.SourceFile file(String path, String text) {
        return new SourceRules.SourceFile(path, text);
    }

    private static Map<String, List<SourceRules.SourceFile>> modules(String module, SourceRules.SourceFile... files) {
        Map<String, List<SourceRules.SourceFile>> modules = new LinkedHashMap<>();
        modules.put(module, List.of(files));
        return modules;
    }

    @Test
    void aCleanApiAndAnAcyclicModulePass() {
        Map<String, List<SourceRules.SourceFile>> modules = modules("api",
                file("api/A.java", """
                        package io.x.api;
                        import static java.util.Objects.requireNonNull;
                        /** Found through {@link java.util.ServiceLoader}; a ClassLoader is the host's business. */
                        public interface A {
                            int LIMIT = 3;
                            static A of() { return null; }
                            String NOTE = "ServiceLoader and static int x; in a string";
                            static final class Holder { private static final A INSTANCE = null; }
                        }
                        """),
                file("api/b/B.java", "package io.x.api.b;\nimport io.x.api.A;\npublic record B(A a) {\n"
                        + "    public static B of() { return new B(null); }\n    static { }\n}\n"));
        modules.put("core", List.of(file("core/C.java", "package io.x.core;\nclass C { io.x.core.d.D d; }\n"),
                file("core/d/D.java", "package io.x.core.d;\nclass D { }\n")));

        assertThat(SourceRules.check(modules)).isEmpty();
    }

    @Test
    void classLoadingInApiCodeIsNamedWithFileAndLine() {
        Map<String, List<SourceRules.SourceFile>> modules = modules("api", file("api/L.java", """
                package io.x.api;

                public final class L {
                    L() {
                        ClassLoader loader = Thread.currentThread().getContextClassLoader();
                        java.util.ServiceLoader.load(Object.class);
                    }
                }
                """));

        assertThat(SourceRules.check(modules)).containsExactly(
                new Violation("api", "api/L.java:5: names ClassLoader", DependencyRule.API_NO_CLASS_LOADING_OR_STATE),
                new Violation("api", "api/L.java:6: names ServiceLoader", DependencyRule.API_NO_CLASS_LOADING_OR_STATE));
    }

    @Test
    void aStaticFieldThatIsNotFinalInApiIsRegistryState() {
        Map<String, List<SourceRules.SourceFile>> modules = modules("api", file("api/R.java", """
                package io.x.api;

                public final class R {
                    private static final int FIXED = 1;
                    private static java.util.Map<String, R> registered = new java.util.HashMap<>();
                    static volatile R current;
                }
                """));

        assertThat(SourceRules.check(modules)).containsExactly(
                new Violation("api", "api/R.java:5: static field 'java.util.Map<String, R> registered' is not final",
                        DependencyRule.API_NO_CLASS_LOADING_OR_STATE),
                new Violation("api", "api/R.java:6: static field 'volatile R current' is not final",
                        DependencyRule.API_NO_CLASS_LOADING_OR_STATE));
    }

    @Test
    void theseRulesApplyToApiOnly() {
        Map<String, List<SourceRules.SourceFile>> modules = modules("host", file("host/H.java",
                "package io.x.host;\nclass H { static ClassLoader loader; }\n"));

        assertThat(SourceRules.check(modules)).isEmpty();
    }

    @Test
    void aPackageCycleIsReportedWithTheUsesThatMakeEachEdge() {
        Map<String, List<SourceRules.SourceFile>> modules = modules("experiment",
                file("experiment/a/A.java", "package io.x.a;\nimport io.x.b.B;\nclass A { B b; }\n"),
                file("experiment/b/B.java", "package io.x.b;\nclass B { io.x.c.C c; }\n"),
                file("experiment/c/C.java", "package io.x.c;\nimport static io.x.a.A.helper;\nclass C { }\n"),
                file("experiment/d/D.java", "package io.x.d;\nimport io.x.a.*;\nclass D { }\n"));

        assertThat(SourceRules.check(modules)).containsExactly(new Violation("experiment",
                "package cycle io.x.a -> io.x.b -> io.x.c -> io.x.a; io.x.a -> io.x.b: io.x.a.A uses io.x.b.B; "
                        + "io.x.b -> io.x.c: io.x.b.B uses io.x.c.C; io.x.c -> io.x.a: io.x.c.C uses io.x.a.A.helper",
                DependencyRule.NO_PACKAGE_CYCLES));
    }

    @Test
    void namesInCommentsAndStringsMakeNoEdgeAndOtherModulesDoNotCount() {
        Map<String, List<SourceRules.SourceFile>> modules = modules("experiment",
                file("experiment/a/A.java", "package io.x.a;\nimport io.x.b.B;\nclass A { B b; }\n"),
                file("experiment/b/B.java", """
                        package io.x.b;
                        /** Used by {@link io.x.a.A}. */
                        class B {
                            String s = "io.x.a.A";
                            char c = '"';
                            String t = \"""
                                io.x.a.A\""";
                            io.y.a.Y other; // another module's package
                        }
                        """));
        modules.put("other", List.of(file("other/Y.java", "package io.y.a;\nimport io.x.b.B;\nclass Y { }\n")));

        assertThat(SourceRules.check(modules)).isEmpty();
    }

    @Test
    void thePackageOfAQualifiedNameIsItsLowerCaseStart() {
        assertThat(SourceRules.packageOf("io.bloomfit.experiment.grid.ResultRow.Sizes"))
                .isEqualTo("io.bloomfit.experiment.grid");
        assertThat(SourceRules.packageOf("io.bloomfit.experiment.grid.*")).isEqualTo("io.bloomfit.experiment.grid");
    }
}
