package uk.starred.core.oversight;

import java.time.LocalDate;

/**
 * One count's place in the oversight figures: a day, a measure and what of it (how a concern arose,
 * a legal status, a procedure's stage or reason as {@link OversightLines#item}, how it ended ...).
 */
public record CountLine(LocalDate day, Measure measure, String item) {
}
