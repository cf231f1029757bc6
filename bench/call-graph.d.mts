export interface Call { id: string; step: string; service: string; operation: string; startMs: number; endMs: number; needs: string[] }
export declare function criticalPath(calls: Call[]): { minimumMs: number; path: string[]; depth: number; maxDepth: number; violations: string[] };
export declare function callsByService(calls: Call[]): Record<string, number>;
export declare function roundTrips(callCount: number, connections: number): number;
export declare function callGraphTable(calls: Call[], critical: { path: string[] }): string;
export declare function pathGaps(calls: Call[], critical: { path: string[] }, wallMs: number): { where: string; ms: number }[];
