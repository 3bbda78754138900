------------------------------ MODULE ServiceReplication ------------------------------
(***************************************************************************)
(* The rule by which the group serves its key-value store (docs/SERVICE.md; *)
(* impl/.../service/KvReplica.java), checked for: no acknowledged write is  *)
(* lost or reordered, under message loss, duplication and reordering, any  *)
(* number of would-be masters at once, and crashes that lose all state.    *)
(*                                                                         *)
(* A master counts promises, acknowledgements and recovery answers by      *)
(* choosing a quorum of them among the messages sent (CompletePrepare,     *)
(* Commit, FinishRecovery) rather than by collecting them one by one: the  *)
(* same behaviours, far fewer states.                                      *)
(*                                                                         *)
(* The election is abstracted away: ANY server may start leading at ANY    *)
(* time (StartLead), which covers every outcome of StaggeredElection,      *)
(* including two masters on the two sides of a partition. The store is    *)
(* one register; a state is the sequence of values written (its version is *)
(* its length), so "reordered" and "lost" are both visible as a position   *)
(* holding another value. The network is a set of messages that only      *)
(* grows: a message can be received any number of times, late, or never.  *)
(***************************************************************************)
EXTENDS Integers, Sequences, FiniteSets

CONSTANTS
    N,            \* the number of servers: 1..N
    MaxRound,     \* the highest ballot round a server may take
    Values,       \* the values clients write; each is written at most once
    MaxCrashes    \* how many crashes (each losing all state) may happen

ASSUME N \in Nat \ {0} /\ MaxRound \in Nat /\ MaxCrashes \in Nat /\ IsFiniteSet(Values)

Server == 1..N
Majority == N \div 2 + 1
\* A restarted server hears from a majority of the others, not counting itself (docs/SERVICE.md, Restart).
RecoveryQuorum == IF N = 1 THEN 0 ELSE (N - 1) \div 2 + 1

\* A ballot (round, id, incarnation), ordered lexicographically; Zero is below every ballot a server takes.
Zero == [r |-> 0, s |-> 0, i |-> 0]
Above(a, b) == \/ a.r > b.r
               \/ a.r = b.r /\ a.s > b.s
               \/ a.r = b.r /\ a.s = b.s /\ a.i > b.i
AtLeast(a, b) == a = b \/ Above(a, b)
\* Which of two (ballot, state) pairs is more advanced: by ballot, then by version.
Ahead(acc1, log1, acc2, log2) == Above(acc1, acc2) \/ (acc1 = acc2 /\ Len(log1) >= Len(log2))

VARIABLES
    promised,     \* promised[s]: the highest ballot s promised
    accepted,     \* accepted[s]: the ballot in which s got the state it holds
    log,          \* log[s]: the state s holds, as the sequence of values applied
    phase,        \* "follow", "prepare", "serve" or "recover"
    lead,         \* lead[s]: the ballot s prepares or serves (Zero when following)
    inflight,     \* inflight[s]: s has a write sent out and not yet acknowledged by a majority
    incarnation,  \* incarnation[s]: how many times s restarted
    crashes,      \* crashes so far
    written,      \* the values clients have written so far
    msgs,         \* every message ever sent
    acknowledged  \* ghost: <<position, value, ballot>> for every write a master answered

vars == <<promised, accepted, log, phase, lead, inflight, incarnation, crashes, written, msgs, acknowledged>>

Send(m) == msgs' = msgs \cup {m}

TypeOK ==
    /\ phase \in [Server -> {"follow", "prepare", "serve", "recover"}]
    /\ \A s \in Server : Len(log[s]) <= Cardinality(Values)
    /\ inflight \in [Server -> BOOLEAN]
    /\ crashes \in 0..MaxCrashes
    /\ written \subseteq Values

Init ==
    /\ promised = [s \in Server |-> Zero]
    /\ accepted = [s \in Server |-> Zero]
    /\ log = [s \in Server |-> <<>>]
    /\ phase = [s \in Server |-> "follow"]
    /\ lead = [s \in Server |-> Zero]
    /\ inflight = [s \in Server |-> FALSE]
    /\ incarnation = [s \in Server |-> 0]
    /\ crashes = 0
    /\ written = {}
    /\ msgs = {}
    /\ acknowledged = {}

\* A server that is leading stops when it sees a higher ballot (rule 5, fencing).
StepDownIfBelow(s, b) ==
    IF phase[s] \in {"prepare", "serve"} /\ Above(b, lead[s])
    THEN /\ phase' = [phase EXCEPT ![s] = "follow"]
         /\ inflight' = [inflight EXCEPT ![s] = FALSE]
    ELSE UNCHANGED <<phase, inflight>>

(* Rules 1-2: a would-be master (any server: the election is abstracted) takes a ballot above every one it
   promised and asks every other server to promise it. *)
StartLead(s) ==
    /\ phase[s] \in {"follow", "prepare", "serve"}
    /\ promised[s].r < MaxRound
    /\ LET b == [r |-> promised[s].r + 1, s |-> s, i |-> incarnation[s]]
       IN /\ promised' = [promised EXCEPT ![s] = b]
          /\ lead' = [lead EXCEPT ![s] = b]
          /\ phase' = [phase EXCEPT ![s] = "prepare"]
          /\ inflight' = [inflight EXCEPT ![s] = FALSE]
          /\ Send([type |-> "prepare", b |-> b])
    /\ UNCHANGED <<accepted, log, incarnation, crashes, written, acknowledged>>

\* Rule 2: promise a higher ballot and tell what state is held.
ReceivePrepare(t) ==
    \E m \in msgs :
        /\ m.type = "prepare" /\ m.b.s # t /\ phase[t] # "recover"
        /\ Above(m.b, promised[t])
        /\ promised' = [promised EXCEPT ![t] = m.b]
        /\ StepDownIfBelow(t, m.b)
        /\ Send([type |-> "promise", b |-> m.b, from |-> t, acc |-> accepted[t], log |-> log[t]])
        /\ UNCHANGED <<accepted, log, lead, incarnation, crashes, written, acknowledged>>

\* The senders of a set of messages.
Senders(Q) == {m.from : m \in Q}

\* Rule 3: with promises from a majority, adopt the most advanced state among them and serve.
CompletePrepare(s) ==
    /\ phase[s] = "prepare"
    /\ \E Q \in SUBSET {m \in msgs : m.type = "promise" /\ m.b = lead[s]} :
        LET own == [from |-> s, acc |-> accepted[s], log |-> log[s]]
            all == {[from |-> m.from, acc |-> m.acc, log |-> m.log] : m \in Q} \cup {own}
        IN /\ Cardinality(Senders(all)) >= Majority
           /\ \E best \in all :
                /\ \A p \in all : Ahead(best.acc, best.log, p.acc, p.log)
                /\ log' = [log EXCEPT ![s] = best.log]
                /\ Send([type |-> "sync", b |-> lead[s], log |-> best.log])
    /\ accepted' = [accepted EXCEPT ![s] = lead[s]]
    /\ phase' = [phase EXCEPT ![s] = "serve"]
    /\ UNCHANGED <<promised, lead, inflight, incarnation, crashes, written, acknowledged>>

\* Rule 4: a client's write, applied by the serving master and sent to the backups.
Write(s) ==
    /\ phase[s] = "serve" /\ ~inflight[s]
    /\ \E v \in Values \ written :
        /\ written' = written \cup {v}
        /\ log' = [log EXCEPT ![s] = Append(@, v)]
        /\ inflight' = [inflight EXCEPT ![s] = TRUE]
        /\ Send([type |-> "replicate", b |-> lead[s], from |-> Len(log[s]), v |-> v])
    /\ UNCHANGED <<promised, accepted, phase, lead, incarnation, crashes, acknowledged>>

(* The periodic full snapshot (docs/CONFERENCE.md): a serving master sends its whole state, the batch in flight
   included, to every other server. It is the sync of CompletePrepare again, at the state the master holds now. *)
Snapshot(s) ==
    /\ phase[s] = "serve"
    /\ Send([type |-> "sync", b |-> lead[s], log |-> log[s]])
    /\ UNCHANGED <<promised, accepted, log, phase, lead, inflight, incarnation, crashes, written, acknowledged>>

ReceiveSync(t) ==
    \E m \in msgs :
        /\ m.type = "sync" /\ m.b.s # t /\ phase[t] # "recover"
        /\ AtLeast(m.b, promised[t])
        /\ promised' = [promised EXCEPT ![t] = m.b]
        /\ StepDownIfBelow(t, m.b)
        /\ IF accepted[t] # m.b \/ Len(m.log) >= Len(log[t])
           THEN /\ log' = [log EXCEPT ![t] = m.log]
                /\ accepted' = [accepted EXCEPT ![t] = m.b]
                /\ Send([type |-> "ack", b |-> m.b, from |-> t, version |-> Len(m.log)])
           ELSE /\ UNCHANGED <<log, accepted>>
                /\ Send([type |-> "ack", b |-> m.b, from |-> t, version |-> Len(log[t])])
        /\ UNCHANGED <<lead, incarnation, crashes, written, acknowledged>>

ReceiveReplicate(t) ==
    \E m \in msgs :
        /\ m.type = "replicate" /\ m.b.s # t /\ phase[t] # "recover"
        /\ AtLeast(m.b, promised[t])
        /\ promised' = [promised EXCEPT ![t] = m.b]
        /\ StepDownIfBelow(t, m.b)
        /\ IF accepted[t] = m.b /\ Len(log[t]) = m.from
           THEN /\ log' = [log EXCEPT ![t] = Append(@, m.v)]
                /\ Send([type |-> "ack", b |-> m.b, from |-> t, version |-> m.from + 1])
           ELSE /\ UNCHANGED log
                \* A backup that cannot apply the batch in order asks for the whole state (kv_need_sync). Here
                \* no message is ever lost for good: the sync and every earlier batch stay deliverable, so the
                \* backup catches up by receiving them, and the request for a sync is left out.
                /\ IF accepted[t] = m.b /\ Len(log[t]) > m.from
                   THEN Send([type |-> "ack", b |-> m.b, from |-> t, version |-> Len(log[t])])
                   ELSE UNCHANGED msgs
        /\ UNCHANGED <<accepted, lead, incarnation, crashes, written, acknowledged>>

\* Rule 4: a majority holds the write: the master answers the client. The ghost records what it answered.
Commit(s) ==
    /\ phase[s] = "serve" /\ inflight[s]
    /\ Cardinality(Senders({m \in msgs : m.type = "ack" /\ m.b = lead[s] /\ m.version >= Len(log[s])}))
         >= Majority - 1
    /\ inflight' = [inflight EXCEPT ![s] = FALSE]
    /\ acknowledged' = acknowledged \cup {<<Len(log[s]), log[s][Len(log[s])], lead[s]>>}
    /\ UNCHANGED <<promised, accepted, log, phase, lead, incarnation, crashes, written, msgs>>

(* Rule 6: a crash loses everything. At most a minority is down or recovering at once (docs/SERVICE.md,
   Limits); the restarted server asks the others before it votes again. *)
Crash(t) ==
    /\ crashes < MaxCrashes
    /\ \A u \in Server : phase[u] # "recover"
    /\ crashes' = crashes + 1
    /\ incarnation' = [incarnation EXCEPT ![t] = @ + 1]
    /\ promised' = [promised EXCEPT ![t] = Zero]
    /\ accepted' = [accepted EXCEPT ![t] = Zero]
    /\ log' = [log EXCEPT ![t] = <<>>]
    /\ phase' = [phase EXCEPT ![t] = "recover"]
    /\ lead' = [lead EXCEPT ![t] = Zero]
    /\ inflight' = [inflight EXCEPT ![t] = FALSE]
    /\ Send([type |-> "recover", from |-> t, nonce |-> incarnation[t] + 1])
    /\ UNCHANGED <<written, acknowledged>>

(* Two reductions of the state space, exact for the properties (model-check/README.md, "ServiceReplication"): an
   answer is sent only while the restarted server still waits for it (FinishRecovery reads no other: a later
   incarnation has a higher nonce), and each server answers one request once. One answer per server is enough:
   while u stays up its promised ballot, and its (accepted ballot, version), only grow, so a quorum holding two
   answers of u recovers what the same quorum with only u's later answer recovers; and u answers at any moment
   after the request, so every single answer a repeated answer could have given is still explored. *)
ReceiveRecover(u) ==
    \E m \in msgs :
        /\ m.type = "recover" /\ m.from # u /\ phase[u] # "recover"
        /\ phase[m.from] = "recover" /\ incarnation[m.from] = m.nonce
        /\ ~\E r \in msgs : r.type = "recoverok" /\ r.to = m.from /\ r.nonce = m.nonce /\ r.from = u
        /\ Send([type |-> "recoverok", to |-> m.from, nonce |-> m.nonce, from |-> u,
                 promised |-> promised[u], acc |-> accepted[u], log |-> log[u]])
        /\ UNCHANGED <<promised, accepted, log, phase, lead, inflight, incarnation, crashes, written, acknowledged>>

FinishRecovery(t) ==
    /\ phase[t] = "recover"
    /\ \E Q \in SUBSET {m \in msgs : m.type = "recoverok" /\ m.to = t /\ m.nonce = incarnation[t]} :
        /\ Cardinality(Senders(Q)) >= RecoveryQuorum
        /\ \E best \in Q :
            /\ \A m \in Q : Ahead(best.acc, best.log, m.acc, m.log)
            /\ log' = [log EXCEPT ![t] = best.log]
            /\ accepted' = [accepted EXCEPT ![t] = best.acc]
        /\ \E top \in Q :
            /\ \A m \in Q : AtLeast(top.promised, m.promised)
            /\ promised' = [promised EXCEPT ![t] = top.promised]
    /\ phase' = [phase EXCEPT ![t] = "follow"]
    /\ UNCHANGED <<lead, inflight, incarnation, crashes, written, msgs, acknowledged>>

Next ==
    \E s \in Server :
        \/ StartLead(s) \/ ReceivePrepare(s) \/ CompletePrepare(s)
        \/ Write(s) \/ Snapshot(s) \/ ReceiveSync(s) \/ ReceiveReplicate(s)
        \/ Commit(s) \/ Crash(s) \/ ReceiveRecover(s) \/ FinishRecovery(s)

Spec == Init /\ [][Next]_vars

---------------------------------------------------------------------------------------
(* Properties. *)

\* Two answered writes never claim the same position: nothing acknowledged is reordered.
AcknowledgedConsistent ==
    \A a1, a2 \in acknowledged : a1[1] = a2[1] => a1[2] = a2[2]

\* Every master serving a later ballot holds every acknowledged write at its position: nothing acknowledged is lost.
AcknowledgedKept ==
    \A a \in acknowledged : \A s \in Server :
        (phase[s] = "serve" /\ Above(lead[s], a[3])) => (Len(log[s]) >= a[1] /\ log[s][a[1]] = a[2])

=======================================================================================
