/**
 * The HTTP service and web page ({@code wirecopy serve}): a versioned JSON API over the public classification API
 * ({@link org.wirecopy.classify.Classifier}), Prometheus metrics, an OpenAPI document and an offline page at {@code /}.
 *
 * <p>This package uses the library and is never used by it; its server library (Javalin) is an optional dependency,
 * so an application that only classifies does not need it.
 */
package org.wirecopy.serve;
