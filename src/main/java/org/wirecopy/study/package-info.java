/**
 * Studies over many articles: per-article summaries ({@link org.wirecopy.study.ArticleSummary}), their CSV/JSONL
 * files, per-group aggregates with bootstrap intervals ({@link org.wirecopy.study.Summarizer}), input expansion over
 * folders ({@link org.wirecopy.study.InputFiles}) and splitting blog pages into posts
 * ({@link org.wirecopy.study.PostSplitter}). This package uses the library and is never used by it.
 */
package org.wirecopy.study;
