------------------------- MODULE StaggeredElection -------------------------
(***************************************************************************)
(* The staggered-election protocol of PROTOCOL.md, with the choices of     *)
(* docs/PROTOCOL-DECISIONS.md, one action per rule of PROTOCOL.md §4.      *)
(*                                                                         *)
(* Servers are 1..N and server i has rank i: rank 1 is the strongest       *)
(* candidate (PROTOCOL.md §1; any distinct ranks are a renaming of these). *)
(*                                                                         *)
(* Time.  Time is discrete: one Tick is one unit.  Timers and messages do  *)
(* not store absolute deadlines but the time that remains until them, so   *)
(* the state space stays finite while time runs forever:                   *)
(*   - a timer is OFF or holds the ticks left until it fires; it is due at *)
(*     0 and its rule must then fire before the next Tick (urgency);       *)
(*   - a message in flight holds the ticks left of its delay budget        *)
(*     (`due`, MaxDelay when sent); it may be delivered at any moment and  *)
(*     must be delivered before the Tick that would take `due` below 0.    *)
(* Tick decrements every timer and every budget, and is enabled only when  *)
(* nothing is due.  So every message arrives within MaxDelay <= D of being *)
(* sent unless a fault (Late, Lose, Partition, Crash) says otherwise.      *)
(* `clock` counts the ticks since the last fault, saturating at            *)
(* FailoverBound (it stays 0 when FailoverBound = 0), so that the failover *)
(* bound is an ordinary invariant over the clock.                          *)
(*                                                                         *)
(* Faults.  Each kind has a budget, so every behaviour has a last fault    *)
(* and "after the last fault" is meaningful for convergence.  A crashed    *)
(* server loses its state (it is kept blank) and so do the messages in     *)
(* flight to it; a partition cuts the group in two until Heal.             *)
(*                                                                         *)
(* Staggered start.  With StartWindow > 0 each server's process starts at  *)
(* its own moment within StartWindow ticks (Boot, rule 8); until then it   *)
(* is down and what is sent to it is lost.  Starting late is not a fault.  *)
(* `quiet` counts the ticks since the last crash, loss, late message,      *)
(* partition or heal (not restarts, not starts), saturating at             *)
(* FaultWindow, for the property that no election happens without a fault.*)
(***************************************************************************)
EXTENDS Naturals, Integers, Sequences, FiniteSets, TLC

CONSTANTS
    N,              \* the number of servers; server i has rank i
    Announce,       \* variant `announce` (PROTOCOL.md §5)
    Epochs,         \* variant `epochs`
    Redirect,       \* variant `redirect`
    Patient,        \* variant `patient`: no election without a fault
    Spaced,         \* variant `spaced`: each step of E(i) P + D longer
    Prompt,         \* variant `prompt`: a detector tells the stronger candidates
    Roster,         \* variant `roster`: E(i) counts only the members the master heard from
    P,              \* detection period (and announce period), in ticks
    T,              \* inquiry time-out
    B,              \* base election delay
    D,              \* the configured one-way delay bound d(k, j) that E(i) uses
    MaxDelay,       \* the network's real delay bound, at most D
    StartSkew,      \* servers start up to StartSkew ticks apart (detection phases)
    StartWindow,    \* processes start up to StartWindow ticks apart (staggered start)
    StartAllowance, \* patient: a starting BACKUP's first detection tick, unless it hears its master
    MaxCrashes,     \* fault budget: crashes
    MaxRestarts,    \* fault budget: restarts of crashed servers
    MaxLosses,      \* fault budget: messages lost
    MaxLate,        \* fault budget: messages delayed beyond D (by D more)
    MaxPartitions,  \* fault budget: partitions, each of which heals
    MaxEpoch,       \* state-space bound on epochs (a CONSTRAINT, see EpochBound)
    FailoverBound,  \* the failover bound to confirm, in ticks; 0 turns the clock off
    FaultWindow     \* an election more than this many ticks after the last fault is spurious; 0: off

ASSUME /\ N \in Nat /\ N >= 2
       /\ {Announce, Epochs, Redirect, Patient, Spaced, Prompt, Roster} \subseteq BOOLEAN
       /\ {P, T, B} \subseteq Nat \ {0}
       /\ D \in Nat /\ MaxDelay \in 0..D
       /\ StartSkew \in 0..(P - 1)
       /\ StartWindow \in Nat /\ StartAllowance \in Nat /\ StartAllowance >= P
       /\ {MaxCrashes, MaxRestarts, MaxLosses, MaxLate, MaxPartitions} \subseteq Nat
       /\ MaxEpoch \in Nat /\ FailoverBound \in Nat /\ FaultWindow \in Nat

Server == 1..N
NONE == 0                  \* `master` of a server that recognises no one
OFF == -1                  \* a timer that is not armed
Roles == {"MASTER", "BACKUP", "WAITING"}
MsgTypes == {"inquiry", "inquiry_ok", "declare", "revoke", "suspect"}
Max(a, b) == IF a >= b THEN a ELSE b
Min(a, b) == IF a <= b THEN a ELSE b

(* E(i) of PROTOCOL.md §2 with one bound D for all pairs: B plus one step  *)
(* for every candidate stronger than i; the candidates are every server    *)
(* but `failed` (NONE: no one is excluded, rule 9).  The step is D; with   *)
(* Spaced P + D more: a crash skews detection by less than P + D (one      *)
(* backup's inquiry answered just before it, another's lost, their delays  *)
(* differing by up to D), and a declaration takes up to D to arrive.       *)
(* With Prompt (and not Spaced) D more: a stronger candidate detects no    *)
(* later than a `suspect` from a weaker one arrives, within D.             *)
(* With Roster the candidates are only the members of i's roster (the     *)
(* members its master last reported alive), so a member known to be down  *)
(* costs no step.                                                          *)
Step == IF Spaced THEN P + 2 * D ELSE IF Prompt THEN 2 * D ELSE D
EOver(i, candidates) == B + Cardinality({k \in candidates : k < i}) * Step

(* Rule 9's election delay, over every other server (a restarted server    *)
(* knows no roster); with Patient one announce period and one delay bound  *)
(* more, so that a serving master is heard before the restarted server     *)
(* declares.                                                               *)
ERestart(i) == EOver(i, Server) + (IF Patient THEN P + D ELSE 0)

(* A starting BACKUP's first detection tick (rule 8).                      *)
FirstDetection == IF Patient THEN StartAllowance ELSE P

(* Rule 8's state of server i: the rank-1 server MASTER, the others its    *)
(* BACKUPs; used by Init and by Boot.                                      *)
StartRole(i) == IF i = 1 THEN "MASTER" ELSE "BACKUP"
StartDetection(i) == IF i = 1 THEN OFF ELSE FirstDetection
StartAnnounce(i) == IF i = 1 /\ Announce THEN P ELSE OFF
(* Roster: the rank-1 server starts as if it had heard from everyone, so   *)
(* that its first two announcements name every member: backups that wait  *)
(* for their master before inquiring (Patient) are not reported down.     *)
StartHeard(i) == IF Roster /\ i = 1 THEN Server ELSE {}

MaxTimer == Max(Max(FirstDetection, T), ERestart(N))

VARIABLES
    up,              \* up[i]: server i is running (not crashed)
    role,            \* role[i] \in Roles
    master,          \* master[i]: whom i recognises, or NONE
    epoch,           \* epoch[i]: always 0 without Epochs
    inquiryOut,      \* inquiryOut[i]: an inquiry was sent and its time-out is armed
    timerDetection,  \* ticks left, or OFF; armed iff BACKUP
    timerInquiry,    \* armed iff BACKUP /\ inquiryOut
    timerElection,   \* armed iff WAITING
    timerAnnounce,   \* armed iff MASTER /\ Announce
    net,             \* the set of messages in flight
    cut,             \* one side of the current partition; {} when connected
    crashes, restarts, losses, lates, partitions,  \* fault budget spent
    clock,           \* ticks since the last fault, saturating at FailoverBound
    timerStart,      \* ticks until a server's process starts, OFF once it has
    quiet,           \* ticks since the last crash, loss, late, partition or heal
    roster,          \* Roster: roster[i], the members i's master last reported alive
                     \* (a MASTER: those it heard from in the announce period before)
    heard            \* Roster: heard[i], whom MASTER i has heard an inquiry from in this period

serverVars == <<role, master, epoch, inquiryOut>>
timerVars == <<timerDetection, timerInquiry, timerElection, timerAnnounce>>
faultVars == <<cut, crashes, restarts, losses, lates, partitions>>
rosterVars == <<roster, heard>>
vars == <<up, serverVars, timerVars, net, faultVars, clock, timerStart, quiet, rosterVars>>

(* E(i) after the failure of `failed` (rule 4): over i's roster, which is  *)
(* every server without Roster.                                            *)
E(i, failed) == EOver(i, roster[i] \ {failed})

(* `live`, in a declare or revoke with Roster: the sender's roster, the    *)
(* members it heard from in its last two announce periods; {} otherwise.  *)
Message == [type : MsgTypes, from : Server, to : Server, master : Server \cup {NONE},
            revoked : Server \cup {NONE}, epoch : Nat, live : SUBSET Server, due : 0..(MaxDelay + D)]

TypeOK ==
    /\ up \in [Server -> BOOLEAN]
    /\ role \in [Server -> Roles]
    /\ master \in [Server -> Server \cup {NONE}]
    /\ epoch \in [Server -> Nat]
    /\ inquiryOut \in [Server -> BOOLEAN]
    /\ \A t \in {timerDetection, timerInquiry, timerElection, timerAnnounce} :
          t \in [Server -> OFF..MaxTimer]
    /\ net \subseteq Message
    /\ cut \subseteq Server
    /\ {crashes, restarts, losses, lates, partitions} \subseteq Nat
    /\ clock \in 0..FailoverBound
    /\ timerStart \in [Server -> OFF..StartWindow]
    /\ quiet \in 0..FaultWindow
    /\ roster \in [Server -> SUBSET Server]
    /\ heard \in [Server -> SUBSET Server]

-----------------------------------------------------------------------------
(* The network.                                                            *)

Cut(a, b) == (a \in cut) # (b \in cut)

(* A message from `from` to `to`; every field is present in every type.    *)
Msg(type, from, to, m, r, e) ==
    [type |-> type, from |-> from, to |-> to, master |-> m, revoked |-> r,
     epoch |-> e, live |-> {}, due |-> MaxDelay]

(* Roster: what MASTER i reports alive in a declare or revoke: the members *)
(* it heard from in this announce period and the one before, and itself.   *)
Live(i) == IF Roster THEN roster[i] \cup heard[i] \cup {i} ELSE {}

(* What a send puts in flight: nothing reaches a crashed server or crosses *)
(* the cut.                                                                *)
Deliverable(msgs) == {m \in msgs : up[m.to] /\ ~Cut(m.from, m.to)}

ToOthers(i, type, r, e) == {[Msg(type, i, j, i, r, e) EXCEPT !.live = Live(i)] : j \in Server \ {i}}

(* Message m is consumed and msgs are sent, in one step.                   *)
Consume(m, msgs) == net' = (net \ {m}) \cup Deliverable(msgs)

Send(msgs) == net' = net \cup Deliverable(msgs)

-----------------------------------------------------------------------------
(* Role changes, in one place each (PROTOCOL-DECISIONS.md rules 4-6, 9).   *)

(* becomeBackup(j): recognise j; keep the detection rhythm if armed, but   *)
(* no further than P ahead: with Patient, hearing from the master begins   *)
(* detection (without it, detection is never armed further than P ahead). *)
BecomeBackup(i, j) ==
    /\ role' = [role EXCEPT ![i] = "BACKUP"]
    /\ master' = [master EXCEPT ![i] = j]
    /\ inquiryOut' = [inquiryOut EXCEPT ![i] = FALSE]
    /\ timerInquiry' = [timerInquiry EXCEPT ![i] = OFF]
    /\ timerElection' = [timerElection EXCEPT ![i] = OFF]
    /\ timerAnnounce' = [timerAnnounce EXCEPT ![i] = OFF]
    /\ timerDetection' = [timerDetection EXCEPT ![i] = IF @ = OFF THEN P ELSE Min(@, P)]
    /\ heard' = [heard EXCEPT ![i] = {}]

(* becomeWaiting: the master `failed` has failed; wait E(i) without it.   *)
(* With Roster the failed master leaves i's roster.                        *)
BecomeWaiting(i, failed) ==
    /\ role' = [role EXCEPT ![i] = "WAITING"]
    /\ master' = [master EXCEPT ![i] = NONE]
    /\ inquiryOut' = [inquiryOut EXCEPT ![i] = FALSE]
    /\ timerDetection' = [timerDetection EXCEPT ![i] = OFF]
    /\ timerInquiry' = [timerInquiry EXCEPT ![i] = OFF]
    /\ timerElection' = [timerElection EXCEPT ![i] = E(i, failed)]
    /\ roster' = [roster EXCEPT ![i] = IF Roster THEN @ \ {failed} ELSE @]

(* The blank state of a server that is down or has just come back.         *)
Blank(i) ==
    /\ role' = [role EXCEPT ![i] = "WAITING"]
    /\ master' = [master EXCEPT ![i] = NONE]
    /\ epoch' = [epoch EXCEPT ![i] = 0]
    /\ inquiryOut' = [inquiryOut EXCEPT ![i] = FALSE]
    /\ timerDetection' = [timerDetection EXCEPT ![i] = OFF]
    /\ timerInquiry' = [timerInquiry EXCEPT ![i] = OFF]
    /\ timerAnnounce' = [timerAnnounce EXCEPT ![i] = OFF]
    /\ roster' = [roster EXCEPT ![i] = Server]
    /\ heard' = [heard EXCEPT ![i] = {}]

-----------------------------------------------------------------------------
(* Rule 8, Start (claim 1): the rank-1 server is MASTER, every other one   *)
(* its BACKUP; with Patient a BACKUP's first detection tick waits for the  *)
(* start allowance unless it hears from its master first.  The servers     *)
(* whose process starts at 0 start here, up to StartSkew ticks apart (the  *)
(* phases of their detection timers); the others Boot later, within       *)
(* StartWindow ticks, and are down until then.                            *)
Init ==
    /\ \E startAt \in [Server -> 0..StartWindow], phase \in [Server -> 0..StartSkew] :
          /\ up = [i \in Server |-> startAt[i] = 0]
          /\ timerStart = [i \in Server |-> IF startAt[i] = 0 THEN OFF ELSE startAt[i]]
          /\ role = [i \in Server |-> IF startAt[i] = 0 THEN StartRole(i) ELSE "WAITING"]
          /\ master = [i \in Server |-> IF startAt[i] = 0 THEN 1 ELSE NONE]
          /\ timerDetection = [i \in Server |-> IF startAt[i] = 0 /\ i # 1
                                                THEN StartDetection(i) - phase[i] ELSE OFF]
          /\ timerAnnounce = [i \in Server |-> IF startAt[i] = 0 THEN StartAnnounce(i) ELSE OFF]
    /\ epoch = [i \in Server |-> 0]
    /\ inquiryOut = [i \in Server |-> FALSE]
    /\ timerInquiry = [i \in Server |-> OFF]
    /\ timerElection = [i \in Server |-> OFF]
    /\ net = {}
    /\ cut = {}
    /\ crashes = 0 /\ restarts = 0 /\ losses = 0 /\ lates = 0 /\ partitions = 0
    /\ clock = 0
    /\ quiet = FaultWindow
    /\ roster = [i \in Server |-> Server]
    /\ heard = [i \in Server |-> IF up[i] THEN StartHeard(i) ELSE {}]

(* Rule 8 for a server whose process starts late (staggered start).        *)
Boot(i) ==
    /\ ~up[i] /\ timerStart[i] = 0
    /\ up' = [up EXCEPT ![i] = TRUE]
    /\ timerStart' = [timerStart EXCEPT ![i] = OFF]
    /\ role' = [role EXCEPT ![i] = StartRole(i)]
    /\ master' = [master EXCEPT ![i] = 1]
    /\ timerDetection' = [timerDetection EXCEPT ![i] = StartDetection(i)]
    /\ timerAnnounce' = [timerAnnounce EXCEPT ![i] = StartAnnounce(i)]
    /\ heard' = [heard EXCEPT ![i] = StartHeard(i)]
    /\ UNCHANGED <<epoch, inquiryOut, timerInquiry, timerElection, net, faultVars, clock, quiet, roster>>

(* Rule 1, DetectionTick (claims 4, 24, 25): a BACKUP inquires of its      *)
(* master every P, unless an inquiry is outstanding, and arms T.           *)
DetectionTick(i) ==
    /\ up[i] /\ role[i] = "BACKUP" /\ timerDetection[i] = 0
    /\ timerDetection' = [timerDetection EXCEPT ![i] = P]
    /\ IF inquiryOut[i]
         THEN UNCHANGED <<inquiryOut, timerInquiry, net>>
         ELSE /\ Send({Msg("inquiry", i, master[i], NONE, NONE, 0)})
              /\ inquiryOut' = [inquiryOut EXCEPT ![i] = TRUE]
              /\ timerInquiry' = [timerInquiry EXCEPT ![i] = T]
    /\ UNCHANGED <<up, role, master, epoch, timerElection, timerAnnounce, faultVars, clock, timerStart, quiet,
                   rosterVars>>

(* Rule 2, ReceiveInquiry (claim 4): a MASTER answers that it is           *)
(* functional, and with Roster notes that it heard from the inquirer; with *)
(* Redirect a non-master names whom it recognises.                         *)
ReceiveInquiry(m) ==
    LET i == m.to IN
    /\ m.type = "inquiry"
    /\ IF role[i] = "MASTER"
         THEN Consume(m, {Msg("inquiry_ok", i, m.from, i, NONE, epoch[i])})
       ELSE IF Redirect /\ master[i] # NONE
         THEN Consume(m, {Msg("inquiry_ok", i, m.from, master[i], NONE, epoch[i])})
       ELSE Consume(m, {})
    /\ heard' = IF Roster /\ role[i] = "MASTER" THEN [heard EXCEPT ![i] = @ \cup {m.from}] ELSE heard
    /\ UNCHANGED <<up, serverVars, timerVars, faultVars, clock, timerStart, quiet, roster>>

(* Rule 3, ReceiveInquiryOk (claim 4): the master answered in time; with   *)
(* Redirect, adopt the master that a non-master names.  A reply from       *)
(* anybody but the current master, or not asked for, is stale: ignored.   *)
ReceiveInquiryOk(m) ==
    LET i == m.to IN
    /\ m.type = "inquiry_ok"
    /\ Consume(m, {})
    /\ IF role[i] = "BACKUP" /\ inquiryOut[i] /\ m.from = master[i]
          /\ \/ m.master = m.from
             \/ Redirect /\ m.master \notin {NONE, i} /\ (~Epochs \/ m.epoch >= epoch[i])
         THEN /\ inquiryOut' = [inquiryOut EXCEPT ![i] = FALSE]
              /\ timerInquiry' = [timerInquiry EXCEPT ![i] = OFF]
              /\ master' = [master EXCEPT ![i] = m.master]
              /\ epoch' = IF m.master # m.from /\ Epochs
                            THEN [epoch EXCEPT ![i] = m.epoch] ELSE epoch
         ELSE UNCHANGED <<master, epoch, inquiryOut, timerInquiry>>
    /\ UNCHANGED <<up, role, timerDetection, timerElection, timerAnnounce, faultVars, clock, timerStart, quiet,
                   rosterVars>>

(* Rule 4, InquiryTimeout (claims 3, 4, 7): no reply within T: the master  *)
(* has failed; wait E(i), computed without it.  With Prompt, tell the      *)
(* candidates stronger than i (`suspect`, naming the failed master and     *)
(* its epoch in the master and epoch fields): those of its roster.        *)
InquiryTimeout(i) ==
    /\ up[i] /\ role[i] = "BACKUP" /\ timerInquiry[i] = 0
    /\ BecomeWaiting(i, master[i])
    /\ Send(IF Prompt
              THEN {Msg("suspect", i, k, master[i], NONE, epoch[i]) :
                      k \in {c \in roster[i] \ {master[i]} : c < i}}
              ELSE {})
    /\ UNCHANGED <<up, epoch, timerAnnounce, faultVars, clock, timerStart, quiet, heard>>

(* Variant prompt, ReceiveSuspect: a weaker backup detected the failure of *)
(* m.master in epoch m.epoch; a BACKUP of that master in that epoch takes  *)
(* it as its own detection (rule 4).  Anyone else ignores it.              *)
ReceiveSuspect(m) ==
    LET i == m.to IN
    /\ m.type = "suspect"
    /\ Consume(m, {})
    /\ IF Prompt /\ role[i] = "BACKUP" /\ master[i] = m.master /\ epoch[i] = m.epoch
         THEN BecomeWaiting(i, m.master)
         ELSE UNCHANGED <<role, master, inquiryOut, timerVars, roster>>
    /\ UNCHANGED <<up, epoch, timerAnnounce, faultVars, clock, timerStart, quiet, heard>>

(* Rule 5, ElectionTimeout (claims 7, 8): nobody declared during E(i):     *)
(* take the mastership and declare it to every other server.  With Roster  *)
(* i's roster stands for the period before (heard is {}), so its first two *)
(* announcements still name the members its old master reported alive.    *)
ElectionTimeout(i) ==
    LET e == IF Epochs THEN epoch[i] + 1 ELSE epoch[i] IN
    /\ up[i] /\ role[i] = "WAITING" /\ timerElection[i] = 0
    /\ role' = [role EXCEPT ![i] = "MASTER"]
    /\ master' = [master EXCEPT ![i] = i]
    /\ epoch' = [epoch EXCEPT ![i] = e]
    /\ timerElection' = [timerElection EXCEPT ![i] = OFF]
    /\ timerAnnounce' = [timerAnnounce EXCEPT ![i] = IF Announce THEN P ELSE OFF]
    /\ Send(ToOthers(i, "declare", NONE, e))
    /\ UNCHANGED <<up, inquiryOut, timerDetection, timerInquiry, faultVars, clock, timerStart, quiet, rosterVars>>

(* Rule 6's judgement of a declaration by j with epoch e, received by i in *)
(* message m (claims 15-19, 22, 23); rule 7 uses it too.  With Roster, a   *)
(* server that recognises j takes j's roster (m.live).                     *)
TakeRoster(i, m) == roster' = IF Roster THEN [roster EXCEPT ![i] = m.live] ELSE roster

Judge(i, j, e, m) ==
    IF role[i] = "MASTER"
      THEN IF j > i
             THEN \* claim 23: i is stronger: it stays MASTER and revokes j.
                  LET e2 == IF Epochs THEN Max(epoch[i], e) + 1 ELSE epoch[i] IN
                  /\ epoch' = [epoch EXCEPT ![i] = e2]
                  /\ Consume(m, ToOthers(i, "revoke", j, e2))
                  /\ UNCHANGED <<role, master, inquiryOut, timerVars, rosterVars>>
             ELSE \* claim 22: j is stronger: i loses and recognises j.
                  /\ BecomeBackup(i, j)
                  /\ TakeRoster(i, m)
                  /\ epoch' = IF Epochs THEN [epoch EXCEPT ![i] = Max(@, e)] ELSE epoch
                  /\ Consume(m, {})
    ELSE IF Epochs /\ e < epoch[i]
      THEN \* epochs: stale news is ignored.
           /\ Consume(m, {})
           /\ UNCHANGED <<serverVars, timerVars, rosterVars>>
    ELSE IF role[i] = "BACKUP" /\ master[i] = j
      THEN \* claims 16, 17: already j's BACKUP; only the epoch moves.  With
           \* Patient, hearing from the master begins detection and answers an
           \* outstanding inquiry: the master is alive.
           /\ epoch' = IF Epochs THEN [epoch EXCEPT ![i] = e] ELSE epoch
           /\ timerDetection' = [timerDetection EXCEPT ![i] = Min(@, P)]
           /\ inquiryOut' = [inquiryOut EXCEPT ![i] = IF Patient THEN FALSE ELSE @]
           /\ timerInquiry' = [timerInquiry EXCEPT ![i] = IF Patient THEN OFF ELSE @]
           /\ TakeRoster(i, m)
           /\ Consume(m, {})
           /\ UNCHANGED <<role, master, timerElection, timerAnnounce, heard>>
      ELSE \* claims 16, 17: a WAITING or BACKUP server recognises j.
           /\ BecomeBackup(i, j)
           /\ TakeRoster(i, m)
           /\ epoch' = IF Epochs THEN [epoch EXCEPT ![i] = e] ELSE epoch
           /\ Consume(m, {})

(* Rule 6, ReceiveDeclare (claims 15-19, 22, 23).                          *)
ReceiveDeclare(m) ==
    /\ m.type = "declare"
    /\ Judge(m.to, m.from, m.epoch, m)
    /\ UNCHANGED <<up, faultVars, clock, timerStart, quiet>>

(* Rule 7, ReceiveRevoke (claims 15, 23): a revocation is judged as a      *)
(* declaration by its sender, the master it declares.                      *)
ReceiveRevoke(m) ==
    /\ m.type = "revoke"
    /\ Judge(m.to, m.from, m.epoch, m)
    /\ UNCHANGED <<up, faultVars, clock, timerStart, quiet>>

(* Variant announce (PROTOCOL-DECISIONS.md rule 10, Announce(i); named    *)
(* AnnounceTick here because Announce is the variant's CONSTANT): a MASTER *)
(* re-declares every P, so that masters that never heard of each other    *)
(* meet.  With Roster the declaration names the members heard from in     *)
(* this period and the one before; this period's become the one before.    *)
AnnounceTick(i) ==
    /\ Announce
    /\ up[i] /\ role[i] = "MASTER" /\ timerAnnounce[i] = 0
    /\ timerAnnounce' = [timerAnnounce EXCEPT ![i] = P]
    /\ Send(ToOthers(i, "declare", NONE, epoch[i]))
    /\ IF Roster
         THEN /\ roster' = [roster EXCEPT ![i] = heard[i] \cup {i}]
              /\ heard' = [heard EXCEPT ![i] = {}]
         ELSE UNCHANGED rosterVars
    /\ UNCHANGED <<up, serverVars, timerDetection, timerInquiry, timerElection,
                   faultVars, clock, timerStart, quiet>>

-----------------------------------------------------------------------------
(* Time.                                                                   *)

Urgent ==
    \/ \E i \in Server :
          up[i] /\ 0 \in {timerDetection[i], timerInquiry[i], timerElection[i], timerAnnounce[i]}
    \/ \E i \in Server : timerStart[i] = 0
    \/ \E m \in net : m.due = 0

Count(t) == [i \in Server |-> IF t[i] > 0 THEN t[i] - 1 ELSE t[i]]

(* One unit of time passes, only when nothing is due.                      *)
Tick ==
    /\ ~Urgent
    /\ timerDetection' = Count(timerDetection)
    /\ timerInquiry' = Count(timerInquiry)
    /\ timerElection' = Count(timerElection)
    /\ timerAnnounce' = Count(timerAnnounce)
    /\ net' = {[m EXCEPT !.due = @ - 1] : m \in net}
    /\ clock' = Min(clock + 1, FailoverBound)
    /\ timerStart' = Count(timerStart)
    /\ quiet' = Min(quiet + 1, FaultWindow)
    /\ UNCHANGED <<up, serverVars, faultVars, rosterVars>>

-----------------------------------------------------------------------------
(* Faults, each within its budget; each resets the clock.                  *)

(* A crash loses the server's state and the messages in flight to it; at  *)
(* least one server stays up.                                              *)
Crash(i) ==
    /\ up[i] /\ crashes < MaxCrashes
    /\ \E j \in Server \ {i} : up[j]
    /\ up' = [up EXCEPT ![i] = FALSE]
    /\ Blank(i)
    /\ timerElection' = [timerElection EXCEPT ![i] = OFF]
    /\ net' = {m \in net : m.to # i}
    /\ crashes' = crashes + 1
    /\ clock' = 0
    /\ quiet' = 0
    /\ UNCHANGED <<cut, restarts, losses, lates, partitions, timerStart>>

(* Rule 9, Restart: back after a crash with all state lost: WAITING, with  *)
(* E(i) computed over all other servers (ERestart).  A restart is not a    *)
(* fault for `quiet`: it must not cause an election by itself.             *)
Restart(i) ==
    /\ ~up[i] /\ timerStart[i] = OFF /\ restarts < MaxRestarts
    /\ up' = [up EXCEPT ![i] = TRUE]
    /\ Blank(i)
    /\ timerElection' = [timerElection EXCEPT ![i] = ERestart(i)]
    /\ restarts' = restarts + 1
    /\ clock' = 0
    /\ UNCHANGED <<net, cut, crashes, losses, lates, partitions, timerStart, quiet>>

Lose(m) ==
    /\ losses < MaxLosses
    /\ net' = net \ {m}
    /\ losses' = losses + 1
    /\ clock' = 0
    /\ quiet' = 0
    /\ UNCHANGED <<up, serverVars, timerVars, cut, crashes, restarts, lates, partitions, timerStart, rosterVars>>

(* A message delayed beyond the bound: D more ticks.                       *)
Late(m) ==
    /\ lates < MaxLate /\ m.due <= MaxDelay
    /\ net' = (net \ {m}) \cup {[m EXCEPT !.due = @ + D]}
    /\ lates' = lates + 1
    /\ clock' = 0
    /\ quiet' = 0
    /\ UNCHANGED <<up, serverVars, timerVars, cut, crashes, restarts, losses, partitions, timerStart, rosterVars>>

(* The group splits in two: `side` and the rest; messages across are lost. *)
Partition(side) ==
    /\ cut = {} /\ partitions < MaxPartitions
    /\ 1 \notin side
    /\ cut' = side
    /\ net' = {m \in net : (m.from \in side) = (m.to \in side)}
    /\ partitions' = partitions + 1
    /\ clock' = 0
    /\ quiet' = 0
    /\ UNCHANGED <<up, serverVars, timerVars, crashes, restarts, losses, lates, timerStart, rosterVars>>

Heal ==
    /\ cut # {}
    /\ cut' = {}
    /\ clock' = 0
    /\ quiet' = 0
    /\ UNCHANGED <<up, serverVars, timerVars, net, crashes, restarts, losses, lates, partitions, timerStart, rosterVars>>

-----------------------------------------------------------------------------
(* The protocol's steps (rules 1-7 and announce), time, and faults: each   *)
(* disjunct is one named action, so that a trace names the rule it took.   *)

ProtocolStep ==
    \/ \E i \in Server : DetectionTick(i)
    \/ \E m \in net : ReceiveInquiry(m)
    \/ \E m \in net : ReceiveInquiryOk(m)
    \/ \E i \in Server : InquiryTimeout(i)
    \/ \E i \in Server : ElectionTimeout(i)
    \/ \E m \in net : ReceiveDeclare(m)
    \/ \E m \in net : ReceiveRevoke(m)
    \/ \E m \in net : ReceiveSuspect(m)
    \/ \E i \in Server : AnnounceTick(i)
    \/ \E i \in Server : Boot(i)

Progress == ProtocolStep \/ Tick

Fault ==
    \/ \E i \in Server : Crash(i)
    \/ \E i \in Server : Restart(i)
    \/ \E m \in net : Lose(m)
    \/ \E m \in net : Late(m)
    \/ \E side \in SUBSET Server \ {{}} : Partition(side)
    \/ Heal

Next == Progress \/ Fault

(* Fairness: time keeps advancing and whatever is due happens.  Because    *)
(* Tick waits while anything is due, weak fairness on Progress makes every *)
(* due timer fire and every message arrive; a partition eventually heals.  *)
Spec == Init /\ [][Next]_vars /\ WF_vars(Progress) /\ WF_vars(Heal)

(* Nothing is left to happen but time passing without changing anything:   *)
(* no message in flight, no timer armed, no process about to start, the    *)
(* clocks saturated.  Exactly the states in which no Progress step changes *)
(* anything (IdleExact).                                                   *)
Idle ==
    /\ net = {}
    /\ \A i \in Server :
          /\ timerDetection[i] = OFF /\ timerInquiry[i] = OFF /\ timerElection[i] = OFF
          /\ timerAnnounce[i] = OFF /\ timerStart[i] = OFF
    /\ clock = FailoverBound /\ quiet = FaultWindow

(* Spec with its fairness written so that TLC checks it cheaply            *)
(* (model-check/README.md): WF_v(A) is []<>~ENABLED <<A>>_v \/ []<><<A>>_v; *)
(* ~ENABLED <<Progress>>_vars is Idle (IdleExact), a Next step that changes *)
(* vars but no fault counter nor the cut is a Progress step (every fault   *)
(* changes one, no Progress step does), and Heal is enabled exactly when   *)
(* cut # {} and makes it {}.  So for behaviours of [][Next]_vars both      *)
(* conjuncts are Spec's, and TLC need not compute ENABLED in every state.  *)
CheckSpec ==
    /\ Init /\ [][Next]_vars
    /\ []<>Idle \/ []<><<UNCHANGED faultVars>>_vars
    /\ []<>(cut = {})

-----------------------------------------------------------------------------
(* Properties.                                                             *)

(* The state invariants of PROTOCOL-DECISIONS.md, for the servers that are *)
(* up.                                                                     *)
StateConsistent ==
    \A i \in Server : up[i] =>
        /\ role[i] = "MASTER" =>
              /\ timerDetection[i] = OFF /\ timerElection[i] = OFF /\ ~inquiryOut[i]
              /\ (timerAnnounce[i] # OFF) = Announce
        /\ role[i] = "BACKUP" =>
              /\ master[i] \notin {NONE, i}
              /\ timerDetection[i] # OFF /\ timerElection[i] = OFF /\ timerAnnounce[i] = OFF
              /\ inquiryOut[i] = (timerInquiry[i] # OFF)
        /\ role[i] = "WAITING" =>
              /\ master[i] = NONE /\ timerElection[i] # OFF /\ timerDetection[i] = OFF
              /\ ~inquiryOut[i] /\ timerAnnounce[i] = OFF
        /\ role[i] # "MASTER" => heard[i] = {}

(* §6: a MASTER recognises itself.                                         *)
MasterRecognisesSelf == \A i \in Server : role[i] = "MASTER" => master[i] = i

(* §6: every revoke(r, k) ever sent has rank(k) < rank(r).  A sent revoke  *)
(* is in flight in the state that follows its sending.                     *)
RevokeFromStronger == \A m \in net : m.type = "revoke" => m.master < m.revoked

(* §6, with epochs: a server's epoch never decreases while it is up (a     *)
(* crash loses it, and rule 9 starts again from 0).                        *)
EpochNeverDecreases ==
    [][\A i \in Server : up[i] /\ up'[i] => epoch'[i] >= epoch[i]]_vars

(* Exactly one MASTER among the live servers, and every live server        *)
(* recognises it.                                                          *)
Converged ==
    \E k \in Server : up[k] /\ role[k] = "MASTER" /\ \A i \in Server : up[i] => master[i] = k

(* §6 convergence: after the last fault, eventually and forever.           *)
Convergence == <>[]Converged

(* §6 stagger, first part (checked with crash faults only): no spurious    *)
(* election: a BACKUP gives up on its master only when that master is      *)
(* down.                                                                   *)
NoSpuriousElection ==
    [][\A i \in Server :
          (up[i] /\ up'[i] /\ role[i] = "BACKUP" /\ role'[i] = "WAITING") => ~up[master[i]]]_vars

(* §6 stagger, second part: at most one server declares, i.e. no two      *)
(* MASTERs at once.  Holds only while the detection skew stays below the   *)
(* stagger margin: checked on request, for a given StartSkew.              *)
AtMostOneMaster == Cardinality({i \in Server : up[i] /\ role[i] = "MASTER"}) <= 1

(* No election without a fault (variant patient): a server takes the       *)
(* mastership by its election timer only within FaultWindow ticks of a     *)
(* crash, a loss, a late message, a partition or a heal; a late start and  *)
(* a restart are not faults.  With crash-only faults, two declarations for *)
(* one crash show as AtMostOneMaster: only a stronger declaration demotes  *)
(* a MASTER, so the first declarer is still MASTER when a second declares. *)
NoElectionWithoutFault ==
    [][\A i \in Server :
          (up[i] /\ up'[i] /\ role[i] = "WAITING" /\ role'[i] = "MASTER") => quiet < FaultWindow]_vars

(* §6 failover bound: FailoverBound ticks after the last fault the group   *)
(* has converged (checked with crash faults only).                         *)
FailoverWithinBound == clock = FailoverBound /\ FailoverBound > 0 => Converged

(* What CheckSpec rests on, checked by the tests (ENABLED is costly).      *)
IdleExact == Idle <=> ~ENABLED <<Progress>>_vars

(* State-space bound: epochs grow with every election and revocation.      *)
EpochBound == \A i \in Server : epoch[i] <= MaxEpoch

-----------------------------------------------------------------------------
(* Reduction (model-check/README.md): only the order and the differences of *)
(* epochs matter once no server can come back with epoch 0.  Every rule     *)
(* compares epochs, takes their maximum or adds 1 to one; only Init, Boot  *)
(* and Restart set an absolute epoch (0).  So once every process has       *)
(* started and no restart can happen any more (its budget is spent, or no  *)
(* server is down and no crash is left), two states whose epochs differ by *)
(* one constant, in the servers that are up and in the messages that carry *)
(* one (an inquiry's epoch is never read), have the same futures, and the  *)
(* properties cannot tell them apart (EpochNeverDecreases compares a       *)
(* server's epoch with its own, the rest read no epoch).  View counts them *)
(* as one state: the epochs relative to the lowest one.                    *)

SetMin(S) == CHOOSE x \in S : \A y \in S : x <= y

NoEpochZeroAhead ==
    /\ \A i \in Server : timerStart[i] = OFF
    /\ restarts >= MaxRestarts \/ (crashes >= MaxCrashes /\ \A i \in Server : up[i])

(* The lowest epoch among the servers that are up (ups[i]) and the        *)
(* messages in msgs that carry one; 0 if there is none.  This operator,   *)
(* ShiftServerEpochs and ShiftMessageEpochs are what TLC evaluates for    *)
(* every state it generates; model-check's runner evaluates them in Java, *)
(* with the same meaning (io.stagger.check.tlc.EpochViewOperators).       *)
LowestEpoch(ups, epochs, msgs) ==
    LET es == {epochs[i] : i \in {k \in DOMAIN ups : ups[k]}}
                \cup {m.epoch : m \in {x \in msgs : x.type # "inquiry"}}
    IN IF es = {} THEN 0 ELSE SetMin(es)

ShiftServerEpochs(ups, epochs, c) == [i \in DOMAIN epochs |-> IF ups[i] THEN epochs[i] - c ELSE 0]

ShiftMessageEpochs(msgs, c) ==
    {IF m.type = "inquiry" THEN m ELSE [m EXCEPT !.epoch = @ - c] : m \in msgs}

(* What View subtracts from every epoch; 0 while a server may still come   *)
(* back with epoch 0.                                                      *)
EpochShift == IF Epochs /\ NoEpochZeroAhead THEN LowestEpoch(up, epoch, net) ELSE 0

View ==
    LET c == EpochShift IN
    IF c = 0 THEN vars
    ELSE <<up, <<role, master, ShiftServerEpochs(up, epoch, c), inquiryOut>>, timerVars,
           ShiftMessageEpochs(net, c), faultVars, clock, timerStart, quiet, rosterVars>>

(* EpochBound on the epochs that View sees: with View, a constraint must    *)
(* not tell apart the states it counts as one.  It bounds how far apart    *)
(* the epochs are once no server can come back with epoch 0, and the      *)
(* epochs themselves before.                                               *)
EpochSpreadBound == LET c == EpochShift IN \A i \in Server : up[i] => epoch[i] - c <= MaxEpoch
=============================================================================
