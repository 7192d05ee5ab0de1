package io.bloomfit.cli;

import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.host.HashFunctions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bloomfit hash}: hash values for checking a function's definition against another implementation. */
@Command(name = "hash", mixinStandardHelpOptions = true,
        description = {"Prints hash(KEY, SEED) for each KEY, one unsigned decimal value per line.",
            "Keys and seeds are 64-bit integers, written signed (-1) or unsigned (18446744073709551615)."},
        footer = {"", ExitCodes.HELP})
public class HashCommand implements Callable<Integer> {

    @Option(names = {"-f", "--function"}, required = true, paramLabel = "F",
            description = "hash function name (see `bloomfit plugins`)")
    String function;

    @Option(names = {"-s", "--seed"}, paramLabel = "S", defaultValue = "0", description = "seed (default 0)")
    String seed;

    @Parameters(arity = "1..*", paramLabel = "KEY", description = "keys to hash")
    List<String> keys;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        HashFunction hash = HashFunctions.forName(function);
        long s = parse("--seed", seed);
        var out = spec.commandLine().getOut();
        for (String key : keys) {
            out.println(Long.toUnsignedString(hash.hash(parse("KEY", key), s)));
        }
        out.flush();
        return ExitCodes.OK;
    }

    static long parse(String what, String text) {
        try {
            return text.startsWith("-") ? Long.parseLong(text) : Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw new UserError(what + " '" + text + "' is not a 64-bit integer (e.g. 42, -1 or "
                    + "18446744073709551615)");
        }
    }
}
