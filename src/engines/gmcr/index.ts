/** Public list of this engine family (filled in as it lands). */
export {};
