/** The message of a failed assertion; throws when `run` does not fail. */
export function failure(run: () => void): string {
  try {
    run();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the assertion did not fail');
}
