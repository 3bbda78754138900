--------------------- MODULE MCServiceReplicationCrash ---------------------
(* The service rule with one crash that loses all state, 3 servers, one    *)
(* ballot round per incarnation, one write. Too large to finish on 2 cores *)
(* in minutes: run it in simulation mode (-simulate) or let it run long.   *)
(* Without the recovery step (RecoveryQuorum == 0) TLC finds a lost        *)
(* acknowledged write in 13 steps, in under a minute.                      *)
EXTENDS ServiceReplication
============================================================================
