/**
 * Baselines to compare the network with on the same folds: the majority label, hand-written cue rules, multinomial
 * Naive Bayes on hashed word n-grams, and logistic regression on the network's own input features. All are plain Java,
 * seeded where random, and thread-safe once trained.
 */
package org.wirecopy.baseline;
