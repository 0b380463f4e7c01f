/**
 * Source matching: which reference story (a wire feed, an archive) a pasted paragraph came from, how much of the
 * paragraph it covers, and what the writer changed.
 *
 * <p>{@link org.wirecopy.match.SourceIndexWriter} builds an index file from stories in a streaming pass (word
 * shingles of normalised text, MinHash signatures, LSH bands; an external sort keeps memory bounded);
 * {@link org.wirecopy.match.SourceIndex} opens it (memory-mapped, checksummed, versioned; no Java deserialisation);
 * {@link org.wirecopy.match.SourceMatcher} finds candidates through the bands and verifies each with a word-level
 * alignment that yields the coverage and the {@link org.wirecopy.match.Edit}s; {@link
 * org.wirecopy.match.MatchingClassifier} uses a verbatim match as a REPORTING cue. The package uses the library
 * (text normalisation, corpus readers, the classifier) and the library never uses it.
 *
 * <p>The index file format is described in {@code IndexLayout} and in docs/source-matching.md.
 */
package org.wirecopy.match;
