#!/usr/bin/env python3
"""Echo: answers every echo with echo_ok carrying the same text."""
from node import Node

node = Node()
node.on("echo", lambda m: node.reply(m, {"type": "echo_ok", "echo": m["body"]["echo"]}))
node.run()
