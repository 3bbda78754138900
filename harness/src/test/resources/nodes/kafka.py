#!/usr/bin/env python3
"""Kafka-style logs kept by one leader, n1: the other nodes forward every request to it and relay its answer.
Offsets are dense (0, 1, 2...); a poll returns at most 5 messages per key; a key's committed offset only grows.
Broken variants: --local-offsets serves every request locally (each node assigns offsets in its own logs, without
agreement); --reorder-poll swaps the first two messages of a key in every poll that returns two or more."""
import sys
from node import Node

node = Node()
LEADER = "n1"
PAGE = 5
logs = {}
committed = {}
local = "--local-offsets" in sys.argv
reorder = "--reorder-poll" in sys.argv


def serve(body):
    kind = body["type"]
    if kind == "send":
        log = logs.setdefault(body["key"], [])
        log.append(body["msg"])
        return {"type": "send_ok", "offset": len(log) - 1}
    if kind == "poll":
        msgs = {}
        for key, start in body["offsets"].items():
            log = logs.get(key, [])
            pairs = [[offset, log[offset]] for offset in range(start, min(len(log), start + PAGE))]
            if reorder and len(pairs) >= 2:
                pairs[0], pairs[1] = pairs[1], pairs[0]
            if pairs:
                msgs[key] = pairs
        return {"type": "poll_ok", "msgs": msgs}
    if kind == "commit_offsets":
        for key, offset in body["offsets"].items():
            committed[key] = max(committed.get(key, -1), offset)
        return {"type": "commit_offsets_ok"}
    if kind == "list_committed_offsets":
        return {"type": "list_committed_offsets_ok",
                "offsets": {k: committed[k] for k in body["keys"] if k in committed}}
    return {"type": "error", "code": 10, "text": "unsupported: " + kind}


def handle(message):
    body = message["body"]
    if local or node.id == LEADER:
        node.reply(message, serve(body))
        return
    forwarded = {k: v for k, v in body.items() if k != "msg_id"}

    def relay(answer):
        reply = {k: v for k, v in answer["body"].items() if k not in ("msg_id", "in_reply_to")}
        node.reply(message, reply)

    node.rpc(LEADER, forwarded, relay)


for kind in ("send", "poll", "commit_offsets", "list_committed_offsets"):
    node.on(kind, handle)
node.run()
