#!/usr/bin/env python3
"""A node that misbehaves in one chosen way, to show that the harness reports it and never hangs:
--mute-init never answers init; --not-json prints a line that is not JSON after init; --crash exits after init;
--flood sends messages to n1 as fast as it can after init."""
import json
import sys
from node import Node

node = Node()
mode = sys.argv[1] if len(sys.argv) > 1 else ""

if mode == "--mute-init":
    for line in sys.stdin:
        pass
    sys.exit(0)


def after_init():
    if mode == "--not-json":
        sys.stdout.write("hello, I am not JSON\n")
        sys.stdout.flush()
    elif mode == "--crash":
        node.log("crashing on purpose")
        sys.exit(3)
    elif mode == "--flood":
        line = json.dumps({"src": node.id, "dest": "n1", "body": {"type": "flood"}}) + "\n"
        while True:
            sys.stdout.write(line * 1000)


node.after_init(after_init)
node.on("echo", lambda m: node.reply(m, {"type": "echo_ok", "echo": m["body"]["echo"]}))
node.run()
