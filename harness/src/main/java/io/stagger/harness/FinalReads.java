package io.stagger.harness;

import io.stagger.history.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Jepsen's set and counter histories have no final marks: their final reads are the reads that begin after the last
 * add, as Jepsen's generators make them (a phase of adds, then the final reads). Each read is named by its process,
 * where the history names no node.
 */
final class FinalReads {
    private FinalReads() {}

    static List<Op> mark(List<Op> ops) {
        if (ops.stream().anyMatch(Op::isFinal)) {
            return ops;
        }
        int lastAdd = -1;
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).f().equals("add") && ops.get(i).process() != Op.NEMESIS) {
                lastAdd = i;
            }
        }
        List<Op> marked = new ArrayList<>(ops.size());
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            boolean isFinal = i > lastAdd && op.f().equals("read") && op.process() != Op.NEMESIS;
            String node = op.node() != null ? op.node() : "process " + op.process();
            marked.add(new Op(op.index(), op.process(), op.type(), op.f(), op.value(), op.time(), node, op.error(),
                    isFinal));
        }
        return marked;
    }
}
