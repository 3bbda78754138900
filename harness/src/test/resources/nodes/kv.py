#!/usr/bin/env python3
"""Lin-kv by proxy: every read, write and cas goes to the lin-kv service and its answer goes back to the client.
With --stale it is broken: it also keeps the values it has seen and answers reads from them (stale reads)."""
import sys
from node import Node

node = Node()
stale = "--stale" in sys.argv
seen = {}


def proxy(message):
    body = dict(message["body"])
    body.pop("msg_id", None)
    key = body.get("key")
    if stale and body["type"] == "read" and key in seen:
        node.reply(message, {"type": "read_ok", "value": seen[key]})
        return

    def answered(reply):
        answer = dict(reply["body"])
        answer.pop("in_reply_to", None)
        answer.pop("msg_id", None)
        if answer["type"] == "read_ok":
            seen[key] = answer["value"]
        elif answer["type"] == "write_ok":
            seen[key] = body["value"]
        elif answer["type"] == "cas_ok":
            seen[key] = body["to"]
        node.reply(message, answer)

    node.rpc("lin-kv", body, answered)


for operation in ("read", "write", "cas"):
    node.on(operation, proxy)
node.run()
