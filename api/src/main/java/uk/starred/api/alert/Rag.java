package uk.starred.api.alert;

/**
 * Red, amber, green: how urgent an alert is. A screen must show the word (or an icon with a text
 * label), not colour alone.
 */
public enum Rag {
    /** Past due: someone must act now. */
    RED,
    /** Due soon, or awaiting someone outside the council (CAFCASS). */
    AMBER,
    /** Open and within its time. */
    GREEN
}
