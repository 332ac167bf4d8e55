// Proof and Yosys statistics of one finished circuit, as compile and discover both need them: prove the
// emitted Verilog equal to the spec on its care set; when the proof passes, measure AIG nodes and depth
// with Yosys (aigmap). Stage: verify.

import type { Spec } from '../ir/spec.js';
import type { Netlist } from '../ir/netlist.js';
import { aigEstimate } from '../ir/netlist.js';
import { writeVerilog } from '../emit/verilog.js';
import { proveAgainstModule, proveAgainstTable, type DesignUnderProof, type ProofResult } from './prove.js';
import { aigStats } from './stats.js';

export interface Certificate {
  proof: ProofResult;
  /** Yosys's count after a passed proof; otherwise btfc's own estimate (which aigmap agrees with). */
  aigNodes: number;
  depth: number;
  proveMs: number;
  statsMs: number;
}

/**
 * The proof against a Verilog spec's own module when every row is cared about (prove.ts: a miter, cheap
 * where the flat table is not); when that does not pass, or for any other spec, against the table.
 */
async function prove(design: DesignUnderProof, spec: Pick<Spec, 'table' | 'verilog'>): Promise<ProofResult> {
  if (spec.verilog?.kind === 'design' && spec.table.isComplete()) {
    const r = await proveAgainstModule(design, spec.verilog);
    if (r.status === 'pass') return r;
  }
  return proveAgainstTable(design, spec.table);
}

/**
 * `verilog` is the netlist as written to the user. A 'fail' is returned, not thrown: what it means (a bug)
 * is the caller's to report. An 'error' (Yosys could not run, e.g. out of memory on a very wide table) is
 * no refutation: the exhaustive simulation has already checked every care row.
 */
export async function certify(nl: Netlist, spec: Pick<Spec, 'inputs' | 'outputs' | 'table' | 'verilog'>, verilog: string): Promise<Certificate> {
  const est = aigEstimate(nl);
  let t = performance.now();
  const proof = await prove({ verilog, top: nl.name, inputs: spec.inputs, outputs: spec.outputs }, spec);
  const proveMs = performance.now() - t;
  const cert: Certificate = { proof, aigNodes: est.andNodes, depth: est.depth, proveMs, statsMs: 0 };
  if (proof.status === 'pass') {
    t = performance.now();
    try {
      const aig = await aigStats(writeVerilog(nl, { majForm: 'aig' }), nl.name);
      cert.aigNodes = aig.andNodes;
      cert.depth = aig.depth;
    } catch { /* keep the estimate */ }
    cert.statsMs = performance.now() - t;
  }
  return cert;
}
