import type { z } from 'zod';

/**
 * One channel of the contract: its zod input schema and its output type (`output` exists only for
 * its type). Each capability declares its channels in shared/contract/<capability>.ts.
 */
export const channel =
  <Output>() =>
  <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
