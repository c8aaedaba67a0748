/**
 * What Starred's tests share, in plain JUnit and inside Karaf: an in-memory host platform
 * ({@link uk.starred.testkit.TestHost}), a clock moved by hand ({@link uk.starred.testkit.SettableClock}),
 * the five seed procedures and the scenarios that walk them. Not part of the product.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package uk.starred.testkit;
