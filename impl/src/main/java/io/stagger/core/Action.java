package io.stagger.core;

/** The steps a server takes, named as the actions of {@code spec/StaggeredElection.tla}. */
public enum Action {
    START("Start"),
    RESTART("Restart"),
    DETECTION_TICK("DetectionTick"),
    RECEIVE_INQUIRY("ReceiveInquiry"),
    RECEIVE_INQUIRY_OK("ReceiveInquiryOk"),
    INQUIRY_TIMEOUT("InquiryTimeout"),
    ELECTION_TIMEOUT("ElectionTimeout"),
    RECEIVE_DECLARE("ReceiveDeclare"),
    RECEIVE_REVOKE("ReceiveRevoke"),
    RECEIVE_SUSPECT("ReceiveSuspect"),
    ANNOUNCE("AnnounceTick"),
    /** A timer firing that was cancelled or re-armed since: no rule applies and nothing changes. */
    IGNORED_TIMER("IgnoredTimer");

    private final String specName;

    Action(String specName) {
        this.specName = specName;
    }

    /** The name of the TLA+ action. */
    public String specName() {
        return specName;
    }
}
