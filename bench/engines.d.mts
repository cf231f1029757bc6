type Row = { metric: string; s: { median: number; min: number; max: number; n: number }; goal: string; result: string };
export declare const ENGINE_GOAL_FACTOR: number;
export declare function setupRows(d: unknown): Row[];
export declare function iseRows(d: unknown): Row[];
