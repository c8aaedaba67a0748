/**
 * The reference host's notion of who is signed in. Its web screens sign people in; its demo data
 * loader and the end-to-end tests act as a named person through {@link uk.starred.referencehost.session.Session#runAs}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package uk.starred.referencehost.session;
