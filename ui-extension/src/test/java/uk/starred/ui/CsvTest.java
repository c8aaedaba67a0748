package uk.starred.ui;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class CsvTest {

    @Test
    public void quotesCommasQuotesAndLineBreaks() {
        assertEquals("a,\"b,c\",\"say \"\"no\"\"\",\"two\nlines\",\r\n",
                new Csv().row("a", "b,c", "say \"no\"", "two\nlines", null).toString());
    }

    @Test
    public void textThatASpreadsheetWouldRunAsAFormulaIsNeutralised() {
        assertEquals("'=HYPERLINK(x),'+1+1,'@SUM(A1),-5,12\r\n",
                new Csv().row("=HYPERLINK(x)", "+1+1", "@SUM(A1)", -5, 12).toString());
    }
}
