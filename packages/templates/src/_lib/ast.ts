// The immutable syntax tree the parser builds and the compiler turns into closures. `pos` is the offset of
// the construct in the source, kept so render-time errors (strict mode, budgets) can point at it.

export type BinaryOp = "==" | "!=" | "<" | ">" | "<=" | ">=" | "contains" | "and" | "or";

/** A path step after the root name: a fixed key, a fixed index, or a computed `[expr]`. */
export type PathSegment =
  | { readonly kind: "key"; readonly key: string }
  | { readonly kind: "index"; readonly index: number }
  | { readonly kind: "dynamic"; readonly expr: Expr };

export type Expr =
  | { readonly kind: "literal"; readonly value: string | number | boolean | null; readonly pos: number }
  | { readonly kind: "special"; readonly name: "empty" | "blank"; readonly pos: number }
  | { readonly kind: "range"; readonly from: Expr; readonly to: Expr; readonly pos: number }
  | {
      readonly kind: "variable";
      readonly name: string;
      readonly path: readonly PathSegment[];
      readonly pos: number;
    }
  | {
      readonly kind: "binary";
      readonly op: BinaryOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly pos: number;
    };

export interface FilterCall {
  readonly name: string;
  readonly args: readonly Expr[];
  readonly keywords: readonly (readonly [string, Expr])[];
  readonly pos: number;
}

export interface FilteredExpr {
  readonly expr: Expr;
  readonly filters: readonly FilterCall[];
}

export interface IfBranch {
  readonly condition: Expr;
  readonly body: readonly Node[];
}

export type Node =
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "output"; readonly value: FilteredExpr; readonly pos: number }
  | {
      readonly kind: "if";
      /** `unless` negates the first branch only; `elsif` branches are plain. */
      readonly negateFirst: boolean;
      readonly branches: readonly IfBranch[];
      readonly otherwise: readonly Node[] | null;
    }
  | {
      readonly kind: "for";
      readonly variable: string;
      readonly collection: Expr;
      readonly limit: Expr | null;
      readonly offset: Expr | null;
      readonly reversed: boolean;
      readonly body: readonly Node[];
      readonly otherwise: readonly Node[];
      readonly pos: number;
    }
  | {
      readonly kind: "case";
      readonly subject: FilteredExpr;
      readonly branches: readonly { readonly values: readonly Expr[]; readonly body: readonly Node[] }[];
      readonly otherwise: readonly Node[] | null;
    }
  | { readonly kind: "assign"; readonly name: string; readonly value: FilteredExpr; readonly pos: number }
  | { readonly kind: "capture"; readonly name: string; readonly body: readonly Node[]; readonly pos: number }
  | { readonly kind: "break"; readonly pos: number }
  | { readonly kind: "continue"; readonly pos: number };

export interface TemplateAst {
  readonly nodes: readonly Node[];
  /** Names written by `assign` or `capture` anywhere in the template. */
  readonly assigned: ReadonlySet<string>;
  /** Names written only by `capture` (never by `assign`): their values are template output. */
  readonly capturedOnly: ReadonlySet<string>;
}
