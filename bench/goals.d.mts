export declare function verdict(holds: boolean, detail?: string): string;
export declare function withinFactor(value: number, base: number, factor: number): { limit: number; ratio: number; holds: boolean; result: string };
export declare function withinMargin(value: number, base: number, margin: number): { limit: number; over: number; holds: boolean; result: string };
