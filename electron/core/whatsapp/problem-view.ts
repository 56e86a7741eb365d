import { metaProblemForCode, type MetaProblemView } from '../../../shared/domain/meta-problems';
import { GraphError } from './graph-error';

/** A failed Graph call as the renderer shows it: our sentence key plus Meta's own words. */
export function problemView(error: unknown): MetaProblemView {
  if (error instanceof GraphError) {
    const failure = error.failure;
    if (failure.kind === 'meta') {
      return {
        problem: metaProblemForCode(failure.code, failure.subcode),
        code: failure.code,
        title: failure.title,
        details: failure.details ?? null,
        fbtraceId: failure.fbtraceId ?? null,
      };
    }
    const problem = failure.kind === 'timeout' ? 'timeout' : failure.kind === 'network' ? 'network' : 'meta_unavailable';
    return { problem, code: null, title: null, details: error.message, fbtraceId: null };
  }
  return { problem: 'other', code: null, title: null, details: null, fbtraceId: null };
}
