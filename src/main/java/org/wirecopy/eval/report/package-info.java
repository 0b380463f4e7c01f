/**
 * Reports of evaluation and cross-validation results: {@link org.wirecopy.eval.report.ReportWriter} writes
 * {@code report.json} ({@link org.wirecopy.eval.report.JsonReport}), {@code report.md}
 * ({@link org.wirecopy.eval.report.MarkdownReport}) and PNG plots drawn with XChart
 * ({@link org.wirecopy.eval.report.Plots}) into one directory. Every report names the data it was measured on
 * ({@link org.wirecopy.eval.report.DataDescription}) and echoes the model's provenance.
 */
package org.wirecopy.eval.report;
