package uk.starred.referencehost.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.osgi.service.component.annotations.Component;

/**
 * The demo's clock, which Starred's engine takes as its own ({@code java.time.Clock} service): the time now, but
 * while the demo makes its year of history ({@link DemoHistory}) it is set to each moment of that year in turn, so
 * that every command and every deadline of the history happens through the engine at its own time. A council's
 * platform registers no clock: the engine then uses the system's.
 */
@Component(service = {Clock.class, DemoClock.class}, property = "starred.clock=demo")
public class DemoClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Sets the clock to the moment; it runs on from there. Only forward in time, but for the first setting. */
    void at(Instant moment) {
        offset = Duration.between(Instant.now(), moment);
    }

    /** Sets the clock back to the time now. */
    void now() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Duration by = offset;
        return by.isZero() ? Instant.now() : Instant.now().plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        DemoClock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }
        };
    }
}
