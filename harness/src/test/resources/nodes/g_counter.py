#!/usr/bin/env python3
"""G-counter on the seq-kv service: add is a read and a compare-and-set retried until it applies."""
from node import Node

node = Node()
KEY = "counter"


def add(message):
    delta = message["body"]["delta"]

    def attempt():
        node.rpc("seq-kv", {"type": "read", "key": KEY}, lambda r: got(r))

    def got(reply):
        current = reply["body"].get("value", 0) if reply["body"]["type"] == "read_ok" else 0
        node.rpc("seq-kv", {"type": "cas", "key": KEY, "from": current, "to": current + delta,
                            "create_if_not_exists": True}, done)

    def done(reply):
        if reply["body"]["type"] == "cas_ok":
            node.reply(message, {"type": "add_ok"})
        else:
            attempt()

    attempt()


def read(message):
    def got(reply):
        value = reply["body"].get("value", 0) if reply["body"]["type"] == "read_ok" else 0
        node.reply(message, {"type": "read_ok", "value": value})

    node.rpc("seq-kv", {"type": "read", "key": KEY}, got)


node.on("add", add)
node.on("read", read)
node.run()
