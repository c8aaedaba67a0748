package uk.starred.ui.command;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import uk.starred.api.InvalidCommandException;
import uk.starred.api.Violation;
import uk.starred.api.concern.CafcassDecision;
import uk.starred.api.concern.Concern;
import uk.starred.api.concern.ConcernId;
import uk.starred.api.concern.ConcernOrigin;
import uk.starred.api.concern.ConcernService;
import uk.starred.api.concern.NewAgreedAction;
import uk.starred.api.concern.RaiseConcern;
import uk.starred.api.concern.ReferralMode;
import uk.starred.api.concern.ResponseKind;
import uk.starred.api.procedure.ProcedureRef;

/**
 * The commands the screens and the REST API offer, read from named fields. The tab's forms and the
 * API's JSON bodies use the same names, so both take the same route to {@link ConcernService}, which
 * checks the caller's roles. A field that cannot be read is refused with
 * {@link InvalidCommandException} naming it, before anything is asked of the service.
 */
public final class ConcernCommands {

    /** The commands on an existing concern, by the name used in form fields and API paths. */
    public enum Op {
        RESPOND("respond", "Response recorded", "kind", "reasons", "agreedAction", "agreedActionResponsible",
                "agreedActionDueBy", "occurredAt", "lateReason"),
        RECORD_ACTION("record-action", "Action recorded as done", "actionId", "note", "occurredAt", "lateReason"),
        COMPLETE_AGREED_ACTION("complete-agreed-action", "Agreed action recorded as done", "number", "note"),
        RECORD_COMMUNICATION("record-communication", "Communication recorded", "withWhom", "channel", "summary",
                "occurredAt", "lateReason"),
        ESCALATE("escalate", "Concern escalated", "toStage", "note", "referToCafcass", "remedyDueBy", "occurredAt",
                "lateReason"),
        BYPASS("bypass", "Stages bypassed", "toStage", "reason"),
        CONSIDER_CAFCASS("consider-cafcass", "CAFCASS referral under consideration: those who must be told have been told", "reason"),
        REFER_TO_CAFCASS("refer-to-cafcass", "Referred to CAFCASS", "mode", "reason"),
        RECORD_CAFCASS_DECISION("record-cafcass-decision", "CAFCASS's decision recorded", "decision", "notes"),
        REQUEST_MORE_TIME("request-more-time", "Your request for more time is sent to those who decide it",
                "explanation", "until"),
        DECIDE_MORE_TIME("decide-more-time", "Your decision on the request for more time is recorded", "granted",
                "reasons"),
        RECORD_FAMILY_UPDATE("record-family-update", "The update to the child and family is recorded as sent",
                "sentTo", "channel", "text"),
        RECORD_SATISFACTION("record-satisfaction", "Your answer is recorded", "satisfied", "reasons"),
        RESOLVE("resolve", "Concern resolved", "how"),
        WITHDRAW("withdraw", "Concern withdrawn", "reason"),
        CLOSE("close", "Concern closed", "reason"),
        END("end", "Concern ended as its stage provides", "ending", "reasons");

        public final String path;
        public final String done;
        /** the fields the command reads besides {@code concern} and {@code version} */
        public final List<String> fields;

        Op(String path, String done, String... fields) {
            this.path = path;
            this.done = done;
            this.fields = List.of(fields);
        }

        /** @return the command with this path name, or {@code null} */
        public static Op byPath(String path) {
            for (Op op : values()) {
                if (op.path.equals(path)) {
                    return op;
                }
            }
            return null;
        }
    }

    /** The fields {@link #raise} reads. */
    public static final List<String> RAISE_FIELDS = List.of("childId", "procedure", "origin", "reasons", "description",
            "remedyWanted", "remedyDueBy", "responsiblePerson", "startAtStage", "reviewDate", "cafcassReferral");

    private final ConcernService concerns;

    public ConcernCommands(ConcernService concerns) {
        this.concerns = concerns;
    }

    /** Raises a concern from the fields {@link #RAISE_FIELDS}. */
    public Concern raise(Fields f) {
        List<Violation> wrong = new ArrayList<>();
        ProcedureRef procedure = null;
        String named = f.get("procedure");
        if (named != null) {
            int at = named.indexOf('@');
            if (at <= 0 || at == named.length() - 1) {
                wrong.add(new Violation("procedure", "must be id@version, was '" + named + "'"));
            } else {
                procedure = new ProcedureRef(named.substring(0, at), named.substring(at + 1));
            }
        }
        ConcernOrigin origin = choice(f, "origin", ConcernOrigin.class, wrong);
        LocalDate due = date(f, "remedyDueBy", wrong);
        LocalDate review = date(f, "reviewDate", wrong);
        stop("Raise a concern", wrong);
        return concerns.raise(new RaiseConcern(f.get("childId"), procedure, origin, f.all("reasons"),
                f.get("description"), f.get("remedyWanted"), due, f.get("responsiblePerson"), f.get("startAtStage"),
                review, f.get("cafcassReferral")));
    }

    /** Runs a command on the concern the fields {@code concern} and {@code version} name. */
    public Concern run(Op op, Fields f) {
        List<Violation> wrong = new ArrayList<>();
        ConcernId id = concernId(f.get("concern"), wrong);
        long version = number(f, "version", wrong);
        switch (op) {
            case RESPOND -> {
                ResponseKind kind = choice(f, "kind", ResponseKind.class, wrong);
                if (kind == ResponseKind.DEEMED_AGREEMENT) {
                    wrong.add(new Violation("kind", "deemed agreement is recorded by Starred when the time passes,"
                            + " not by a person"));
                }
                List<NewAgreedAction> actions = agreedActions(f, wrong);
                Instant occurred = moment(f, "occurredAt", wrong);
                stop("Respond", wrong);
                return concerns.respond(id, version, kind, f.get("reasons"), actions, occurred, f.get("lateReason"));
            }
            case RECORD_ACTION -> {
                required(f, "actionId", wrong);
                Instant occurred = moment(f, "occurredAt", wrong);
                stop("Record an action", wrong);
                return concerns.recordAction(id, version, f.get("actionId"), f.get("note"), occurred,
                        f.get("lateReason"));
            }
            case COMPLETE_AGREED_ACTION -> {
                long number = number(f, "number", wrong);
                stop("Record an agreed action done", wrong);
                return concerns.completeAgreedAction(id, version, (int) number, f.get("note"));
            }
            case RECORD_COMMUNICATION -> {
                Instant occurred = moment(f, "occurredAt", wrong);
                stop("Record a communication", wrong);
                return concerns.recordCommunication(id, version, f.get("withWhom"), f.get("channel"), f.get("summary"),
                        occurred, f.get("lateReason"));
            }
            case ESCALATE -> {
                LocalDate remedyDueBy = date(f, "remedyDueBy", wrong);
                Instant occurred = moment(f, "occurredAt", wrong);
                stop("Escalate", wrong);
                return concerns.escalate(id, version, f.get("toStage"), f.get("note"), f.get("referToCafcass"),
                        remedyDueBy, occurred, f.get("lateReason"));
            }
            case REQUEST_MORE_TIME -> {
                LocalDate until = date(f, "until", wrong);
                stop("Ask for more time", wrong);
                return concerns.requestMoreTime(id, version, f.get("explanation"), until);
            }
            case DECIDE_MORE_TIME -> {
                boolean granted = yesOrNo(f, "granted", "true (grant it) or false (refuse it)", wrong);
                stop("Decide a request for more time", wrong);
                return concerns.decideMoreTime(id, version, granted, f.get("reasons"));
            }
            case RECORD_FAMILY_UPDATE -> {
                stop("Record an update to the child and family", wrong);
                return concerns.recordFamilyUpdate(id, version, f.get("sentTo"), f.get("channel"), f.get("text"));
            }
            case BYPASS -> {
                required(f, "toStage", wrong);
                stop("Bypass", wrong);
                return concerns.bypass(id, version, f.get("toStage"), f.get("reason"));
            }
            case CONSIDER_CAFCASS -> {
                stop("Consider a CAFCASS referral", wrong);
                return concerns.considerCafcassReferral(id, version, f.get("reason"));
            }
            case REFER_TO_CAFCASS -> {
                ReferralMode mode = choice(f, "mode", ReferralMode.class, wrong);
                stop("Refer to CAFCASS", wrong);
                return concerns.referToCafcass(id, version, mode, f.get("reason"));
            }
            case RECORD_CAFCASS_DECISION -> {
                CafcassDecision decision = choice(f, "decision", CafcassDecision.class, wrong);
                stop("Record CAFCASS's decision", wrong);
                return concerns.recordCafcassDecision(id, version, decision, f.get("notes"));
            }
            case RECORD_SATISFACTION -> {
                boolean satisfied = yesOrNo(f, "satisfied", "true (satisfied) or false (not satisfied)", wrong);
                stop("Record whether you are satisfied", wrong);
                return concerns.recordSatisfaction(id, version, satisfied, f.get("reasons"));
            }
            case RESOLVE -> {
                stop("Resolve", wrong);
                return concerns.resolve(id, version, f.get("how"));
            }
            case WITHDRAW -> {
                stop("Withdraw", wrong);
                return concerns.withdraw(id, version, f.get("reason"));
            }
            case CLOSE -> {
                stop("Close", wrong);
                return concerns.close(id, version, f.get("reason"));
            }
            case END -> {
                stop("End concern", wrong);
                return concerns.end(id, version, f.get("ending"), f.get("reasons"));
            }
            default -> throw new IllegalStateException(op.name());
        }
    }

    /** @return the field read as true or false; anything else is wrong, in the words given */
    private static boolean yesOrNo(Fields f, String field, String words, List<Violation> wrong) {
        String value = f.get(field);
        if (value == null || !value.equals("true") && !value.equals("false")) {
            wrong.add(new Violation(field, "must be " + words + (value == null ? "" : ", was '" + value + "'")));
        }
        return Boolean.parseBoolean(value);
    }

    /**
     * The agreed actions of an agreement: the fields {@code agreedAction}, {@code agreedActionResponsible}
     * and {@code agreedActionDueBy}, read together by position; a row left wholly blank is no action.
     */
    static List<NewAgreedAction> agreedActions(Fields f, List<Violation> wrong) {
        List<String> what = f.values().getOrDefault("agreedAction", List.of());
        List<String> who = f.values().getOrDefault("agreedActionResponsible", List.of());
        List<String> when = f.values().getOrDefault("agreedActionDueBy", List.of());
        List<NewAgreedAction> actions = new ArrayList<>();
        int rows = Math.max(what.size(), Math.max(who.size(), when.size()));
        for (int i = 0; i < rows; i++) {
            String description = at(what, i);
            String responsible = at(who, i);
            String due = at(when, i);
            if (description == null && due == null) {
                continue;
            }
            String row = "agreed action " + (i + 1);
            LocalDate dueBy = null;
            if (description == null) {
                wrong.add(new Violation("agreedAction", row + ": say what is to be done"));
            }
            if (due == null) {
                wrong.add(new Violation("agreedActionDueBy", row + ": give the date it is due by"));
            } else {
                try {
                    dueBy = LocalDate.parse(due);
                } catch (DateTimeParseException e) {
                    wrong.add(new Violation("agreedActionDueBy", row + ": must be a date written as year-month-day"
                            + " (2026-12-31), was '" + due + "'"));
                }
            }
            actions.add(new NewAgreedAction(description, responsible, dueBy));
        }
        return actions;
    }

    private static String at(List<String> values, int i) {
        return i < values.size() && values.get(i) != null && !values.get(i).isBlank() ? values.get(i).strip() : null;
    }

    /** @return the concern id, or {@code null} with a violation */
    public static ConcernId concernId(String text, List<Violation> wrong) {
        if (text == null) {
            wrong.add(new Violation("concern", "is required"));
            return null;
        }
        try {
            return ConcernId.parse(text);
        } catch (IllegalArgumentException e) {
            wrong.add(new Violation("concern", "is not a concern id: '" + text + "'"));
            return null;
        }
    }

    static void stop(String command, List<Violation> wrong) {
        if (!wrong.isEmpty()) {
            throw new InvalidCommandException(command, wrong);
        }
    }

    static void required(Fields f, String name, List<Violation> wrong) {
        if (f.get(name) == null) {
            wrong.add(new Violation(name, "is required"));
        }
    }

    static long number(Fields f, String name, List<Violation> wrong) {
        String text = f.get(name);
        if (text == null) {
            wrong.add(new Violation(name, "is required"));
            return -1;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            wrong.add(new Violation(name, "must be a whole number, was '" + text + "'"));
            return -1;
        }
    }

    /** The council's time, in which a moment written without an offset is read. */
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** @return a moment written with an offset (2026-11-12T14:00:00Z), or a London time (2026-11-12T14:00) */
    private static Instant moment(Fields f, String name, List<Violation> wrong) {
        String text = f.get(name);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(LONDON).toInstant();
            } catch (DateTimeParseException e) {
                wrong.add(new Violation(name, "must be a date and time, London time (2026-11-12T14:00) or with an"
                        + " offset (2026-11-12T14:00:00Z), was '" + text + "'"));
                return null;
            }
        }
    }

    static LocalDate date(Fields f, String name, List<Violation> wrong) {
        String text = f.get(name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            wrong.add(new Violation(name, "must be a date written as year-month-day (2026-12-31), was '" + text + "'"));
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(Fields f, String name, Class<E> type, List<Violation> wrong) {
        String text = f.get(name);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            wrong.add(new Violation(name, "must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).toList() + ", was '" + text + "'"));
            return null;
        }
    }
}
