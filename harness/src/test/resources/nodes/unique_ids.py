#!/usr/bin/env python3
"""Unique ids: the node's id and a counter of its own, unique as long as the node is not restarted."""
from node import Node

node = Node()
counter = [0]


def generate(message):
    counter[0] += 1
    node.reply(message, {"type": "generate_ok", "id": "%s-%d" % (node.id, counter[0])})


node.on("generate", generate)
node.run()
