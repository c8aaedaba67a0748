package uk.starred.api.concern;

import java.time.Instant;

/**
 * A communication about the concern, recorded as the procedures require ("maintain records of all
 * communication and outcome at each stage").
 *
 * @param at       when it happened
 * @param by       the staff id of who recorded it
 * @param withWhom who it was with, in words (the young person via their advocate, the Team Manager ...)
 * @param channel  how (meeting, telephone, email, letter ...)
 * @param summary  what was said or agreed
 */
public record Communication(Instant at, String by, String withWhom, String channel, String summary) {
}
