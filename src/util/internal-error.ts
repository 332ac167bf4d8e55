// InternalError: a bug in btfc, not a user mistake (e.g. a circuit that fails simulation). Commands report
// it as a bug, exit 1, and write nothing.

export class InternalError extends Error {
  override name = 'InternalError';
}
