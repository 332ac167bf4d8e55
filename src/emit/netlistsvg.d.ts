// The part of netlistsvg (npm, CommonJS, no type declarations of its own) that emit/schematic.ts uses:
// `render(skin, yosysJson)` lays out a Yosys-JSON-style netlist with elkjs and draws it with the symbols
// of an SVG skin. It resolves to undefined when the layout fails (it logs the error instead of rejecting).

declare module 'netlistsvg' {
  export function render(skinData: string, netlist: unknown): Promise<string | undefined>;
}
