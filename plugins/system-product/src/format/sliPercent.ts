/** An SLI (0 to 1) as a percentage with at most two decimals (97.5). */
export const sliPercent = (sli: number) => +(sli * 100).toFixed(2);
