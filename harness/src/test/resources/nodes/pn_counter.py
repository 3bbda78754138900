#!/usr/bin/env python3
"""PN-counter as a state-based CRDT: each node counts its own increments and decrements, and every 100 ms sends both
maps to every other node, which keeps the larger count per node. With --ignore-negative it acknowledges negative
deltas without counting them: a broken counter."""
import sys
from node import Node

node = Node()
increments = {}
decrements = {}
ignore_negative = "--ignore-negative" in sys.argv


def add(message):
    delta = message["body"]["delta"]
    if delta > 0:
        increments[node.id] = increments.get(node.id, 0) + delta
    elif delta < 0 and not ignore_negative:
        decrements[node.id] = decrements.get(node.id, 0) - delta
    node.reply(message, {"type": "add_ok"})


def merge(message):
    for mine, theirs in ((increments, message["body"]["p"]), (decrements, message["body"]["n"])):
        for owner, count in theirs.items():
            mine[owner] = max(mine.get(owner, 0), count)


def replicate():
    for other in node.peers():
        node.send(other, {"type": "merge", "p": increments, "n": decrements})


node.on("add", add)
node.on("merge", merge)
node.on("read", lambda m: node.reply(m, {"type": "read_ok",
                                         "value": sum(increments.values()) - sum(decrements.values())}))
node.every(0.1, replicate)
node.run()
