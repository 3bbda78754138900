// Checks history.jsonl files of the harness (lin-kv: values [key, value]) with Porcupine, for a side-by-side
// measurement with the harness's checker. Not part of the build: see benchmarks/README.md for how it is run.
//
//	porcupine-compare [-repeat N] [-verbose] FILE...
//
// For each file it prints a tab-separated line: the file, the operations Porcupine checks (failed ones dropped),
// the verdict, and the milliseconds of one check (the minimum of N checks after one warm-up).
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"time"

	"github.com/anishathalye/porcupine"
)

type event struct {
	Process json.RawMessage `json:"process"`
	Type    string          `json:"type"`
	F       string          `json:"f"`
	Value   json.RawMessage `json:"value"`
	Time    int64           `json:"time"`
}

type input struct {
	key  int
	op   uint8 // 0 read, 1 write, 2 cas
	a, b int
}

type output struct {
	value   int  // the value read; nilValue for null
	unknown bool // an indeterminate write or cas: it may or may not have happened
}

const nilValue = math.MinInt32

func intOrNil(raw json.RawMessage) int {
	var v *int
	if err := json.Unmarshal(raw, &v); err != nil || v == nil {
		return nilValue
	}
	return *v
}

func read(file string) []porcupine.Operation {
	f, err := os.Open(file)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	scanner := bufio.NewScanner(f)
	scanner.Buffer(make([]byte, 1<<20), 1<<24)
	type open struct {
		in   input
		call int64
	}
	pending := map[int]open{}
	var ops []porcupine.Operation
	var unknown []open
	var last int64
	for scanner.Scan() {
		var e event
		if err := json.Unmarshal(scanner.Bytes(), &e); err != nil {
			panic(err)
		}
		var process int
		if json.Unmarshal(e.Process, &process) != nil {
			continue // the nemesis
		}
		last = e.Time
		var pair []json.RawMessage
		if err := json.Unmarshal(e.Value, &pair); err != nil || len(pair) != 2 {
			panic("a value is not [key, value]: " + string(e.Value))
		}
		key := intOrNil(pair[0])
		switch e.Type {
		case "invoke":
			in := input{key: key}
			switch e.F {
			case "read":
				in.op = 0
			case "write":
				in.op, in.a = 1, intOrNil(pair[1])
			case "cas":
				var ab []int
				if err := json.Unmarshal(pair[1], &ab); err != nil || len(ab) != 2 {
					panic("a cas is not [a, b]: " + string(pair[1]))
				}
				in.op, in.a, in.b = 2, ab[0], ab[1]
			}
			pending[process] = open{in, e.Time}
		case "ok":
			o := pending[process]
			delete(pending, process)
			out := output{}
			if o.in.op == 0 {
				out.value = intOrNil(pair[1])
			}
			ops = append(ops, porcupine.Operation{ClientId: process, Input: o.in, Call: o.call, Output: out, Return: e.Time})
		case "fail":
			delete(pending, process) // did not happen
		case "info":
			o := pending[process]
			delete(pending, process)
			if o.in.op != 0 {
				unknown = append(unknown, o)
			}
		}
	}
	for _, o := range pending {
		if o.in.op != 0 {
			unknown = append(unknown, o)
		}
	}
	// An indeterminate write or cas may take effect at any time after its call: its return is after everything.
	for _, o := range unknown {
		ops = append(ops, porcupine.Operation{ClientId: 0, Input: o.in, Call: o.call, Output: output{unknown: true},
			Return: last + 1})
	}
	return ops
}

var model = porcupine.Model{
	Partition: func(history []porcupine.Operation) [][]porcupine.Operation {
		byKey := map[int][]porcupine.Operation{}
		var keys []int
		for _, op := range history {
			k := op.Input.(input).key
			if _, ok := byKey[k]; !ok {
				keys = append(keys, k)
			}
			byKey[k] = append(byKey[k], op)
		}
		var parts [][]porcupine.Operation
		for _, k := range keys {
			parts = append(parts, byKey[k])
		}
		return parts
	},
	Init: func() interface{} { return nilValue },
	Step: func(state, in, out interface{}) (bool, interface{}) {
		st := state.(int)
		i := in.(input)
		switch i.op {
		case 0:
			return out.(output).value == st, st
		case 1:
			return true, i.a
		default:
			if st == i.a {
				return true, i.b
			}
			// A definite cas that failed did not happen (dropped above); only an indeterminate one gets here.
			// A definite cas that failed did not happen (dropped above); an indeterminate one that finds another
			// value changes nothing; a definite ok cas cannot find another value.
			return out.(output).unknown, st
		}
	},
	Hash:  func(state interface{}) uint64 { return uint64(state.(int)) * 0x9E3779B97F4A7C15 },
	Equal: func(a, b interface{}) bool { return a.(int) == b.(int) },
}

func main() {
	repeat := flag.Int("repeat", 5, "checks per file after one warm-up; the minimum is reported")
	verbose := flag.Bool("verbose", false, "CheckOperationsVerbose: partial linearizations of every partition, as the harness reports them")
	flag.Parse()
	for _, file := range flag.Args() {
		ops := read(file)
		check := func() porcupine.CheckResult {
			if *verbose {
				res, _ := porcupine.CheckOperationsVerbose(model, ops, 0)
				return res
			}
			return porcupine.CheckOperationsTimeout(model, ops, 0)
		}
		res := check()
		best := time.Duration(math.MaxInt64)
		for i := 0; i < *repeat; i++ {
			start := time.Now()
			check()
			if d := time.Since(start); d < best {
				best = d
			}
		}
		fmt.Printf("%s\t%d\t%v\t%.3f\n", file, len(ops), res, float64(best.Microseconds())/1000)
	}
}
