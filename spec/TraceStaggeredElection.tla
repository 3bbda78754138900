----------------------- MODULE TraceStaggeredElection -----------------------
(***************************************************************************)
(* Trace validation: does StaggeredElection admit the behaviour that an    *)
(* implementation run recorded?  `bin/stagger check --trace DIR` generates *)
(* module TraceData (TraceLog: the run's events, in an order consistent    *)
(* with causality; TraceStartAt: when each server started) in place of     *)
(* spec/TraceData.tla, a small example; see model-check/TRACES.md.  The    *)
(* trace is a definition, not a CONSTANT, so that TLC evaluates it once.   *)
(*                                                                         *)
(* The usual trace-spec pattern: `i` indexes the trace; every observed     *)
(* event is one step of StaggeredElection's Next -- the action the event   *)
(* names, by the server it names, consuming the message it names -- after *)
(* which that server's role, master and epoch must equal the recorded      *)
(* ones.  Where the trace is silent the spec takes unobserved steps.       *)
(*                                                                         *)
(* Abstractions, each a deliberate departure from StaggeredElection:       *)
(*   - Time.  One tick is one microsecond of the run's time line.  Time    *)
(*     advances to the next event's time in one step (AdvanceTime), which *)
(*     is that many Ticks without Tick's urgency guard: a timer that is    *)
(*     due stays at 0 and a message may outlive its delay budget.  So a    *)
(*     timer that fires too EARLY is rejected (its action needs the timer  *)
(*     at 0), a timer that fires late is admitted, and so is a message    *)
(*     that arrives late or never (loss and partitions need no step).      *)
(*   - Start.  Each server starts at StartAt[s] (its Start event), not     *)
(*     within StartSkew of the others: its first timer is armed from then. *)
(*   - Crash.  A server's crash is unobserved; it is taken just before the *)
(*     server's recorded Restart, at the same time (TraceCrash), and keeps *)
(*     the messages in flight to it.                                       *)
(*   - Stale timers.  A timer firing that the implementation ignored       *)
(*     (IgnoredTimer) is a stuttering step.                                *)
(***************************************************************************)
EXTENDS StaggeredElection, TraceData

Trace == TraceLog          \* a sequence of event records
StartAt == TraceStartAt    \* StartAt[s]: the time at which server s started

VARIABLES
    i,        \* the index of the next event of Trace to match
    now       \* the time of the last event matched

traceVars == <<vars, i, now>>

Ev == Trace[i]

(* Init, with every server's first timer armed from its own start.        *)
TraceInit ==
    /\ up = [s \in Server |-> TRUE]
    /\ role = [s \in Server |-> IF s = 1 THEN "MASTER" ELSE "BACKUP"]
    /\ master = [s \in Server |-> 1]
    /\ epoch = [s \in Server |-> 0]
    /\ inquiryOut = [s \in Server |-> FALSE]
    /\ timerDetection = [s \in Server |-> IF s = 1 THEN OFF ELSE FirstDetection + StartAt[s]]
    /\ timerInquiry = [s \in Server |-> OFF]
    /\ timerElection = [s \in Server |-> OFF]
    /\ timerAnnounce = [s \in Server |-> IF s = 1 /\ Announce THEN P + StartAt[s] ELSE OFF]
    /\ net = {}
    /\ cut = {}
    /\ crashes = 0 /\ restarts = 0 /\ losses = 0 /\ lates = 0 /\ partitions = 0
    /\ clock = 0
    /\ timerStart = [s \in Server |-> OFF]
    /\ quiet = FaultWindow
    /\ roster = [s \in Server |-> Server]
    /\ heard = [s \in Server |-> StartHeard(s)]
    /\ i = 1
    /\ now = 0

(* k Ticks at once, without the urgency guard.                             *)
Later(t, k) == [s \in Server |-> IF t[s] > 0 THEN Max(t[s] - k, 0) ELSE t[s]]

AdvanceTime ==
    /\ i <= Len(Trace) /\ now < Ev.t
    /\ LET k == Ev.t - now IN
       /\ timerDetection' = Later(timerDetection, k)
       /\ timerInquiry' = Later(timerInquiry, k)
       /\ timerElection' = Later(timerElection, k)
       /\ timerAnnounce' = Later(timerAnnounce, k)
       /\ net' = {[m EXCEPT !.due = @ - k] : m \in net}
    /\ now' = Ev.t
    /\ UNCHANGED <<up, serverVars, faultVars, clock, timerStart, quiet, rosterVars, i>>

(* The unobserved crash before a recorded Restart: Crash, except that the  *)
(* messages in flight to the server stay (the crash is placed at the       *)
(* restart, and a real network may deliver what was sent while it was     *)
(* down to the new incarnation).                                           *)
TraceCrash ==
    /\ i <= Len(Trace) /\ Ev.action = "Restart" /\ now = Ev.t
    /\ LET s == Ev.srv IN
       /\ up[s]
       /\ up' = [up EXCEPT ![s] = FALSE]
       /\ Blank(s)
       /\ timerElection' = [timerElection EXCEPT ![s] = OFF]
       /\ crashes' = crashes + 1
    /\ UNCHANGED <<net, cut, restarts, losses, lates, partitions, clock, timerStart, quiet, i, now>>

(* The messages in flight that the event says it received; of several      *)
(* equal ones, the oldest (they differ only in their delay budget).        *)
Matching ==
    {m \in net : /\ m.to = Ev.srv /\ m.from = Ev.from /\ m.type = Ev.type
                 /\ m.master = Ev.mmaster /\ m.revoked = Ev.mrevoked /\ m.epoch = Ev.mepoch
                 /\ m.live = Ev.mlive}
Received == CHOOSE m \in Matching : \A o \in Matching : o.due >= m.due

Receive(A(_)) == Matching # {} /\ A(Received)

(* The action that the event names, as a step of StaggeredElection.        *)
EventStep ==
    LET s == Ev.srv IN
    CASE Ev.action = "Start"            -> UNCHANGED vars
      [] Ev.action = "IgnoredTimer"     -> UNCHANGED vars
      [] Ev.action = "Restart"          -> Restart(s)
      [] Ev.action = "DetectionTick"    -> DetectionTick(s)
      [] Ev.action = "InquiryTimeout"   -> InquiryTimeout(s)
      [] Ev.action = "ElectionTimeout"  -> ElectionTimeout(s)
      [] Ev.action = "AnnounceTick"     -> AnnounceTick(s)
      [] Ev.action = "ReceiveInquiry"   -> Receive(ReceiveInquiry)
      [] Ev.action = "ReceiveInquiryOk" -> Receive(ReceiveInquiryOk)
      [] Ev.action = "ReceiveDeclare"   -> Receive(ReceiveDeclare)
      [] Ev.action = "ReceiveRevoke"    -> Receive(ReceiveRevoke)
      [] Ev.action = "ReceiveSuspect"   -> Receive(ReceiveSuspect)
      [] OTHER                          -> FALSE

(* One observed event: its action, then the recorded state of its server.  *)
TraceStep ==
    /\ i <= Len(Trace) /\ now = Ev.t
    /\ EventStep
    /\ role'[Ev.srv] = Ev.role
    /\ master'[Ev.srv] = Ev.master
    /\ epoch'[Ev.srv] = Ev.epoch
    /\ i' = i + 1
    /\ UNCHANGED now

TraceNext == TraceStep \/ AdvanceTime \/ TraceCrash

TraceSpec == TraceInit /\ [][TraceNext]_traceVars

(* TLC reports this invariant violated exactly when the whole trace was    *)
(* matched: the spec admits the run.  If TLC finds no violation, the spec  *)
(* admits no behaviour that matches the trace beyond some event.           *)
TraceNotAccepted == i <= Len(Trace)

(* A state constraint that is always true and prints every state reached:  *)
(* the checker reads the deepest one, the state before the first event    *)
(* that the spec does not allow.                                           *)
ReportState ==
    PrintT(<<"trace-state", i, now,
             [up |-> up, role |-> role, master |-> master, epoch |-> epoch,
              inquiryOut |-> inquiryOut, timerDetection |-> timerDetection,
              timerInquiry |-> timerInquiry, timerElection |-> timerElection,
              timerAnnounce |-> timerAnnounce]>>)
=============================================================================
