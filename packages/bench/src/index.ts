/**
 * Benchmark, load and fault tests of the System Product backend; run through
 * the package scripts (`yarn bench`, `yarn workspace bench load`,
 * `yarn workspace bench faults`), nothing is exported.
 *
 * @packageDocumentation
 */
export {};
