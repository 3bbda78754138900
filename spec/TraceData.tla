---- MODULE TraceData ----
(* An example trace, the one that model-check's HandMadeTraceTest accepts: *)
(* n1 falls silent, n2 takes over (E(2) = B), n1 is heard again and       *)
(* revokes n2.  `bin/stagger check --trace DIR` writes its own TraceData   *)
(* (same shape) into its work directory.  Times in microseconds; servers  *)
(* by rank; from, mmaster, mrevoked: ranks of the message received (0:    *)
(* NONE); role, master, epoch: the server's state after the step.         *)

TraceLog == <<
    [t |-> 0, srv |-> 1, action |-> "Start", from |-> 0, type |-> "", mmaster |-> 0, mrevoked |-> 0, mepoch |-> 0, mlive |-> {}, role |-> "MASTER", master |-> 1, epoch |-> 0]  \* 1
  , [t |-> 0, srv |-> 2, action |-> "Start", from |-> 0, type |-> "", mmaster |-> 0, mrevoked |-> 0, mepoch |-> 0, mlive |-> {}, role |-> "BACKUP", master |-> 1, epoch |-> 0]  \* 2
  , [t |-> 0, srv |-> 3, action |-> "Start", from |-> 0, type |-> "", mmaster |-> 0, mrevoked |-> 0, mepoch |-> 0, mlive |-> {}, role |-> "BACKUP", master |-> 1, epoch |-> 0]  \* 3
  , [t |-> 100000, srv |-> 1, action |-> "AnnounceTick", from |-> 0, type |-> "", mmaster |-> 0, mrevoked |-> 0, mepoch |-> 0, mlive |-> {}, role |-> "MASTER", master |-> 1, epoch |-> 0]  \* 4
  , [t |-> 100000, srv |-> 2, action |-> "DetectionTick", from |-> 0, type |-> "", mmaster |-> 0, mrevoked |-> 0, mepoch |-> 0, mlive |-> {}, role |-> "BACKUP", master |-> 1, epoch |-> 0]  \* 5
  , [t |-> 100000, srv |-> 3, action |-> "DetectionTick", from |-> 0, type |-> "", mmaster |-> 0, mrevoked |-> 0, mepoch |-> 0, mlive |-> {}, role |-> "BACKUP", master |-> 1, epoch |-> 0]  \* 6
  , [t |-> 105000, srv |-> 2, action |-> "ReceiveDeclare", from |-> 1, type |-> "declare", mmaster |-> 1, mrevoked |-> 0, mepoch |-> 0, mlive |-> {}, role |-> "BACKUP", master |-> 1, epoch |-> 0]  \* 7
  , [t |-> 106000, srv |-> 3, action |-> "ReceiveDeclare", from |-> 1, type |-> "declare", mmaster |-> 1, mrevoked |-> 0, mepoch |-> 0, mlive |-> {}, role |-> "BACKUP", master |-> 1, epoch |-> 0]  \* 8
  , [t |-> 150000, srv |-> 2, action |-> "InquiryTimeout", from |-> 0, type |-> "", mmaster |-> 0, mrevoked |-> 0, mepoch |-> 0, mlive |-> {}, role |-> "WAITING", master |-> 0, epoch |-> 0]  \* 9
  , [t |-> 150000, srv |-> 3, action |-> "InquiryTimeout", from |-> 0, type |-> "", mmaster |-> 0, mrevoked |-> 0, mepoch |-> 0, mlive |-> {}, role |-> "WAITING", master |-> 0, epoch |-> 0]  \* 10
  , [t |-> 250000, srv |-> 2, action |-> "ElectionTimeout", from |-> 0, type |-> "", mmaster |-> 0, mrevoked |-> 0, mepoch |-> 0, mlive |-> {}, role |-> "MASTER", master |-> 2, epoch |-> 1]  \* 11
  , [t |-> 260000, srv |-> 3, action |-> "ReceiveDeclare", from |-> 2, type |-> "declare", mmaster |-> 2, mrevoked |-> 0, mepoch |-> 1, mlive |-> {}, role |-> "BACKUP", master |-> 2, epoch |-> 1]  \* 12
  , [t |-> 262000, srv |-> 1, action |-> "ReceiveDeclare", from |-> 2, type |-> "declare", mmaster |-> 2, mrevoked |-> 0, mepoch |-> 1, mlive |-> {}, role |-> "MASTER", master |-> 1, epoch |-> 2]  \* 13
  , [t |-> 270000, srv |-> 2, action |-> "ReceiveRevoke", from |-> 1, type |-> "revoke", mmaster |-> 1, mrevoked |-> 2, mepoch |-> 2, mlive |-> {}, role |-> "BACKUP", master |-> 1, epoch |-> 2]  \* 14
  , [t |-> 271000, srv |-> 3, action |-> "ReceiveRevoke", from |-> 1, type |-> "revoke", mmaster |-> 1, mrevoked |-> 2, mepoch |-> 2, mlive |-> {}, role |-> "BACKUP", master |-> 1, epoch |-> 2]  \* 15
  , [t |-> 370000, srv |-> 2, action |-> "DetectionTick", from |-> 0, type |-> "", mmaster |-> 0, mrevoked |-> 0, mepoch |-> 0, mlive |-> {}, role |-> "BACKUP", master |-> 1, epoch |-> 2]  \* 16
>>

TraceStartAt == <<0, 0, 0>>
====
