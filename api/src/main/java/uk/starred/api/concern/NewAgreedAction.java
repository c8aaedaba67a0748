package uk.starred.api.concern;

import java.time.LocalDate;

/**
 * An action a manager agrees to, given with an agreement.
 *
 * @param description what is to be done
 * @param responsible the staff id of who is to do it
 * @param dueBy       the day it is due by
 */
public record NewAgreedAction(String description, String responsible, LocalDate dueBy) {
}
