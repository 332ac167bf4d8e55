// The part of the WebAssembly JavaScript API the solver uses (engine-kind.ts, wasm-engine.ts). Node has
// it as a global, but the project compiles without the DOM library and @types/node 20 does not declare it.

declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array | ArrayBuffer);
  }
  class Instance {
    constructor(module: Module, imports?: object);
    readonly exports: Record<string, unknown>;
  }
  class Memory {
    readonly buffer: ArrayBuffer;
    grow(pages: number): number;
  }
  function validate(bytes: Uint8Array | ArrayBuffer): boolean;
}
