/**
 * What every part of the Starred contract shares: the errors a caller can act on.
 *
 * <p>Every command in Starred either happens completely or not at all. When it cannot happen,
 * the caller gets one of these exceptions, each naming what was wrong, and nothing is written.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package uk.starred.api;
