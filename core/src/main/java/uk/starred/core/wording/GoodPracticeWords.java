package uk.starred.core.wording;

/** What a good practice alert says to the person recognised. */
public final class GoodPracticeWords {

    private GoodPracticeWords() {
    }

    public static String subject(String childId) {
        return ConcernWords.subject(childId, "good practice recognised");
    }

    public static String notice(String recogniser, String practice) {
        return recogniser + " has recognised your good practice in this child's case: " + practice
                + " It is recorded and reported to those who oversee the service.";
    }
}
