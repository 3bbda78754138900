#!/usr/bin/env python3
"""txn-list-append and txn-rw-register for the harness's tests. n1 holds the data; the other nodes forward each txn
to n1 and relay its answer, so every transaction is applied by one node, whole, one at a time: strict-serializable.
One flag breaks it on purpose:
  --stale         read-only transactions are answered from the node's own copy, refreshed from n1 every 0.5 s
  --no-isolation  n1 applies the micro-operations of concurrent transactions interleaved, one every 2 ms
  --dirty-abort   n1 aborts every fourth transaction that writes (error 30) after applying its writes, which stay
  --internal      a read returns the key as it was before the transaction, ignoring the transaction's own writes
"""
import sys
from node import Node

node = Node()
stale = "--stale" in sys.argv
no_isolation = "--no-isolation" in sys.argv
dirty_abort = "--dirty-abort" in sys.argv
internal = "--internal" in sys.argv

data = {}
copy = {}
pending = []
writing_txns = [0]


def apply_mop(mop, store, before):
    f, k, v = mop
    if f == "r":
        value = (before if before is not None else store).get(k)
        return [f, k, list(value) if isinstance(value, list) else value]
    if f == "append":
        store[k] = store.get(k, []) + [v]
    else:
        store[k] = v
    return [f, k, v]


def apply(txn):
    before = dict(data) if internal else None
    return [apply_mop(mop, data, before) for mop in txn]


def writes(txn):
    return any(f != "r" for f, _, _ in txn)


def at_n1(message):
    txn = message["body"]["txn"]
    if no_isolation:
        pending.append([message, txn, []])
        return
    result = apply(txn)
    if dirty_abort and writes(txn):
        writing_txns[0] += 1
        if writing_txns[0] % 4 == 0:
            node.reply(message, {"type": "error", "code": 30, "text": "txn-conflict"})
            return
    node.reply(message, {"type": "txn_ok", "txn": result})


def step():
    """--no-isolation: one micro-operation of each pending transaction."""
    for entry in list(pending):
        message, txn, done = entry
        done.append(apply_mop(txn[len(done)], data, None))
        if len(done) == len(txn):
            pending.remove(entry)
            node.reply(message, {"type": "txn_ok", "txn": done})


def txn(message):
    if node.id == "n1":
        at_n1(message)
        return
    if stale and not writes(message["body"]["txn"]):
        node.reply(message, {"type": "txn_ok", "txn": [apply_mop(mop, copy, None) for mop in message["body"]["txn"]]})
        return

    def answered(reply):
        answer = dict(reply["body"])
        answer.pop("in_reply_to", None)
        answer.pop("msg_id", None)
        node.reply(message, answer)

    node.rpc("n1", {"type": "txn", "txn": message["body"]["txn"]}, answered)


def snapshot(message):
    node.reply(message, {"type": "snapshot_ok", "data": [[k, v] for k, v in data.items()]})


def refresh():
    def refreshed(reply):
        copy.clear()
        for k, v in reply["body"]["data"]:
            copy[k] = v

    if node.id != "n1":
        node.rpc("n1", {"type": "snapshot"}, refreshed)


node.on("txn", txn)
node.on("snapshot", snapshot)
if stale:
    node.every(0.5, refresh)
if no_isolation:
    node.every(0.002, step)
node.run()
