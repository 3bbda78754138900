"""A minimal Maelstrom node for the harness's tests: JSON lines on stdin/stdout, handlers, RPCs, periodic tasks."""
import json
import os
import select
import sys
import time


class Node:
    def __init__(self):
        self.id = None
        self.ids = []
        self.handlers = {}
        self.callbacks = {}
        self.tasks = []
        self.init_hooks = []
        self.next_msg_id = 0

    def on(self, message_type, handler):
        self.handlers[message_type] = handler

    def every(self, seconds, task):
        self.tasks.append([seconds, task, 0.0])

    def after_init(self, hook):
        self.init_hooks.append(hook)

    def peers(self):
        return [n for n in self.ids if n != self.id]

    def send(self, dest, body):
        sys.stdout.write(json.dumps({"src": self.id, "dest": dest, "body": body}) + "\n")
        sys.stdout.flush()

    def reply(self, request, body):
        body["in_reply_to"] = request["body"]["msg_id"]
        self.send(request["src"], body)

    def rpc(self, dest, body, callback):
        self.next_msg_id += 1
        body["msg_id"] = self.next_msg_id
        self.callbacks[self.next_msg_id] = callback
        self.send(dest, body)

    def log(self, text):
        sys.stderr.write(text + "\n")
        sys.stderr.flush()

    def run(self):
        buffer = b""
        stdin = sys.stdin.fileno()
        while True:
            now = time.monotonic()
            wait = 1.0
            if self.id is not None and self.tasks:
                wait = max(0.0, min(t[2] for t in self.tasks) - now)
            readable, _, _ = select.select([stdin], [], [], wait)
            if readable:
                chunk = os.read(stdin, 65536)
                if not chunk:
                    return
                buffer += chunk
                while b"\n" in buffer:
                    line, buffer = buffer.split(b"\n", 1)
                    if line.strip():
                        self.handle(json.loads(line))
            now = time.monotonic()
            if self.id is not None:
                for task in self.tasks:
                    if now >= task[2]:
                        task[2] = now + task[0]
                        task[1]()

    def handle(self, message):
        body = message["body"]
        callback = self.callbacks.pop(body.get("in_reply_to"), None)
        if callback is not None:
            callback(message)
            return
        if body["type"] == "init":
            self.id = body["node_id"]
            self.ids = body["node_ids"]
            self.reply(message, {"type": "init_ok"})
            for hook in self.init_hooks:
                hook()
            return
        handler = self.handlers.get(body["type"])
        if handler is not None:
            handler(message)
