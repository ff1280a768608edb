export declare const esmRequireBanner: string;
export declare const localOnlyExternals: readonly string[];
export declare const rdsCaBundleFile: string;
export declare function writeRdsCaBundle(dir: string): { count: number; sha256: string };
