import { AppError } from '../../common/errors.js';
import { nextStatus, TRANSITIONS, type WorkflowAction } from './reportage-workflow.js';
import { REPORTAGE_STATUSES, type ReportageStatus } from './reportage.entity.js';

const ready = { summary: 'Tóm tắt', exemplarCount: 1 };

function outcome(status: ReportageStatus, action: WorkflowAction, reason?: string): string {
  try {
    return nextStatus({ status, ...ready }, action, reason);
  } catch (error) {
    return (error as AppError).code;
  }
}

describe('reportage workflow', () => {
  it('allows exactly these transitions and refuses every other pair with INVALID_TRANSITION', () => {
    const table = REPORTAGE_STATUSES.map((status) => [
      status,
      ...(Object.keys(TRANSITIONS) as WorkflowAction[]).map((action) => outcome(status, action, 'lý do')),
    ]);
    expect(table).toEqual([
      // status     submit               withdraw              approve               reject                archive               restore
      [
        'draft',
        'submitted',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
        'archived',
        'INVALID_TRANSITION',
      ],
      [
        'submitted',
        'INVALID_TRANSITION',
        'draft',
        'approved',
        'rejected',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
      ],
      [
        'approved',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
        'archived',
        'INVALID_TRANSITION',
      ],
      [
        'rejected',
        'submitted',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
        'archived',
        'INVALID_TRANSITION',
      ],
      [
        'archived',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
        'draft',
      ],
    ]);
  });

  it.each([undefined, '', '   '])('refuses a rejection without a reason (%j)', (reason) => {
    expect(outcome('submitted', 'reject', reason)).toBe('REASON_REQUIRED');
  });

  it.each([
    ['no summary', { summary: null, exemplarCount: 1 }, ['summary']],
    ['no exemplar', { summary: 'x', exemplarCount: 0 }, ['exemplarIds']],
    ['neither', { summary: ' ', exemplarCount: 0 }, ['summary', 'exemplarIds']],
  ])('refuses to submit a reportage with %s', (_name, subject, fields) => {
    try {
      nextStatus({ status: 'draft', ...subject }, 'submit');
      throw new Error('should have refused');
    } catch (error) {
      expect((error as AppError).code).toBe('NOT_READY_FOR_SUBMISSION');
      expect((error as AppError).details?.map((d) => d.field)).toEqual(fields);
    }
  });
});
