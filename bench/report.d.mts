type Cell = { metric: string; median: string; min: string; max: string; runs: string; goal: string; result: string };
export declare function rows(r: unknown): Cell[];
export declare function markdown(r: unknown, argv: string): string;
export declare function legacyRows(r: unknown): Cell[];
