package org.wirecopy.cli;

import org.wirecopy.train.ConfigIO;
import org.wirecopy.train.ExperimentConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code init-config}: writes an experiment configuration holding every default. */
@Command(name = "init-config", mixinStandardHelpOptions = true,
        description = "Write an experiment configuration with every default (stdout, or FILE).")
final class InitConfigCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Where to write it. Default: stdout.")
    Path file;

    @Override
    public Integer call() throws Exception {
        String json = ConfigIO.toJson(ExperimentConfig.defaults());
        if (file == null) {
            spec.commandLine().getOut().print(json);
            spec.commandLine().getOut().flush();
        } else {
            if (Files.exists(file)) {
                throw new IllegalArgumentException(file + " exists; remove it or choose another name");
            }
            org.wirecopy.io.SafeFiles.writeAtomically(file, json);
            var err = spec.commandLine().getErr();
            err.println("wrote " + file + ": an experiment configuration with every default; fill in data.train, "
                    + "data.dev and data.test (evaluated by evaluate --config), then run train --config " + file);
            err.flush();
        }
        return ExitCodes.OK;
    }
}
