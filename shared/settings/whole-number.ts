import { z } from 'zod';

/** A whole number within a range; the error carries both ends so the message can name them. */
export const wholeNumberIn = (range: { min: number; max: number }) =>
  z
    .number({ error: 'validation.number' })
    .int({ error: 'validation.integer' })
    .refine((value) => value >= range.min && value <= range.max, {
      error: 'validation.range',
      params: { minimum: range.min, maximum: range.max },
    });
