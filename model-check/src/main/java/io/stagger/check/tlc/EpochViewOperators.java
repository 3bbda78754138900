package io.stagger.check.tlc;

import tlc2.overrides.TLAPlusOperator;
import tlc2.value.impl.Applicable;
import tlc2.value.impl.BoolValue;
import tlc2.value.impl.FcnRcdValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.SetEnumValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.Value;
import tlc2.value.impl.ValueVec;

/**
 * Java evaluations of the three operators of {@code spec/StaggeredElection.tla} that the View on epochs and its
 * constraint apply to every state TLC generates ({@code LowestEpoch}, {@code ShiftServerEpochs},
 * {@code ShiftMessageEpochs}). Each computes exactly what its TLA+ definition says, on the values TLC passes in; TLC
 * interprets the definitions about ten times more slowly, and with the liveness check it evaluates the View twice per
 * generated state (model-check/README.md, "Reductions"). {@code EpochViewOperatorsTest} runs TLC with and without
 * them and compares the state counts and verdicts.
 */
public final class EpochViewOperators {
    private static final String MODULE = "StaggeredElection";
    private static final String TYPE = "type";
    private static final String EPOCH = "epoch";
    private static final String INQUIRY = "inquiry";

    private EpochViewOperators() {
    }

    /** {@code LowestEpoch(ups, epochs, msgs)}: the lowest epoch of a server that is up or a message that carries one. */
    @TLAPlusOperator(identifier = "LowestEpoch", module = MODULE, warn = false)
    public static Value lowestEpoch(Value ups, Value epochs, Value msgs) {
        FcnRcdValue up = function(ups);
        boolean found = false;
        int lowest = 0;
        for (int k = 0; k < up.values.length; k++) {
            if (((BoolValue) up.values[k]).val) {
                int e = ((IntValue) ((Applicable) epochs).select(argument(up, k))).val;
                lowest = found ? Math.min(lowest, e) : e;
                found = true;
            }
        }
        ValueVec messages = set(msgs).elems;
        for (int k = 0; k < messages.size(); k++) {
            RecordValue m = (RecordValue) messages.elementAt(k).toRcd();
            if (carriesEpoch(m)) {
                int e = ((IntValue) field(m, EPOCH)).val;
                lowest = found ? Math.min(lowest, e) : e;
                found = true;
            }
        }
        return IntValue.gen(lowest);
    }

    /** {@code ShiftServerEpochs(ups, epochs, c)}: epochs[i] - c for a server that is up, 0 for one that is down. */
    @TLAPlusOperator(identifier = "ShiftServerEpochs", module = MODULE, warn = false)
    public static Value shiftServerEpochs(Value ups, Value epochs, Value c) {
        FcnRcdValue epoch = function(epochs);
        int shift = ((IntValue) c).val;
        Value[] shifted = new Value[epoch.values.length];
        for (int k = 0; k < shifted.length; k++) {
            boolean isUp = ((BoolValue) ((Applicable) ups).select(argument(epoch, k))).val;
            shifted[k] = isUp ? IntValue.gen(((IntValue) epoch.values[k]).val - shift) : IntValue.ValZero;
        }
        return epoch.intv != null ? new FcnRcdValue(epoch.intv, shifted)
                : new FcnRcdValue(epoch.domain, shifted, epoch.isNormalized());
    }

    /** {@code ShiftMessageEpochs(msgs, c)}: every message but an inquiry with its epoch lowered by c. */
    @TLAPlusOperator(identifier = "ShiftMessageEpochs", module = MODULE, warn = false)
    public static Value shiftMessageEpochs(Value msgs, Value c) {
        ValueVec messages = set(msgs).elems;
        int shift = ((IntValue) c).val;
        Value[] shifted = new Value[messages.size()];
        for (int k = 0; k < shifted.length; k++) {
            RecordValue m = (RecordValue) messages.elementAt(k).toRcd();
            if (!carriesEpoch(m)) {
                shifted[k] = m;
                continue;
            }
            Value[] values = m.values.clone();
            int at = index(m, EPOCH);
            values[at] = IntValue.gen(((IntValue) values[at]).val - shift);
            shifted[k] = new RecordValue(m.names, values, m.isNormalized());
        }
        return new SetEnumValue(shifted, false);
    }

    private static boolean carriesEpoch(RecordValue m) {
        return !INQUIRY.equals(((StringValue) field(m, TYPE)).val.toString());
    }

    private static Value field(RecordValue m, String name) {
        return m.values[index(m, name)];
    }

    private static int index(RecordValue m, String name) {
        for (int k = 0; k < m.names.length; k++) {
            if (name.equals(m.names[k].toString())) {
                return k;
            }
        }
        throw new IllegalArgumentException("a message without the field " + name + ": " + m);
    }

    private static FcnRcdValue function(Value f) {
        return (FcnRcdValue) f.toFcnRcd();
    }

    private static Value argument(FcnRcdValue f, int k) {
        return f.intv != null ? IntValue.gen(f.intv.low + k) : f.domain[k];
    }

    private static SetEnumValue set(Value s) {
        return (SetEnumValue) s.toSetEnum();
    }
}
