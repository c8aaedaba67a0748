package org.apache.felix.coordinator.impl;

import org.osgi.service.coordinator.Coordinator;

/**
 * Felix's real Coordinator, for tests that run Aries JPA's templates outside OSGi. Its
 * constructors are package-private, hence this class in Felix's package.
 */
public final class PlainCoordinator {

    private PlainCoordinator() {
    }

    public static Coordinator create() {
        return new CoordinatorImpl(null, new CoordinationMgr());
    }
}
