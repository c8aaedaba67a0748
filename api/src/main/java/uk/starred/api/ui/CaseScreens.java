package uk.starred.api.ui;

/** The host screens a {@link CaseTab} can be placed on: the value of {@link CaseTab#SCREEN}. */
public final class CaseScreens {

    /** The child's case screen: {@link CaseView#childId()} names the child. */
    public static final String CHILD = "child";

    /**
     * The service's oversight screen, for the IRO Service Manager and the Head of Service for Quality
     * Assurance: {@link CaseView#childId()} is {@code null}.
     */
    public static final String OVERSIGHT = "oversight";

    private CaseScreens() {
    }
}
