import { z } from 'zod';
import { REQUEST_INPUTS, type RequestName, isRequestName } from '../../shared/contract/requests';
import type { ContractError, InvokeResult } from '../../shared/contract/views';
import { AppError } from '../../shared/errors';
import { JobCancelled } from './export-jobs';
import { HANDLERS } from './handlers';
import type { Handler } from './handlers/types';
import type { Session } from './session';

const chineseIssues = z.locales.zhCN().localeError;

/** At most this many problems of one input are listed; the rest are counted. */
const LISTED_PROBLEMS = 5;

function failure(error: ContractError): InvokeResult<never> {
  return { ok: false, error };
}

/** Names each field the schema refused: `profile.year：无效输入：期望 数字，实际接收 string`. */
function badInput(name: RequestName, issues: readonly z.core.$ZodIssue[]): ContractError {
  const problems = issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    return field === '' ? issue.message : `${field}：${issue.message}`;
  });
  const listed = problems.slice(0, LISTED_PROBLEMS).join('；');
  const more = problems.length > LISTED_PROBLEMS ? `；另有 ${problems.length - LISTED_PROBLEMS} 处` : '';
  return {
    code: 'BAD_REQUEST',
    message: `请求“${name}”的参数有误：${listed}${more}`,
    details: { problems },
  };
}

/**
 * Checks the request's name and input at the boundary, runs its handler and says how it went:
 * an AppError keeps its code and Chinese message; anything unexpected is logged and reported
 * without internals.
 */
export async function dispatchRequest(
  session: Session,
  name: unknown,
  rawInput: unknown,
): Promise<InvokeResult<unknown>> {
  if (!isRequestName(name)) {
    return failure({
      code: 'BAD_REQUEST',
      message: `没有名为“${String(name).slice(0, 80)}”的请求。`,
      details: {},
    });
  }
  const parsed = REQUEST_INPUTS[name].safeParse(rawInput, { error: chineseIssues });
  if (!parsed.success) return failure(badInput(name, parsed.error.issues));
  try {
    const handler = HANDLERS[name] as Handler<RequestName>;
    return { ok: true, value: await handler(session, parsed.data as never) };
  } catch (error) {
    if (error instanceof AppError) return failure(error.toJSON());
    if (error instanceof JobCancelled)
      return failure({ code: 'CANCELLED', message: error.message, details: {} });
    session.logError(name, error);
    return failure({
      code: 'INTERNAL',
      message: '程序内部出错，操作未完成；工作簿中已保存的内容不受影响。详细信息已记入日志。',
      details: {},
    });
  }
}
