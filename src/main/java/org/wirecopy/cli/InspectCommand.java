package org.wirecopy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.wirecopy.model.Model;
import org.wirecopy.network.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * {@code inspect}: what a model is and where it comes from, and, for a model trained with {@code --fit-thresholds},
 * the decision rule it labels by with the dev figures recorded with it.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show a model's labels, configuration, parameters and provenance, and the decision rule "
                + "fitted by train --fit-thresholds (threshold or per-label biases, dev macro-F1 with and without "
                + "it) when the model has one."})
final class InspectCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOption model;

    @Override
    public Integer call() throws Exception {
        Model m = model.classifier().model();
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        out.println("model:        " + (model.model == null ? "bundled default model" : model.model));
        out.println("labels:       " + String.join(", ", m.labels()));
        out.println("architecture: " + m.network().architecture().id());
        out.println("network:      " + m.network());
        out.println("features:     " + m.features() + ", input size " + m.features().inputSize());
        out.println("networks:     " + m.weights().members() + (m.weights().members() > 1
                ? " (a seed ensemble: scores are the members' mean)" : ""));
        out.println("parameters:   " + m.weights().parameterCount());
        for (Tensor t : m.weights().tensors()) out.println("  " + t.name() + " " + Arrays.toString(t.shape()));
        if (!m.decision().isNone()) {
            // a rule fitted by train --fit-thresholds; models without one print as they always did
            out.println("decision:     fitted on dev (train --fit-thresholds): " + DecisionText.rule(m)
                    + (m.labels().size() == 2 ? " (" + DecisionText.biases(m) + ")" : ""));
            String dev = DecisionText.devFigures(m.provenance().devMetrics());
            if (!dev.isEmpty()) out.println("  dev macro-F1 " + dev);
        }
        out.println("provenance:");
        out.println(json.writeValueAsString(m.provenance()));
        out.flush();
        return ExitCodes.OK;
    }
}
