#!/usr/bin/env python3
"""Broadcast: forwards new values to its neighbours, and every 200 ms re-sends all it has (heals partitions).
With --drop-every K it acknowledges every K-th value without keeping it: a broken node that loses values."""
import sys
from node import Node

node = Node()
values = set()
neighbours = []
drop_every = int(sys.argv[sys.argv.index("--drop-every") + 1]) if "--drop-every" in sys.argv else 0


def topology(message):
    neighbours.extend(message["body"]["topology"].get(node.id, []))
    node.reply(message, {"type": "topology_ok"})


def broadcast(message):
    value = message["body"]["message"]
    node.reply(message, {"type": "broadcast_ok"})
    if drop_every and value % drop_every == 0:
        return
    if value not in values:
        values.add(value)
        for other in neighbours:
            node.send(other, {"type": "gossip", "values": [value]})


def gossip(message):
    new = [v for v in message["body"]["values"] if v not in values]
    values.update(new)
    if new:
        for other in neighbours:
            if other != message["src"]:
                node.send(other, {"type": "gossip", "values": new})


def anti_entropy():
    if values:
        for other in neighbours:
            node.send(other, {"type": "gossip", "values": sorted(values)})


node.on("topology", topology)
node.on("broadcast", broadcast)
node.on("gossip", gossip)
node.on("read", lambda m: node.reply(m, {"type": "read_ok", "messages": sorted(values)}))
node.every(0.2, anti_entropy)
node.run()
