package io.stagger.core;

/** An immutable copy of one server's protocol state: the variables of the spec, timers as deadlines in microseconds. */
public record ServerState(
        String self,
        Role role,
        String master,
        long epoch,
        boolean inquiryOutstanding,
        long timerDetectionAt,
        long timerInquiryAt,
        long timerElectionAt,
        long timerAnnounceAt) {

    @Override
    public String toString() {
        return self + "{" + role + " master=" + (master == null ? "NONE" : master) + " epoch=" + epoch
                + (inquiryOutstanding ? " inquiring" : "")
                + timer(" detection@", timerDetectionAt) + timer(" inquiry@", timerInquiryAt)
                + timer(" election@", timerElectionAt) + timer(" announce@", timerAnnounceAt) + "}";
    }

    private static String timer(String label, long at) {
        return at == Server.NOT_ARMED ? "" : label + at;
    }
}
