/**
 * Corpus scale on Apache Spark: {@link org.wirecopy.spark.SparkClassification} adds wirecopy's paragraph labels to a
 * DataFrame with the same model and the same answers as the Java API, {@link org.wirecopy.spark.GroupShares} makes the
 * per-group summary of the study workflow, and {@link org.wirecopy.spark.WirecopyJob} is the {@code spark-submit} job.
 * Spark is a {@code provided} dependency: the cluster supplies it, and an app that only classifies never needs it.
 * This package uses the library and is never used by it (see docs/spark.md).
 */
package org.wirecopy.spark;
