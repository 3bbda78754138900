#!/usr/bin/env python3
"""G-set as a state-based CRDT: adds go into the local set, and every 100 ms each node sends its whole set to every
other node, which merges it (heals partitions). With --drop-every K it acknowledges every K-th element without
keeping it: a broken set that drops adds."""
import sys
from node import Node

node = Node()
elements = set()
drop_every = int(sys.argv[sys.argv.index("--drop-every") + 1]) if "--drop-every" in sys.argv else 0


def add(message):
    element = message["body"]["element"]
    if not (drop_every and element % drop_every == 0):
        elements.add(element)
    node.reply(message, {"type": "add_ok"})


def merge(message):
    elements.update(message["body"]["elements"])


def replicate():
    for other in node.peers():
        node.send(other, {"type": "merge", "elements": sorted(elements)})


node.on("add", add)
node.on("merge", merge)
node.on("read", lambda m: node.reply(m, {"type": "read_ok", "value": sorted(elements)}))
node.every(0.1, replicate)
node.run()
