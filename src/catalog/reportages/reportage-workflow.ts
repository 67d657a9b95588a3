import { HttpStatus } from '@nestjs/common';
import { AppError } from '../../common/errors.js';
import type { ReportageStatus } from './reportage.entity.js';

/**
 * Editorial workflow of a reportage: draft → submitted → approved | rejected → archived.
 * Pure rules, so they are tested without a database.
 */
export const WORKFLOW_ACTIONS = ['submit', 'withdraw', 'approve', 'reject', 'archive', 'restore'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const TRANSITIONS: Record<WorkflowAction, { from: readonly ReportageStatus[]; to: ReportageStatus }> =
  {
    submit: { from: ['draft', 'rejected'], to: 'submitted' },
    withdraw: { from: ['submitted'], to: 'draft' },
    approve: { from: ['submitted'], to: 'approved' },
    reject: { from: ['submitted'], to: 'rejected' },
    archive: { from: ['draft', 'rejected', 'approved'], to: 'archived' },
    restore: { from: ['archived'], to: 'draft' },
  };

export const STATUS_LABELS: Record<ReportageStatus, string> = {
  draft: 'bản nháp',
  submitted: 'chờ duyệt',
  approved: 'đã duyệt',
  rejected: 'bị từ chối',
  archived: 'lưu trữ',
};

const ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: 'gửi duyệt',
  withdraw: 'rút lại',
  approve: 'duyệt',
  reject: 'từ chối',
  archive: 'lưu trữ',
  restore: 'khôi phục',
};

export interface WorkflowSubject {
  status: ReportageStatus;
  summary: string | null;
  exemplarCount: number;
}

/** The status an action leads to, or the reason it is refused (HTTP 409 or 422). */
export function nextStatus(
  subject: WorkflowSubject,
  action: WorkflowAction,
  reason?: string | null,
): ReportageStatus {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(subject.status)) {
    const allowed = rule.from.map((s) => STATUS_LABELS[s]).join(', ');
    throw new AppError(
      HttpStatus.CONFLICT,
      'INVALID_TRANSITION',
      `Không thể ${ACTION_LABELS[action]} phóng sự đang ở trạng thái "${STATUS_LABELS[subject.status]}"; chỉ ${ACTION_LABELS[action]} được khi phóng sự ở trạng thái: ${allowed}.`,
    );
  }
  if (action === 'reject' && !reason?.trim()) {
    throw new AppError(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'REASON_REQUIRED',
      'Từ chối phóng sự cần ghi rõ lý do.',
      [
        {
          field: 'reason',
          code: 'required',
          message: 'Hãy nhập lý do từ chối để biên tập viên biết cần sửa gì.',
        },
      ],
    );
  }
  if (action === 'submit') {
    const missing = [];
    if (!subject.summary?.trim())
      missing.push({ field: 'summary', code: 'required', message: 'Cần có tóm tắt nội dung.' });
    if (subject.exemplarCount === 0)
      missing.push({ field: 'exemplarIds', code: 'required', message: 'Cần gắn ít nhất một điển hình.' });
    if (missing.length)
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'NOT_READY_FOR_SUBMISSION',
        `Phóng sự chưa đủ thông tin để gửi duyệt: ${missing.map((m) => m.message.toLowerCase()).join(' ')}`,
        missing,
      );
  }
  return rule.to;
}
