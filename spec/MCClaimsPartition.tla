------------------------- MODULE MCClaimsPartition -------------------------
(* The claims' variant (no fix of PROTOCOL.md §5), 2 servers, one         *)
(* partition that heals: two MASTERs that never meet (Convergence fails). *)
EXTENDS StaggeredElection
=============================================================================
