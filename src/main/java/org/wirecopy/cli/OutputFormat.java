package org.wirecopy.cli;

/** Output formats of {@code classify}. */
enum OutputFormat {
    text, jsonl, csv, html
}
