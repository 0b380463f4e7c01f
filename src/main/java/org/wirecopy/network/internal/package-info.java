/**
 * Internal: the only package that touches Deeplearning4j and ND4J. It builds the training graph from a
 * {@link org.wirecopy.network.NetworkConfig}, fits it, and converts parameters to and from
 * {@link org.wirecopy.network.NetworkWeights}. Nothing here is public API; signatures outside this package use JDK
 * types and wirecopy records only.
 */
package org.wirecopy.network.internal;
