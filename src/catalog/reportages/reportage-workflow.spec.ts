import { HttpStatus } from '@nestjs/common';
import type { AppError } from '../../common/errors.js';
import {
  nextStatus,
  TRANSITIONS,
  WORKFLOW_ACTIONS,
  type WorkflowAction,
  type WorkflowSubject,
} from './reportage-workflow.js';
import { REPORTAGE_STATUSES, type ReportageStatus } from './reportage.entity.js';

/** A reportage that has everything a submission needs. */
const ready = { summary: 'Chị em phụ nữ trồng hoa dọc đường quê.', exemplarCount: 1 };

/** The error `nextStatus` throws, or a failure when it allows the action. */
function refusal(subject: WorkflowSubject, action: WorkflowAction, reason?: string | null): AppError {
  try {
    nextStatus(subject, action, reason);
  } catch (error) {
    return error as AppError;
  }
  throw new Error(`${action} from ${subject.status} was allowed`);
}

const ALLOWED: [ReportageStatus, WorkflowAction, ReportageStatus][] = [
  ['draft', 'submit', 'submitted'],
  ['draft', 'archive', 'archived'],
  ['submitted', 'withdraw', 'draft'],
  ['submitted', 'approve', 'approved'],
  ['submitted', 'reject', 'rejected'],
  ['approved', 'archive', 'archived'],
  ['rejected', 'submit', 'submitted'],
  ['rejected', 'archive', 'archived'],
  ['archived', 'restore', 'draft'],
];
const isAllowed = (status: ReportageStatus, action: WorkflowAction) =>
  ALLOWED.some(([s, a]) => s === status && a === action);
const REFUSED = REPORTAGE_STATUSES.flatMap((status) =>
  WORKFLOW_ACTIONS.filter((action) => !isAllowed(status, action)).map(
    (action): [ReportageStatus, WorkflowAction] => [status, action],
  ),
);

describe('reportage workflow', () => {
  it('covers every status and action pair: 9 allowed, 21 refused', () => {
    expect(ALLOWED).toHaveLength(9);
    expect(REFUSED).toHaveLength(REPORTAGE_STATUSES.length * WORKFLOW_ACTIONS.length - 9);
  });

  it('declares a rule for every action, from and to statuses that exist', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...WORKFLOW_ACTIONS].sort());
    for (const rule of Object.values(TRANSITIONS)) {
      expect(REPORTAGE_STATUSES).toContain(rule.to);
      for (const from of rule.from) expect(REPORTAGE_STATUSES).toContain(from);
    }
  });

  it.each(ALLOWED)('moves a %s reportage on %s to %s', (status, action, expected) => {
    expect(nextStatus({ status, ...ready }, action, 'Thiếu tên người được phỏng vấn')).toBe(expected);
    expect(TRANSITIONS[action]).toMatchObject({ to: expected });
    expect(TRANSITIONS[action].from).toContain(status);
  });

  it.each(REFUSED)('refuses to let a %s reportage %s: 409 INVALID_TRANSITION', (status, action) => {
    const error = refusal({ status, ...ready }, action, 'lý do');
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.getStatus()).toBe(HttpStatus.CONFLICT);
    expect(TRANSITIONS[action].from).not.toContain(status);
  });

  it('names the current status and the allowed ones in Vietnamese when refusing', () => {
    expect(refusal({ status: 'archived', ...ready }, 'approve').message).toBe(
      'Không thể duyệt phóng sự đang ở trạng thái "lưu trữ"; chỉ duyệt được khi phóng sự ở trạng thái: chờ duyệt.',
    );
  });

  it.each([
    ['no reason', undefined],
    ['a null reason', null],
    ['an empty reason', ''],
    ['a blank reason', ' \t\n '],
  ])('refuses a rejection with %s: 422 REASON_REQUIRED on the reason field', (_name, reason) => {
    const error = refusal({ status: 'submitted', ...ready }, 'reject', reason);
    expect(error.code).toBe('REASON_REQUIRED');
    expect(error.getStatus()).toBe(HttpStatus.UNPROCESSABLE_ENTITY);
    expect(error.details).toEqual([expect.objectContaining({ field: 'reason', code: 'required' })]);
  });

  it('checks the transition before the reason: rejecting a draft without a reason is INVALID_TRANSITION', () => {
    expect(refusal({ status: 'draft', ...ready }, 'reject').code).toBe('INVALID_TRANSITION');
  });

  it.each([
    ['no summary', { summary: null, exemplarCount: 1 }, ['summary']],
    ['a blank summary', { summary: '   ', exemplarCount: 2 }, ['summary']],
    ['no exemplar', { summary: 'Tóm tắt', exemplarCount: 0 }, ['exemplarIds']],
    ['neither summary nor exemplar', { summary: '', exemplarCount: 0 }, ['summary', 'exemplarIds']],
  ])('refuses to submit a reportage with %s: 422 NOT_READY_FOR_SUBMISSION', (_name, subject, fields) => {
    for (const status of ['draft', 'rejected'] as const) {
      const error = refusal({ status, ...subject }, 'submit');
      expect(error.code).toBe('NOT_READY_FOR_SUBMISSION');
      expect(error.getStatus()).toBe(HttpStatus.UNPROCESSABLE_ENTITY);
      expect(error.details?.map((d) => d.field)).toEqual(fields);
    }
  });

  it.each(['withdraw', 'approve', 'archive'] as const)(
    'asks for a summary and an exemplar only on submit, not on %s',
    (action) => {
      const bare = { summary: null, exemplarCount: 0 };
      const from = TRANSITIONS[action].from[0];
      expect(nextStatus({ status: from, ...bare }, action)).toBe(TRANSITIONS[action].to);
    },
  );

  it('reports an invalid transition before missing content', () => {
    expect(refusal({ status: 'approved', summary: null, exemplarCount: 0 }, 'submit').code).toBe(
      'INVALID_TRANSITION',
    );
  });
});
