package uk.starred.ui.command;

import uk.starred.api.CommandRefusedException;
import uk.starred.api.InvalidCommandException;
import uk.starred.api.NotFoundException;
import uk.starred.api.NotPermittedException;
import uk.starred.api.StageNotAllowedException;
import uk.starred.api.UnknownChildException;
import uk.starred.api.UnknownProcedureException;
import uk.starred.api.UnknownStageException;

/** The HTTP status for each way a command is refused: the same on the screens and in the API. */
public final class Refusals {

    private Refusals() {
    }

    /**
     * @return 400 for content that is wrong, 403 for a person without the right, 404 for what does
     *         not exist, 409 for a command that no longer fits the concern (changed meanwhile, ended,
     *         or a stage the procedure does not allow now)
     */
    public static int status(RuntimeException refused) {
        if (refused instanceof InvalidCommandException || refused instanceof UnknownStageException
                || refused instanceof UnknownProcedureException) {
            return 400;
        }
        if (refused instanceof NotPermittedException) {
            return 403;
        }
        if (refused instanceof NotFoundException || refused instanceof UnknownChildException) {
            return 404;
        }
        if (refused instanceof StageNotAllowedException || refused instanceof CommandRefusedException) {
            return 409;
        }
        return 400;
    }
}
