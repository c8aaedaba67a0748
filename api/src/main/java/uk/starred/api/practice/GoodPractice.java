package uk.starred.api.practice;

import java.time.Instant;
import java.util.Objects;

/**
 * Good practice by a worker or manager that an IRO or Child Protection Chair recognised in a child's case
 * ("recognise and report on good practice by individuals or teams").
 *
 * @param id           its identity
 * @param childId      the host's id of the child whose case it was
 * @param staffId      the staff id of who is recognised
 * @param team         their team as the host named it when it was recorded, or {@code null} when the host
 *                     names none
 * @param practice     what was done well, in the recogniser's words
 * @param recognisedBy the staff id of the IRO or Child Protection Chair who recorded it
 * @param recognisedAt when it was recorded
 */
public record GoodPractice(String id, String childId, String staffId, String team, String practice,
        String recognisedBy, Instant recognisedAt) {

    public GoodPractice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(childId, "childId");
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(practice, "practice");
        Objects.requireNonNull(recognisedBy, "recognisedBy");
        Objects.requireNonNull(recognisedAt, "recognisedAt");
    }
}
