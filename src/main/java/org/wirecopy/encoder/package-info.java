/**
 * Sentence encoders for the opt-in accurate mode ({@code train --encoder minilm}): all-MiniLM-L6-v2 on ONNX Runtime.
 * This package uses the library and is never used by it (ArchitectureTest): the library finds its encoders through
 * {@link org.wirecopy.features.SentenceEncoder.Provider} and {@link java.util.ServiceLoader}, so an app that
 * classifies with a model without an encoder needs neither this package's dependencies nor ONNX Runtime.
 */
package org.wirecopy.encoder;
