// The hostile-input corpus: cases a careless or hostile user runs, each with the exit status and message
// btfc must give. Case files live in cases/*.cases.ts (one per area) and export `cases`; the runner is
// corpus.test.ts. A case runs in a fresh temporary folder (its working directory): `files` are written
// there first, `{dir}` in arguments names it, `{root}` the repository. Unless `spawn` is set a case runs
// in-process (fast); `spawn` runs bin/btfc.js as a real process (signals, stdin, devices, exit codes).

export interface HostileCase {
  /** Unique within the corpus; says what the user did. */
  name: string;
  /** btfc's arguments, `{dir}` and `{root}` substituted. */
  args: string[];
  /** Files to create in the case's folder before the run: name → text (or bytes). */
  files?: Record<string, string | Uint8Array>;
  /** Run bin/btfc.js in a child process (needed for stdin, signals or process-level behaviour). */
  spawn?: boolean;
  /** Text on the child's stdin (spawn only). */
  stdin?: string;
  /**
   * Prepare what `files` cannot hold (symbolic and hard links, FIFOs, folders, a reader process), after
   * `files` are written; what it creates counts as given, not as written.
   */
  setup?: (dir: string) => void;
  /** Further checks of the case's folder after the run (a spec left unchanged, a link still a link). */
  check?: (dir: string) => void | Promise<void>;
  /**
   * Send this signal to the child (spawn only): `afterMs` after stderr first matches `afterErr` (or after
   * the start without one). The run must then end within `withinMs` of the signal (default 5 s).
   */
  signal?: { name: 'SIGINT' | 'SIGTERM'; afterErr?: RegExp; afterMs?: number; withinMs?: number };
  expect: {
    code: number;
    /** Must match stderr (as a RegExp source, case-sensitive). */
    err?: RegExp;
    /** Must match stdout. */
    out?: RegExp;
    /**
     * Files the case's folder must hold afterwards besides `files` (default: none — a failed run writes
     * nothing). Listed names must exist; anything else new is a failure.
     */
    written?: string[];
  };
  /** Milliseconds the case may take (default 30 s). */
  timeoutMs?: number;
}
