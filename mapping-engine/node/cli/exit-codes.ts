/**
 * Exit codes of the `mapwright` CLI, the same for every command, so CI
 * scripts can tell a failed check from bad input.
 */
export const EXIT_OK = 0;
/** A check failed (a test case, a validation). */
export const EXIT_CHECK_FAILED = 1;
/** Bad input or usage: the coded error is on stderr. */
export const EXIT_BAD_INPUT = 2;
