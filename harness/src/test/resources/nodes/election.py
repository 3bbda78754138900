#!/usr/bin/env python3
"""A simple election for the election workload: every node heartbeats the others every 50 ms; the master is the
first node (in node_ids order) heard from in the last 300 ms. With --silent it never answers master (broken)."""
import sys
import time
from node import Node

node = Node()
silent = "--silent" in sys.argv
heard = {}
TIMEOUT = 0.3


def master():
    now = time.monotonic()
    alive = [n for n in node.ids if n == node.id or now - heard.get(n, -1e9) < TIMEOUT]
    return alive[0]


def answer(message):
    if silent:
        return
    if not node.ids:  # a restarted node asked before its init: not an error of the election
        node.reply(message, {"type": "error", "code": 11, "text": "not initialised yet"})
        return
    chosen = master()
    node.reply(message, {"type": "master_ok", "master": chosen, "role": "MASTER" if chosen == node.id else "BACKUP",
                         "epoch": 0, "rank": node.ids.index(node.id) + 1})


def heartbeat():
    for other in node.peers():
        node.send(other, {"type": "heartbeat"})


def heard_from(message):
    heard[message["src"]] = time.monotonic()


node.on("master", answer)
node.on("heartbeat", heard_from)
node.every(0.05, heartbeat)
node.run()
