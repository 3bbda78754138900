#!/usr/bin/env python3
"""Broadcast whose figures are known: a node acknowledges a broadcast at once and sends the value to every other
node exactly once, --delay MILLIS later (default 0); a node that receives a value keeps it and sends nothing.
With n nodes and no faults, every broadcast costs n - 1 messages between servers, and a value reaches every node
delay + one latency after its broadcast arrived."""
import sys
import time
from node import Node

node = Node()
values = set()
delay = float(sys.argv[sys.argv.index("--delay") + 1]) / 1000 if "--delay" in sys.argv else 0.0
due = []


def broadcast(message):
    value = message["body"]["message"]
    values.add(value)
    node.reply(message, {"type": "broadcast_ok"})
    due.append((time.monotonic() + delay, value))
    if delay == 0:
        flush()


def flush():
    now = time.monotonic()
    while due and due[0][0] <= now:
        _, value = due.pop(0)
        for other in node.peers():
            node.send(other, {"type": "fanout", "value": value})


node.on("topology", lambda m: node.reply(m, {"type": "topology_ok"}))
node.on("broadcast", broadcast)
node.on("fanout", lambda m: values.add(m["body"]["value"]))
node.on("read", lambda m: node.reply(m, {"type": "read_ok", "messages": sorted(values)}))
node.every(0.002, flush)
node.run()
