/**
 * The five seed procedures as data, and the scenarios that walk each of them as its text reads.
 * A scenario class is abstract: a plain test runs it on the engine wired by hand, a Karaf test on
 * Starred's OSGi services.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package uk.starred.testkit.seeds;
