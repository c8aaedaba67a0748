package uk.starred.core.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import uk.starred.api.InvalidCommandException;

/** What text a command takes: words in any script, tabs and line breaks; not control characters or half characters. */
public class ChecksTest {

    @Test
    public void textInAnyScriptWithLineBreaksIsTaken() {
        assertNull(Checks.characterProblem("Aisha's plan\n\tdrifted: 3 months \uD83D\uDE1F \u0627\u0644\u062E\u0637\u0629"));
    }

    @Test
    public void aNulAnotherControlCharacterOrHalfACharacterIsRefusedNamingWhereItIs() {
        assertEquals("a control character (U+0000) at position 2", Checks.characterProblem("a\u0000b"));
        assertEquals("a control character (U+001B) at position 1", Checks.characterProblem("\u001B[2J"));
        assertEquals("half of a character (a lone surrogate) at position 3", Checks.characterProblem("ab\uD800"));
        assertEquals("half of a character (a lone surrogate) at position 1", Checks.characterProblem("\uDC00x"));
        Checks checks = new Checks("Record communication");
        checks.text("summary", "Spoke to the Team Manager\u0000", Checks.TEXT_MAX);
        InvalidCommandException refused = assertThrows(InvalidCommandException.class, checks::done);
        assertTrue(refused.getMessage(), refused.getMessage().contains(
                "summary: holds a control character (U+0000) at position 26"));
    }
}
