package uk.starred.api.procedure;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import uk.starred.api.calendar.Timescale;

/**
 * One stage of a procedure, such as "Stage Two - Ratification of the Recommendations". Build one with
 * {@link #builder(String, String)}; every field but the id and the name has a default.
 *
 * @param id               the stage's id, unique within the procedure, for example {@code RATIFICATION}
 * @param name             the stage's name in the procedure's words
 * @param participants     the roles taking part in the stage
 * @param notified         the roles the stage is addressed to when it starts, besides its responders
 * @param copied           the roles copied in when it starts, for their information
 * @param responders       the roles any one of whom may respond (agree, disagree with reasons, or say
 *                         there is no remit): "the Assistant Team Manager or the Team Manager";
 *                         empty when the stage asks no response
 * @param requiredActions  what must be done and recorded in the stage
 * @param timescale        how long the stage has, or {@code null} for none
 * @param onSilence        what happens when the stage's due moment passes and no response came
 * @param afterResponse    what happens when the due moment passes, a response came and the matter is
 *                         still open at the stage (a disagreement, or an agreement that did not end it
 *                         where the clock keeps running): never {@link OnDeadline#DEEMED_AGREEMENT}
 * @param mayEnterDirectly whether the IRO may start a concern at this stage, or move to it skipping
 *                         the stages before
 * @param mayBypass        whether the procedure lets the stage be bypassed, with a recorded reason (the
 *                         IRO may bypass any stage whatever the procedure says: IRO Handbook 6.2)
 * @param formal           whether the stage is part of the formal process whose total the
 *                         procedure limits (see {@link Procedure#totalLimit()})
 * @param noRemitStage     the stage a "no remit" response moves the concern to (seed 001: a Team
 *                         Manager without the remit sends it straight to stage four), or {@code null}
 * @param caseNotes        case-note type names for events in this stage, overriding the procedure's
 * @param satisfiedBy      whose satisfaction resolves the concern at this stage, or {@code null} when
 *                         those with the right to resolve decide alone
 * @param clockFrom        the moment the stage's timescale counts from: entering it (the default), the
 *                         concern raised, the review date, the previous stage's deadline, or a
 *                         required action recorded ({@code clockAction})
 * @param clockAction      the required action whose moment starts the clock, with
 *                         {@link ClockStart#ACTION_RECORDED}; otherwise {@code null}
 * @param clockStage       the stage (this one or an earlier one) whose start starts the clock, with
 *                         {@link ClockStart#STAGE_BEGUN}; otherwise {@code null} (since 2.1)
 * @param enteredBy        how a concern comes to the stage: by escalation (the default) or only by a
 *                         referral to CAFCASS (since 2.1)
 * @param endings          the ways a concern may end at this stage besides the usual ones, in the
 *                         procedure's words (since 2.1)
 * @param overdueActionsTold the roles told, besides who is to do it and the IRO, when an action agreed at
 *                         this stage passes its due date ("the IRO will notify the Service Manager"; since 2.1)
 * @param moreTime         who may ask for more time at this stage and who decides, or {@code null} when the
 *                         stage offers none (since 2.2)
 * @param episode          the episode type the host's case-management system opens on the child's record
 *                         when the concern enters this stage, and closes when the concern ends ("a Formal
 *                         Alert will be raised using the Mosaic Episode 'Dispute Resolution (Safeguarding)
 *                         Alert'"), or {@code null} (since 2.3)
 */
public record Stage(
        String id,
        String name,
        List<String> participants,
        List<String> notified,
        List<String> copied,
        List<String> responders,
        List<RequiredAction> requiredActions,
        Timescale timescale,
        OnDeadline onSilence,
        OnDeadline afterResponse,
        boolean mayEnterDirectly,
        boolean mayBypass,
        boolean formal,
        String noRemitStage,
        Map<ConcernEvent, String> caseNotes,
        SatisfiedBy satisfiedBy,
        ClockStart clockFrom,
        String clockAction,
        String clockStage,
        StageEntry enteredBy,
        List<Ending> endings,
        List<String> overdueActionsTold,
        MoreTime moreTime,
        String episode) {

    /** The stage as version 2.2 of this package had it. */
    public Stage(String id, String name, List<String> participants, List<String> notified, List<String> copied,
            List<String> responders, List<RequiredAction> requiredActions, Timescale timescale, OnDeadline onSilence,
            OnDeadline afterResponse, boolean mayEnterDirectly, boolean mayBypass, boolean formal, String noRemitStage,
            Map<ConcernEvent, String> caseNotes, SatisfiedBy satisfiedBy, ClockStart clockFrom, String clockAction,
            String clockStage, StageEntry enteredBy, List<Ending> endings, List<String> overdueActionsTold,
            MoreTime moreTime) {
        this(id, name, participants, notified, copied, responders, requiredActions, timescale, onSilence,
                afterResponse, mayEnterDirectly, mayBypass, formal, noRemitStage, caseNotes, satisfiedBy, clockFrom,
                clockAction, clockStage, enteredBy, endings, overdueActionsTold, moreTime, null);
    }

    /** The stage as version 2.1 of this package had it. */
    public Stage(String id, String name, List<String> participants, List<String> notified, List<String> copied,
            List<String> responders, List<RequiredAction> requiredActions, Timescale timescale, OnDeadline onSilence,
            OnDeadline afterResponse, boolean mayEnterDirectly, boolean mayBypass, boolean formal, String noRemitStage,
            Map<ConcernEvent, String> caseNotes, SatisfiedBy satisfiedBy, ClockStart clockFrom, String clockAction,
            String clockStage, StageEntry enteredBy, List<Ending> endings, List<String> overdueActionsTold) {
        this(id, name, participants, notified, copied, responders, requiredActions, timescale, onSilence,
                afterResponse, mayEnterDirectly, mayBypass, formal, noRemitStage, caseNotes, satisfiedBy, clockFrom,
                clockAction, clockStage, enteredBy, endings, overdueActionsTold, null, null);
    }

    /** The stage as version 2.0 of this package had it. */
    public Stage(String id, String name, List<String> participants, List<String> notified, List<String> copied,
            List<String> responders, List<RequiredAction> requiredActions, Timescale timescale, OnDeadline onSilence,
            OnDeadline afterResponse, boolean mayEnterDirectly, boolean mayBypass, boolean formal, String noRemitStage,
            Map<ConcernEvent, String> caseNotes, SatisfiedBy satisfiedBy, ClockStart clockFrom, String clockAction) {
        this(id, name, participants, notified, copied, responders, requiredActions, timescale, onSilence,
                afterResponse, mayEnterDirectly, mayBypass, formal, noRemitStage, caseNotes, satisfiedBy, clockFrom,
                clockAction, null, StageEntry.ESCALATION, List.of(), List.of(), null, null);
    }

    public Stage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        participants = List.copyOf(participants);
        notified = notified == null ? List.of() : List.copyOf(notified);
        copied = copied == null ? List.of() : List.copyOf(copied);
        responders = responders == null ? List.of() : List.copyOf(responders);
        requiredActions = requiredActions == null ? List.of() : List.copyOf(requiredActions);
        onSilence = onSilence == null ? OnDeadline.NOTHING : onSilence;
        afterResponse = afterResponse == null ? OnDeadline.NOTHING : afterResponse;
        caseNotes = caseNotes == null ? Map.of() : Map.copyOf(caseNotes);
        clockFrom = clockFrom == null ? ClockStart.STAGE_ENTERED : clockFrom;
        enteredBy = enteredBy == null ? StageEntry.ESCALATION : enteredBy;
        endings = endings == null ? List.of() : List.copyOf(endings);
        overdueActionsTold = overdueActionsTold == null ? List.of() : List.copyOf(overdueActionsTold);
    }

    /** @return whether a concern comes to this stage only by a referral to CAFCASS */
    public boolean enteredByReferral() {
        return enteredBy == StageEntry.REFERRAL;
    }

    /** @return the ending of this stage with the id, if it has one */
    public Optional<Ending> ending(String endingId) {
        return endings.stream().filter(e -> e.id().equals(endingId)).findFirst();
    }

    /** @return a stage with the id and name, taking no part of anyone, to be filled in */
    public static Builder builder(String id, String name) {
        return new Builder(id, name);
    }

    /** @return whether the stage asks someone to respond */
    public boolean asksResponse() {
        return !responders.isEmpty();
    }

    /** @return the required action with this id, if the stage has one */
    public Optional<RequiredAction> requiredAction(String actionId) {
        return requiredActions.stream().filter(a -> a.id().equals(actionId)).findFirst();
    }

    /** @return the required actions that must be recorded before the step may be taken from this stage */
    public List<RequiredAction> gating(Gate step) {
        return requiredActions.stream().filter(a -> a.before().contains(step)).toList();
    }

    /** Builds a {@link Stage}; each setter replaces what was set before. */
    public static final class Builder {
        private final String id;
        private final String name;
        private List<String> participants = List.of();
        private List<String> notified = List.of();
        private List<String> copied = List.of();
        private List<String> responders = List.of();
        private final List<RequiredAction> requiredActions = new ArrayList<>();
        private Timescale timescale;
        private OnDeadline onSilence = OnDeadline.NOTHING;
        private OnDeadline afterResponse = OnDeadline.NOTHING;
        private boolean mayEnterDirectly;
        private boolean mayBypass;
        private boolean formal;
        private String noRemitStage;
        private final Map<ConcernEvent, String> caseNotes = new EnumMap<>(ConcernEvent.class);
        private SatisfiedBy satisfiedBy;
        private ClockStart clockFrom = ClockStart.STAGE_ENTERED;
        private String clockAction;
        private String clockStage;
        private StageEntry enteredBy = StageEntry.ESCALATION;
        private final List<Ending> endings = new ArrayList<>();
        private List<String> overdueActionsTold = List.of();
        private MoreTime moreTime;
        private String episode;

        private Builder(String id, String name) {
            this.id = id;
            this.name = name;
        }

        public Builder participants(String... roles) {
            participants = List.of(roles);
            return this;
        }

        public Builder notified(String... roles) {
            notified = List.of(roles);
            return this;
        }

        public Builder copied(String... roles) {
            copied = List.of(roles);
            return this;
        }

        public Builder responders(String... roles) {
            responders = List.of(roles);
            return this;
        }

        public Builder requiredAction(RequiredAction action) {
            requiredActions.add(action);
            return this;
        }

        public Builder timescale(Timescale timescale) {
            this.timescale = timescale;
            return this;
        }

        /** Sets what happens when the due moment passes with no response. */
        public Builder onSilence(OnDeadline onSilence) {
            this.onSilence = onSilence;
            return this;
        }

        public Builder afterResponse(OnDeadline afterResponse) {
            this.afterResponse = afterResponse;
            return this;
        }

        public Builder mayEnterDirectly() {
            mayEnterDirectly = true;
            return this;
        }

        public Builder mayBypass() {
            mayBypass = true;
            return this;
        }

        public Builder formal() {
            formal = true;
            return this;
        }

        public Builder noRemitStage(String stageId) {
            noRemitStage = stageId;
            return this;
        }

        public Builder caseNote(ConcernEvent event, String noteType) {
            caseNotes.put(event, noteType);
            return this;
        }

        /** The concern is resolved at the stage when all of (or any of) the roles are satisfied. */
        public Builder satisfiedBy(boolean allOf, String... roles) {
            satisfiedBy = new SatisfiedBy(allOf, List.of(roles));
            return this;
        }

        /** The timescale counts from this moment rather than the stage's entry. */
        public Builder clockFrom(ClockStart start) {
            clockFrom = start;
            return this;
        }

        /** The timescale counts from when the required action happened, once it is recorded. */
        public Builder clockFromAction(String actionId) {
            clockFrom = ClockStart.ACTION_RECORDED;
            clockAction = actionId;
            return this;
        }

        /** The timescale counts from when the named stage (this one or an earlier one) was entered. */
        public Builder clockFromStage(String stageId) {
            clockFrom = ClockStart.STAGE_BEGUN;
            clockStage = stageId;
            return this;
        }

        /** A concern comes to the stage only by a referral to CAFCASS. */
        public Builder enteredByReferral() {
            enteredBy = StageEntry.REFERRAL;
            return this;
        }

        public Builder ending(Ending ending) {
            endings.add(ending);
            return this;
        }

        public Builder overdueActionsTold(String... roles) {
            overdueActionsTold = List.of(roles);
            return this;
        }

        /** Those the roles name may ask for more time at the stage; those named decide. */
        public Builder moreTime(MoreTime moreTime) {
            this.moreTime = moreTime;
            return this;
        }

        /** The host opens an episode of the type when the concern enters the stage. */
        public Builder episode(String episodeType) {
            this.episode = episodeType;
            return this;
        }

        public Stage build() {
            return new Stage(id, name, participants, notified, copied, responders, requiredActions, timescale,
                    onSilence, afterResponse, mayEnterDirectly, mayBypass, formal, noRemitStage, caseNotes,
                    satisfiedBy, clockFrom, clockAction, clockStage, enteredBy, endings, overdueActionsTold, moreTime,
                    episode);
        }
    }
}
