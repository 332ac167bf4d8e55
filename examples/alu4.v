// alu4.v: a 4-bit ALU slice, written by hand as a test of Verilog specs (`btfc discover examples/alu4.v`).
// op selects add, subtract, AND or XOR; z says the result is zero; c is the carry out of the add and the
// borrow of the subtract (0 for the logic operations).
module alu4 (
  input  [3:0] a,
  input  [3:0] b,
  input  [1:0] op,
  output reg [3:0] y,
  output reg c,
  output z
);
  always @* begin
    case (op)
      2'd0: {c, y} = a + b;
      2'd1: {c, y} = {1'b0, a} - {1'b0, b};
      2'd2: begin y = a & b; c = 1'b0; end
      default: begin y = a ^ b; c = 1'b0; end
    endcase
  end
  assign z = (y == 4'd0);
endmodule
