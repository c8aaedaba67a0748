/**
 * What every part of the Starred contract shares: the errors a caller can act on.
 *
 * <p>Every command in Starred either happens completely or not at all. When it cannot happen,
 * the caller gets one of these exceptions, each naming what was wrong, and nothing is written. When
 * the database cannot be reached, {@link uk.starred.api.StoreUnavailableException} says so: nothing
 * was written, and the command may be sent again once it answers; or, when the database stopped
 * answering during the commit itself, that the command may have been kept and must be looked for first.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package uk.starred.api;
