/**
 * wirecopy as a named module, for applications that classify on the module path. It exports the API packages and the
 * packages whose types their public signatures name, and nothing else (ArchitectureTest checks the list); the HTTP
 * server and the Spark job run on the class path and are not exported. Jackson reads and writes the records of the
 * exported packages through their public constructors and accessors, so nothing is opened.
 *
 * <p>Deeplearning4j/ND4J cannot be on the module path (docs/hardening.md), so this descriptor is compiled on its own
 * over the compiled classes (pom.xml, execution {@code module-info}) and requires only what classification needs;
 * training, plots, the CLI, the server and Spark run on the class path, where the descriptor is ignored.
 * FootprintTest compiles it against the classify-only jars and runs a consumer module with it.
 */
module org.wirecopy {
    requires com.fasterxml.jackson.databind;
    requires org.jsoup;
    requires readability4j;
    requires kotlin.stdlib; // Readability4J's, which as an automatic module cannot require it itself
    requires org.apache.commons.text;
    requires org.apache.commons.lang3;
    requires org.slf4j;

    exports org.wirecopy;
    exports org.wirecopy.classify;
    exports org.wirecopy.corpus;
    exports org.wirecopy.eval;
    exports org.wirecopy.eval.report;
    exports org.wirecopy.features; // FeatureConfig, StaticVectors: a model's and a training configuration's
    exports org.wirecopy.match;
    exports org.wirecopy.model;
    exports org.wirecopy.network; // NetworkConfig, NetworkWeights, Tensor: a model's
    exports org.wirecopy.text;
    exports org.wirecopy.train;

    // sentence encoders of models trained with --encoder (org.wirecopy.encoder provides MiniLM on the class path;
    // the module does not provide it, since ONNX Runtime is not a module it requires)
    uses org.wirecopy.features.SentenceEncoder.Provider;
}
