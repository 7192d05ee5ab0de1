package io.bloomfit.it;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code module-info.java} declares that the dependency rules read: the module's name and the modules it
 * {@code requires} ({@code transitive} and {@code static} ones included, {@code java.base} left out).
 */
record ModuleInfo(String name, List<String> requires) {

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern MODULE = Pattern.compile("\\bmodule\\s+([\\w.]+)\\s*\\{");
    private static final Pattern REQUIRES = Pattern.compile("\\brequires\\s+(?:(?:transitive|static)\\s+)*([\\w.]+)\\s*;");

    ModuleInfo {
        requires = List.copyOf(requires);
    }

    /**
     * Reads the declarations of {@code source}, the text of a {@code module-info.java}.
     *
     * @throws IllegalArgumentException naming {@code file} when it declares no module
     */
    static ModuleInfo parse(String file, String source) {
        String code = COMMENT.matcher(source).replaceAll(" ");
        Matcher module = MODULE.matcher(code);
        if (!module.find()) {
            throw new IllegalArgumentException(file + " declares no module (expected 'module <name> {')");
        }
        List<String> requires = new ArrayList<>();
        Matcher require = REQUIRES.matcher(code);
        while (require.find()) {
            if (!"java.base".equals(require.group(1))) {
                requires.add(require.group(1));
            }
        }
        return new ModuleInfo(module.group(1), requires);
    }
}
